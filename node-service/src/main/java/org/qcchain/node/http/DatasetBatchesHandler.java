package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qcchain.common.json.Json;
import org.qcchain.node.auth.Caller;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.node.store.RecordUploads;

/**
 * {@code POST /v1/datasets/{id}/batches} (PROVIDER, the dataset's source only, through any node):
 * the first of the two steps by which a provider without a node of its own anchors its uploaded
 * records. Cuts the records waiting for an anchor into batches of at most {@code batchSize} and
 * answers, for every batch still waiting (those cut by an earlier call first), the statement the
 * provider signs. Nothing reaches the ledger here, and the node signs nothing: the provider signs
 * each statement with its own key and sends the signature to {@link BatchAnchorHandler}. A batch
 * once cut never changes, so calling again cuts nothing twice. 200 {@code {datasetId, batches:
 * [StatementToSign]}}; an empty list when nothing waits.
 */
final class DatasetBatchesHandler implements Handler<RoutingContext> {

    private final NodeServices services;

    DatasetBatchesHandler(NodeServices services) {
        this.services = services;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Caller caller = ctx.get(Caller.CONTEXT_KEY);
        String datasetId = ctx.pathParam("id");
        int batchSize = DatasetAnchorsHandler.batchSize(ctx.queryParams().get("batchSize"));
        LedgerBackend ledger = services.ledger();
        LedgerIdentity node = services.node();
        RecordUploads uploads = services.uploads();
        Blocking.answerJson(ctx, () -> {
            ProviderDatasets.requireOwn(ledger, node, datasetId, caller);
            List<StatementToSign> batches = uploads.cutBatches(caller.mspId(), datasetId, batchSize).stream()
                    .map(batch -> StatementToSign.of(batch, uploads.statement(datasetId, batch)))
                    .toList();
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("datasetId", datasetId);
            answer.put("batches", batches);
            return Json.write(answer);
        });
    }
}
