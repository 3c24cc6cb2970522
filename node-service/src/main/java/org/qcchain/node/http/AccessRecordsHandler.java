package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import org.qcchain.chaincode.model.AccessQuery;
import org.qcchain.chaincode.model.AccessScope;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.node.ApiException;
import org.qcchain.node.auth.Caller;
import org.qcchain.node.config.NodeConfig;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerIdentity;

/**
 * {@code GET /v1/access-records?scope=&party=&from=&to=&pageSize=&bookmark=}: a page of the access
 * trail from {@code Access:listAccessRecords}. The node evaluates with its own identity, so it
 * applies the chaincode's listing rule to the caller first ({@link AccessTrailPolicy}). Without
 * {@code scope}, a caller gets its own trail (an auditor: all); without {@code party}, its own
 * MSP id.
 */
final class AccessRecordsHandler implements Handler<RoutingContext> {

    private final NodeServices services;
    private final NodeConfig.Limits limits;

    AccessRecordsHandler(NodeServices services, NodeConfig.Limits limits) {
        this.services = services;
        this.limits = limits;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Caller caller = ctx.get(Caller.CONTEXT_KEY);
        MultiMap params = ctx.queryParams();
        AccessScope scope = scope(params.get("scope"), caller);
        String party = params.get("party");
        if (party == null && (scope == AccessScope.CONSUMER || scope == AccessScope.PROVIDER)) {
            party = caller.mspId();
        }
        AccessTrailPolicy.requireCanList(caller, scope, party);
        PageRequest page = PageRequest.of(params, limits);
        String query = Json.write(new AccessQuery(scope, scope == AccessScope.ALL ? null : party,
                params.get("from"), params.get("to"), page.pageSize(), page.bookmark()));
        LedgerBackend ledger = services.ledger();
        LedgerIdentity node = services.node();
        Blocking.answerJson(ctx, () -> ledger.evaluate(node, "Access:listAccessRecords", query));
    }

    private static AccessScope scope(String value, Caller caller) {
        if (value == null || value.isBlank()) {
            return AccessTrailPolicy.defaultScope(caller);
        }
        try {
            return AccessScope.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT,
                    "scope must be one of ALL, CONSUMER, PROVIDER, SUBJECT");
        }
    }
}
