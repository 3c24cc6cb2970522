package org.qcchain.simulator;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Fabric's MVCC validation of one transaction's reads (the committer's {@code validateKVRead} and
 * {@code validateRangeQuery}), against a {@link StateStore}.
 */
final class MvccValidator {

    static final String READ_CONFLICT = "MVCC_READ_CONFLICT";
    static final String PHANTOM_CONFLICT = "PHANTOM_READ_CONFLICT";

    private MvccValidator() {}

    static Optional<String> findConflict(ReadWriteSet rwset, StateStore current) {
        for (Map.Entry<String, Version> read : rwset.reads().entrySet()) {
            Version now = current.get(read.getKey()).map(VersionedValue::version).orElse(null);
            if (!Objects.equals(now, read.getValue())) {
                return Optional.of(READ_CONFLICT + ": key " + Keys.printable(read.getKey())
                        + " was read at " + Version.describe(read.getValue()) + " but is now "
                        + Version.describe(now));
            }
        }
        for (RangeRead range : rwset.rangeReads()) {
            Optional<String> phantom = findPhantom(range, current);
            if (phantom.isPresent()) {
                return phantom;
            }
        }
        return Optional.empty();
    }

    /**
     * Runs the range query again over the same span (up to the last key read when the iterator was
     * not exhausted) and compares key by key, as Fabric's {@code rangeQueryResultsValidator}.
     */
    private static Optional<String> findPhantom(RangeRead range, StateStore current) {
        List<KeyVersion> seen = range.results();
        List<VersionedKeyValue> now =
                current.range(range.startKey(), range.exclusiveEnd(), seen.size() + 1);
        for (int i = 0; i < seen.size(); i++) {
            KeyVersion before = seen.get(i);
            if (i >= now.size()) {
                return phantom(range, "key " + Keys.printable(before.key()) + " no longer exists");
            }
            VersionedKeyValue after = now.get(i);
            int order = KeyOrder.compare(after.key(), before.key());
            if (order < 0) {
                return phantom(range, "key " + Keys.printable(after.key()) + " was created");
            }
            if (order > 0) {
                return phantom(range, "key " + Keys.printable(before.key()) + " no longer exists");
            }
            if (!after.version().equals(before.version())) {
                return phantom(range, "key " + Keys.printable(before.key()) + " was read at "
                        + before.version().describe() + " but is now " + after.version().describe());
            }
        }
        if (now.size() > seen.size()) {
            return phantom(range, "key " + Keys.printable(now.get(seen.size()).key()) + " was created");
        }
        return Optional.empty();
    }

    private static Optional<String> phantom(RangeRead range, String what) {
        return Optional.of(PHANTOM_CONFLICT + ": range " + range.describe() + ": " + what);
    }
}
