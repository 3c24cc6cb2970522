package org.qcchain.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hyperledger.fabric.contract.ContractRuntimeException;

/**
 * Collects a transaction's reads and writes as the peer's {@code RWSetBuilder} and {@code
 * txSimulator} do, including the simulator's rules on paginated queries.
 */
final class RwSetRecorder {

    private final String txId;
    private final SortedMap<String, Version> reads = new TreeMap<>(KeyOrder.COMPARATOR);
    private final SortedMap<String, Write> writes = new TreeMap<>(KeyOrder.COMPARATOR);
    private final List<RangeScan> scans = new ArrayList<>();
    private boolean writePerformed;
    private boolean paginatedQuery;

    RwSetRecorder(String txId) {
        this.txId = txId;
    }

    /**
     * Records the version read. Fabric reads from one snapshot, so a second read of a key sees the
     * same version; a store without snapshots might show a newer one, and keeping the first makes
     * validation reject the transaction rather than miss the change.
     */
    void read(String key, Version version) {
        if (!reads.containsKey(key)) {
            reads.put(key, version);
        }
    }

    /** Records a write, the last one per key winning; refused after a paginated query. */
    void write(String key, Write write) {
        if (paginatedQuery) {
            throw new ContractRuntimeException("txid [" + txId + "]: unsupported transaction. "
                    + "Transaction has already performed a paginated query. Writes are not allowed");
        }
        writePerformed = true;
        writes.put(key, write);
    }

    /** Marks a paginated query; refused after a write. */
    void paginatedQuery() {
        if (writePerformed) {
            throw new ContractRuntimeException("txid [" + txId + "]: unsupported transaction. "
                    + "Paginated queries are supported only in a read-only transaction");
        }
        paginatedQuery = true;
    }

    RangeScan scan(StateStore state, String startKey, String endKey) {
        RangeScan scan = new RangeScan(state, startKey, endKey);
        scans.add(scan);
        return scan;
    }

    /** The read/write set so far; range queries with the same span once, as Fabric keeps them. */
    ReadWriteSet toReadWriteSet() {
        Map<List<Object>, RangeRead> ranges = new LinkedHashMap<>();
        for (RangeScan scan : scans) {
            RangeRead range = scan.toRangeRead();
            ranges.putIfAbsent(List.of(range.startKey(), range.endKey(), range.exhausted()), range);
        }
        return ReadWriteSet.of(reads, new ArrayList<>(ranges.values()), writes, paginatedQuery);
    }
}
