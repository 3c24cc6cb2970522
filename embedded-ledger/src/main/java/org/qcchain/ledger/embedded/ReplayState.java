package org.qcchain.ledger.embedded;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.qcchain.simulator.HistoryEntry;
import org.qcchain.simulator.KeyOrder;
import org.qcchain.simulator.StateStore;
import org.qcchain.simulator.Version;
import org.qcchain.simulator.VersionedKeyValue;
import org.qcchain.simulator.VersionedValue;

/**
 * The world state as a replay of the chain rebuilds it, for {@link ReplayCheck}: the latest write
 * of every key, in key order, for the MVCC validation of each transaction (point and range reads
 * compare versions only) and for the comparison with the stored state and history at the end.
 *
 * <p>Why a digest and no value: a verification replays the whole chain, so what it keeps per key
 * bounds the ledgers it can check on the heap ({@link ReplayStore} says where it is kept). The
 * values (an access record is a few KB) are compared with the stored rows only through their
 * SHA-256, which a changed row cannot match; nothing else of a value is needed. Nor is a key's history kept: each superseded write is compared with its
 * history row as the replay supersedes it.
 */
final class ReplayState implements StateStore {

    /**
     * A key's latest write, as its state row must hold it.
     *
     * @param digest SHA-256 of the value written; null for a write that carried no value
     * @param previous the history number of the write before it, 0 if none
     */
    record Head(Version version, String txId, Instant time, boolean delete, byte[] digest, long previous) {}

    private final ReplayStore heads;
    private final MessageDigest sha256;

    ReplayState(ReplayStore heads) {
        this.heads = heads;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** @return the key's latest write, or null if no valid transaction wrote it */
    Head head(String key) {
        return heads.head(key);
    }

    /**
     * Makes a new write the key's latest.
     *
     * @param key the key written
     * @param next the new latest write, made from the one it supersedes (null when none)
     * @return the write superseded, or null when the key was never written
     */
    Head write(String key, UnaryOperator<Head> next) {
        return heads.write(key, next);
    }

    /** @return every key written, with its latest write, in key order */
    Iterator<Map.Entry<String, Head>> inKeyOrder() {
        return heads.inKeyOrder();
    }

    /** @return the digest a {@link Head} keeps of these bytes; null for null */
    byte[] digest(byte[] value) {
        return value == null ? null : sha256.digest(value);
    }

    @Override
    public Optional<VersionedValue> get(String key) {
        Head head = heads.head(key);
        return head == null || head.delete() ? Optional.empty() : Optional.of(present(head));
    }

    @Override
    public List<VersionedKeyValue> range(String startKey, String endKey, int limit) {
        if (!endKey.isEmpty() && KeyOrder.compare(startKey, endKey) > 0) {
            return List.of();
        }
        List<VersionedKeyValue> found = new ArrayList<>();
        for (Iterator<Map.Entry<String, Head>> span = heads.from(startKey); span.hasNext();) {
            Map.Entry<String, Head> entry = span.next();
            if (!endKey.isEmpty() && KeyOrder.compare(entry.getKey(), endKey) >= 0
                    || limit > 0 && found.size() == limit) {
                break;
            }
            Head head = entry.getValue();
            if (!head.delete()) {
                found.add(new VersionedKeyValue(entry.getKey(), present(head).value(), head.version()));
            }
        }
        return found;
    }

    /** Not kept: the replay compares each superseded write with its history row as it goes. */
    @Override
    public List<HistoryEntry> history(String key) {
        throw new UnsupportedOperationException("a replay keeps no key history");
    }

    /**
     * A present key as MVCC validation reads it: the version decides, the digest stands in for the
     * value (a state store's values are never empty).
     */
    private static VersionedValue present(Head head) {
        return new VersionedValue(head.digest(), head.version());
    }
}
