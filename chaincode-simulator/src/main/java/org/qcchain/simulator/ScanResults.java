package org.qcchain.simulator;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;

/**
 * The shim's side of a range query: results arrive in batches, the next one fetched when the
 * chaincode iterates past the current one. As in the shim, every {@link #iterator()} shares one
 * cursor, and after {@link #close()} nothing more is read.
 */
final class ScanResults implements QueryResultsIterator<KeyValue> {

    private final RangeScan scan;
    private final Runnable requireOpen;
    private Iterator<VersionedKeyValue> batch;
    private boolean hasMore;

    ScanResults(RangeScan scan, Runnable requireOpen) {
        this.scan = scan;
        this.requireOpen = requireOpen;
        fetch();
    }

    @Override
    public Iterator<KeyValue> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return batch.hasNext() || hasMore;
            }

            @Override
            public KeyValue next() {
                if (!batch.hasNext()) {
                    if (!hasMore) {
                        throw new NoSuchElementException();
                    }
                    requireOpen.run();
                    fetch();
                }
                return new LedgerKeyValue(batch.next());
            }
        };
    }

    @Override
    public void close() {
        batch = Collections.emptyIterator();
        hasMore = false;
    }

    private void fetch() {
        RangeScan.Batch next = scan.nextBatch();
        batch = next.results().iterator();
        hasMore = next.hasMore();
    }
}
