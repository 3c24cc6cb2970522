package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import org.qcchain.chaincode.model.AnchorStatement;
import org.qcchain.chaincode.model.Dataset;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.node.ApiException;
import org.qcchain.node.auth.Caller;
import org.qcchain.node.auth.OrganisationDirectory;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.node.store.RecordUploads;
import org.qcchain.node.store.StoredBatch;

/**
 * {@code POST /v1/datasets/{id}/batches/{batchId}/anchor} (PROVIDER, the dataset's source only,
 * through any node): the second step after {@link DatasetBatchesHandler}. The body {@code
 * {certificate, signature}} is the provider's own signature over the batch's statement; the node
 * checks it against the statement it stored ({@link ProviderSignature}) and then submits {@code
 * Anchors:anchorBatch} with its own identity, which the chaincode accepts from an OPERATOR and
 * records as the anchor's {@code relayedBy}. The node never signs for the provider and cannot
 * change what it signed. 200 {@link org.qcchain.node.store.AnchoredBatch} {@code {batchId,
 * records, merkleRoot, txId}}; an unknown batch 404 {@code ANCHOR_NOT_FOUND}; an anchored one 409
 * {@code ANCHOR_EXISTS}.
 */
final class BatchAnchorHandler implements Handler<RoutingContext> {

    private final NodeServices services;
    private final OrganisationDirectory directory;
    private final Clock clock;

    BatchAnchorHandler(NodeServices services, OrganisationDirectory directory, Clock clock) {
        this.services = services;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Caller caller = ctx.get(Caller.CONTEXT_KEY);
        String datasetId = ctx.pathParam("id");
        String batchId = ctx.pathParam("batchId");
        ProviderSignature signed = JsonBodies.read(ctx, ProviderSignature.class);
        LedgerBackend ledger = services.ledger();
        LedgerIdentity node = services.node();
        RecordUploads uploads = services.uploads();
        Blocking.answerJson(ctx, () -> {
            Dataset dataset = ProviderDatasets.requireOwn(ledger, node, datasetId, caller);
            StoredBatch batch = uploads.batch(caller.mspId(), datasetId, batchId).orElseThrow(() ->
                    new ApiException(ErrorCode.ANCHOR_NOT_FOUND, "this node holds no batch '" + batchId
                            + "' of " + datasetId + "; cut the waiting records with POST /v1/datasets/"
                            + datasetId + "/batches"));
            if (batch.anchored()) {
                throw new ApiException(ErrorCode.ANCHOR_EXISTS, "batch '" + batchId + "' of " + datasetId
                        + " is already anchored, in transaction " + batch.anchorTx());
            }
            AnchorStatement statement = uploads.statement(datasetId, batch);
            signed.require(directory, dataset.providerMspId(), statement, clock.instant());
            return Json.write(uploads.anchorSigned(ledger, node, dataset.providerMspId(), datasetId, batchId,
                    signed.certificate(), signed.signature()));
        });
    }
}
