package org.qcchain.simulator;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;

/** Results known in full (a page, a history); every {@link #iterator()} shares one cursor. */
final class ListResults<T> implements QueryResultsIterator<T> {

    private Iterator<T> cursor;

    ListResults(List<T> results) {
        this.cursor = List.copyOf(results).iterator();
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return cursor.hasNext();
            }

            @Override
            public T next() {
                return cursor.next();
            }
        };
    }

    @Override
    public void close() {
        cursor = Collections.emptyIterator();
    }
}
