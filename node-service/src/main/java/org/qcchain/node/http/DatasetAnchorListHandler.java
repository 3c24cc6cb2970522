package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.syntax.IdentifierRule;
import org.qcchain.node.ApiException;
import org.qcchain.node.config.NodeConfig;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerIdentity;

/**
 * {@code GET /v1/datasets/{id}/anchors?pageSize=&bookmark=} (any registered organisation): a page
 * of the dataset's anchored batches in batch-id order, as the ledger holds them ({@code
 * Anchors:listAnchors}): the statement the provider signed (root, record count, suite, and {@code
 * "retiring": true} for a batch that retires records deleted at the source), the signature and its
 * certificate, when and by which transaction the batch was anchored, and who relayed it. An auditor
 * counts a provider's batches and retirements here, and checks any of them against its block
 * ({@code GET /v1/transactions/{txId}}).
 *
 * <p>Evaluated as the node: the chaincode lets every registered organisation list anchors, and an
 * anchor holds hashes and counts, never a record.
 */
final class DatasetAnchorListHandler implements Handler<RoutingContext> {

    private final NodeServices services;
    private final NodeConfig.Limits limits;

    DatasetAnchorListHandler(NodeServices services, NodeConfig.Limits limits) {
        this.services = services;
        this.limits = limits;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String datasetId = ctx.pathParam("id");
        if (datasetId == null || !IdentifierRule.DATASET_ID.matches(datasetId)) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "the path's dataset id must match "
                    + IdentifierRule.DATASET_ID.pattern());
        }
        String query = PageRequest.of(ctx.queryParams(), limits).pageQueryJson();
        LedgerBackend ledger = services.ledger();
        LedgerIdentity node = services.node();
        Blocking.answerJson(ctx, () -> ledger.evaluate(node, "Anchors:listAnchors", datasetId, query));
    }
}
