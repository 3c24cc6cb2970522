package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.qcchain.node.config.NodeConfig;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerIdentity;

/**
 * A list route over a register every registered organisation may read, evaluated as the node: a
 * page {@code {records, bookmark, fetched}} of {@code pageSize} and {@code bookmark}.
 *
 * <ul>
 *   <li>{@code GET /v1/organisations}: {@code Organisations:listOrganisations};
 *   <li>{@code GET /v1/datasets}: {@code Catalogue:listDatasets}, the catalogue with each field's
 *       classification level.
 * </ul>
 *
 * <p>The chaincode lets every registered organisation list both, so evaluating as the node reveals
 * nothing the caller could not read itself.
 */
final class RegistryListHandler implements Handler<RoutingContext> {

    private final NodeServices services;
    private final NodeConfig.Limits limits;
    private final String function;

    private RegistryListHandler(NodeServices services, NodeConfig.Limits limits, String function) {
        this.services = services;
        this.limits = limits;
        this.function = function;
    }

    static RegistryListHandler organisations(NodeServices services, NodeConfig.Limits limits) {
        return new RegistryListHandler(services, limits, "Organisations:listOrganisations");
    }

    static RegistryListHandler datasets(NodeServices services, NodeConfig.Limits limits) {
        return new RegistryListHandler(services, limits, "Catalogue:listDatasets");
    }

    @Override
    public void handle(RoutingContext ctx) {
        String query = PageRequest.of(ctx.queryParams(), limits).pageQueryJson();
        LedgerBackend ledger = services.ledger();
        LedgerIdentity node = services.node();
        Blocking.answerJson(ctx, () -> ledger.evaluate(node, function, query));
    }
}
