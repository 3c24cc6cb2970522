package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.qcchain.chaincode.model.PageQuery;
import org.qcchain.common.json.Json;
import org.qcchain.node.config.NodeConfig;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerIdentity;

/**
 * {@code GET /v1/datasets?pageSize=&bookmark=} (any registered organisation): a page {@code
 * {records, bookmark, fetched}} of {@code Catalogue:listDatasets}, evaluated as the node.
 * The catalogue is public to every registered organisation (the chaincode lets any of them
 * list it), so evaluating as the node reveals nothing the caller could not read itself.
 */
final class DatasetsHandler implements Handler<RoutingContext> {

    private final NodeServices services;
    private final NodeConfig.Limits limits;

    DatasetsHandler(NodeServices services, NodeConfig.Limits limits) {
        this.services = services;
        this.limits = limits;
    }

    @Override
    public void handle(RoutingContext ctx) {
        PageRequest page = PageRequest.of(ctx.queryParams().get("pageSize"), ctx.queryParams().get("bookmark"), limits);
        String query = Json.write(new PageQuery(page.pageSize(), page.bookmark()));
        LedgerBackend ledger = services.ledger();
        LedgerIdentity node = services.node();
        Blocking.answerJson(ctx, () -> ledger.evaluate(node, "Catalogue:listDatasets", query));
    }
}
