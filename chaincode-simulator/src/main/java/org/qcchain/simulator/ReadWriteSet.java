package org.qcchain.simulator;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRead;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.QueryReads;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.RangeQueryInfo;

/**
 * What simulating one transaction read and wrote: the input of MVCC validation and of commit.
 *
 * <p>Mirrors the public part of Fabric's {@code KVRWSet} for one chaincode namespace: the version
 * of every key read (absent keys included), every range query with the keys it saw, and the last
 * write of every key written. {@link #findConflict(StateStore)} validates it as Fabric's committer
 * does; {@link #toProto()} gives the Fabric encoding for storing it in a block.
 *
 * <p>Immutable and thread-safe.
 */
public final class ReadWriteSet {

    private static final ReadWriteSet EMPTY = of(Map.of(), List.of(), Map.of(), false);

    private final SortedMap<String, Version> reads;
    private final List<RangeRead> rangeReads;
    private final SortedMap<String, Write> writes;
    private final boolean paginatedQuery;

    private ReadWriteSet(SortedMap<String, Version> reads, List<RangeRead> rangeReads,
            SortedMap<String, Write> writes, boolean paginatedQuery) {
        this.reads = Collections.unmodifiableSortedMap(reads);
        this.rangeReads = List.copyOf(rangeReads);
        this.writes = Collections.unmodifiableSortedMap(writes);
        this.paginatedQuery = paginatedQuery;
    }

    /**
     * A read/write set from its parts, copied and sorted in {@link KeyOrder}.
     *
     * @param reads key to version read; a {@code null} version means the key was absent
     * @param rangeReads the range queries, in the order they ran
     * @param writes key to its last write
     * @param paginatedQuery whether the transaction ran a paginated query
     */
    public static ReadWriteSet of(Map<String, Version> reads, List<RangeRead> rangeReads,
            Map<String, Write> writes, boolean paginatedQuery) {
        SortedMap<String, Version> sortedReads = new TreeMap<>(KeyOrder.COMPARATOR);
        sortedReads.putAll(Objects.requireNonNull(reads, "reads"));
        SortedMap<String, Write> sortedWrites = new TreeMap<>(KeyOrder.COMPARATOR);
        sortedWrites.putAll(Objects.requireNonNull(writes, "writes"));
        sortedWrites.values().forEach(write -> Objects.requireNonNull(write, "write"));
        return new ReadWriteSet(sortedReads, Objects.requireNonNull(rangeReads, "rangeReads"),
                sortedWrites, paginatedQuery);
    }

    /** The read/write set of a transaction that touched nothing. */
    public static ReadWriteSet empty() {
        return EMPTY;
    }

    /** Key to the version read, {@code null} where the key was absent; unmodifiable. */
    public SortedMap<String, Version> reads() {
        return reads;
    }

    /** The range queries in the order they ran, duplicates (same range, same end) once. */
    public List<RangeRead> rangeReads() {
        return rangeReads;
    }

    /** Key to its last write in the transaction, in {@link KeyOrder}; unmodifiable. */
    public SortedMap<String, Write> writes() {
        return writes;
    }

    /**
     * Whether the transaction ran a paginated query. Fabric supports those only in read-only
     * evaluations: such a transaction must not be committed.
     */
    public boolean hasPaginatedQuery() {
        return paginatedQuery;
    }

    /**
     * Validates this read/write set against the current committed state, as Fabric's committer
     * does before applying a transaction (MVCC).
     *
     * <p>Every key read must still be at the version read (a key read as absent must still be
     * absent); every range query, run again, must see exactly the same keys at the same versions,
     * else a key was created, deleted or changed in the range (a phantom).
     *
     * @param current the state as it is now, including every transaction ordered before this one
     * @return empty if valid; otherwise a message that starts with Fabric's validation code ({@code
     *     MVCC_READ_CONFLICT} or {@code PHANTOM_READ_CONFLICT}) and names the key
     */
    public Optional<String> findConflict(StateStore current) {
        return MvccValidator.findConflict(this, Objects.requireNonNull(current, "current"));
    }

    /**
     * This set in Fabric's encoding for one namespace. Range results are kept as raw reads (Fabric
     * switches to a Merkle summary above 50 results; validation means the same). The paginated
     * flag has no place in a {@code KVRWSet} and is dropped: such a transaction is never committed.
     */
    public KVRWSet toProto() {
        KVRWSet.Builder set = KVRWSet.newBuilder();
        reads.forEach((key, version) -> {
            KVRead.Builder read = KVRead.newBuilder().setKey(key);
            if (version != null) {
                read.setVersion(toProto(version));
            }
            set.addReads(read);
        });
        for (RangeRead range : rangeReads) {
            QueryReads.Builder results = QueryReads.newBuilder();
            range.results().forEach(result -> results.addKvReads(
                    KVRead.newBuilder().setKey(result.key()).setVersion(toProto(result.version()))));
            set.addRangeQueriesInfo(RangeQueryInfo.newBuilder()
                    .setStartKey(range.startKey())
                    .setEndKey(range.endKey())
                    .setItrExhausted(range.exhausted())
                    .setRawReads(results));
        }
        writes.forEach((key, write) -> set.addWrites(KVWrite.newBuilder()
                .setKey(key)
                .setIsDelete(write.delete())
                .setValue(ByteString.copyFrom(write.value()))));
        return set.build();
    }

    /**
     * The read/write set a {@code KVRWSet} encodes. A write of an empty value is read as a deletion.
     *
     * @throws IllegalArgumentException if a range query carries a Merkle summary instead of raw reads
     */
    public static ReadWriteSet fromProto(KVRWSet set) {
        SortedMap<String, Version> reads = new TreeMap<>(KeyOrder.COMPARATOR);
        for (KVRead read : set.getReadsList()) {
            reads.put(read.getKey(), read.hasVersion() ? fromProto(read.getVersion()) : null);
        }
        List<RangeRead> ranges = new ArrayList<>();
        for (RangeQueryInfo info : set.getRangeQueriesInfoList()) {
            if (!info.hasRawReads()) {
                throw new IllegalArgumentException("range query " + Keys.printable(info.getStartKey())
                        + " carries a Merkle summary; only raw reads can be validated here");
            }
            List<KeyVersion> results = info.getRawReads().getKvReadsList().stream()
                    .map(read -> new KeyVersion(read.getKey(), fromProto(read.getVersion())))
                    .toList();
            ranges.add(new RangeRead(info.getStartKey(), info.getEndKey(), results,
                    info.getItrExhausted()));
        }
        SortedMap<String, Write> writes = new TreeMap<>(KeyOrder.COMPARATOR);
        for (KVWrite write : set.getWritesList()) {
            writes.put(write.getKey(), write.getIsDelete()
                    ? Write.deletion()
                    : Write.of(write.getValue().toByteArray()));
        }
        return new ReadWriteSet(reads, ranges, writes, false);
    }

    private static org.hyperledger.fabric.protos.ledger.rwset.kvrwset.Version toProto(
            Version version) {
        return org.hyperledger.fabric.protos.ledger.rwset.kvrwset.Version.newBuilder()
                .setBlockNum(version.blockNumber())
                .setTxNum(version.txNumber())
                .build();
    }

    private static Version fromProto(
            org.hyperledger.fabric.protos.ledger.rwset.kvrwset.Version version) {
        return new Version(version.getBlockNum(), version.getTxNum());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReadWriteSet that
                && paginatedQuery == that.paginatedQuery
                && reads.equals(that.reads)
                && rangeReads.equals(that.rangeReads)
                && writes.equals(that.writes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reads, rangeReads, writes, paginatedQuery);
    }

    @Override
    public String toString() {
        return "ReadWriteSet[" + reads.size() + " reads, " + rangeReads.size() + " range reads, "
                + writes.size() + " writes" + (paginatedQuery ? ", paginated query" : "") + "]";
    }
}
