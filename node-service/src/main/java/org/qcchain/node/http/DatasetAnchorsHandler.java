package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.node.ApiException;
import org.qcchain.node.auth.Caller;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.node.store.AnchoredBatch;
import org.qcchain.node.store.RecordUploads;

/**
 * {@code POST /v1/datasets/{id}/anchors} (PROVIDER, the dataset's source only, through a node of
 * its own organisation): commits the uploaded records that wait for an anchor into batches of at
 * most {@code batchSize} (query parameter, default {@value #DEFAULT_BATCH_SIZE}) and anchors each
 * batch root on the ledger, signed as the provider. An anchor speaks for the provider, and a node
 * holds the key of its own organisation only (see {@link NodeActorPolicy}): a provider whose
 * records sit on another organisation's node signs each batch itself and has that node relay the
 * signature ({@link DatasetBatchesHandler}, {@link BatchAnchorHandler}). 200 {@code {datasetId,
 * records, anchored: [{batchId, records, merkleRoot, txId}]}}; an empty list when nothing waited.
 */
final class DatasetAnchorsHandler implements Handler<RoutingContext> {

    static final int DEFAULT_BATCH_SIZE = 5000;
    private static final int MAX_BATCH_SIZE = 100_000;

    private final NodeServices services;

    DatasetAnchorsHandler(NodeServices services) {
        this.services = services;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Caller caller = ctx.get(Caller.CONTEXT_KEY);
        String datasetId = ctx.pathParam("id");
        int batchSize = batchSize(ctx.queryParams().get("batchSize"));
        LedgerIdentity node = services.node();
        if (!caller.mspId().equals(node.mspId())) {
            throw new ApiException(ErrorCode.NOT_AUTHORIZED, "this node signs as " + node.mspId()
                    + " and holds no key of " + caller.mspId() + "; anchor " + caller.mspId()
                    + "'s records through a node of " + caller.mspId() + ", or sign the batches of POST /v1/datasets/"
                    + datasetId + "/batches yourself and send each signature to .../batches/{batchId}/anchor");
        }
        LedgerBackend ledger = services.ledger();
        RecordUploads uploads = services.uploads();
        Blocking.answerJson(ctx, () -> {
            ProviderDatasets.requireOwn(ledger, node, datasetId, caller);
            List<AnchoredBatch> anchored = uploads.anchorPending(ledger, node, datasetId, batchSize);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("datasetId", datasetId);
            answer.put("records", anchored.stream().mapToLong(AnchoredBatch::records).sum());
            answer.put("anchored", anchored);
            return Json.write(answer);
        });
    }

    static int batchSize(String text) {
        if (text == null) {
            return DEFAULT_BATCH_SIZE;
        }
        try {
            int size = Integer.parseInt(text);
            if (size >= 1 && size <= MAX_BATCH_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiException(ErrorCode.INVALID_ARGUMENT, "batchSize must be an integer from 1 to " + MAX_BATCH_SIZE);
    }
}
