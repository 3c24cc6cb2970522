package org.qcchain.simulator;

import java.util.Iterator;
import java.util.List;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/** One page of a paginated range query, with Fabric's response metadata. */
final class PageResults implements QueryResultsIteratorWithMetadata<KeyValue> {

    private final ListResults<KeyValue> results;
    private final QueryResponseMetadata metadata;

    PageResults(List<KeyValue> page, String nextBookmark) {
        this.results = new ListResults<>(page);
        this.metadata = QueryResponseMetadata.newBuilder()
                .setFetchedRecordsCount(page.size())
                .setBookmark(nextBookmark)
                .build();
    }

    @Override
    public QueryResponseMetadata getMetadata() {
        return metadata;
    }

    @Override
    public Iterator<KeyValue> iterator() {
        return results.iterator();
    }

    @Override
    public void close() {
        results.close();
    }
}
