package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.node.ApiException;
import org.qcchain.node.auth.Caller;
import org.qcchain.node.config.NodeConfig;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerIdentity;

/**
 * {@code GET /v1/agreements?consumer=|provider=&pageSize=&bookmark=}: a page {@code {records,
 * bookmark, fetched}} of one organisation's agreements, as consumer ({@code
 * Agreements:listAgreementsByConsumer}) or as provider ({@code …ByProvider}); exactly one of the
 * two parameters. An organisation lists its own; the operator and auditors anyone's ({@link
 * AgreementReadPolicy}).
 */
final class AgreementListHandler implements Handler<RoutingContext> {

    private static final Pattern MSP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,63}");

    private final NodeServices services;
    private final NodeConfig.Limits limits;

    AgreementListHandler(NodeServices services, NodeConfig.Limits limits) {
        this.services = services;
        this.limits = limits;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String consumer = ctx.queryParams().get("consumer");
        String provider = ctx.queryParams().get("provider");
        if ((consumer == null) == (provider == null)) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "name exactly one of consumer= and provider=");
        }
        String party = consumer != null ? consumer : provider;
        if (!MSP_ID.matcher(party).matches()) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, (consumer != null ? "consumer" : "provider")
                    + " must be an MSP id matching " + MSP_ID.pattern());
        }
        AgreementReadPolicy.requireCanList(ctx.get(Caller.CONTEXT_KEY), party);
        String function = consumer != null ? "Agreements:listAgreementsByConsumer"
                : "Agreements:listAgreementsByProvider";
        String query = PageRequest.of(ctx.queryParams(), limits).pageQueryJson();
        LedgerBackend ledger = services.ledger();
        LedgerIdentity node = services.node();
        Blocking.answerJson(ctx, () -> ledger.evaluate(node, function, party, query));
    }
}
