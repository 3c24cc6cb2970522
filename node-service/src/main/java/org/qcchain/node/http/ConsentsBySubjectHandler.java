package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.node.ApiException;
import org.qcchain.node.config.NodeConfig;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerIdentity;

/**
 * {@code GET /v1/consents?subject=&pageSize=&bookmark=} (IDENTITY_PROVIDER, AUDITOR): a page of a
 * subject's consents, each {@code {consent, usage, inForce}}, from {@code
 * Consents:listConsentsBySubject}. The route's role guard applies the chaincode's own rule for
 * this function before the node evaluates it with its own identity.
 */
final class ConsentsBySubjectHandler implements Handler<RoutingContext> {

    /** A pseudonym: the platform key's HMAC in lowercase hex; never an identifier in clear. */
    private static final Pattern PSEUDONYM = Pattern.compile("[0-9a-f]{64}");

    private final NodeServices services;
    private final NodeConfig.Limits limits;

    ConsentsBySubjectHandler(NodeServices services, NodeConfig.Limits limits) {
        this.services = services;
        this.limits = limits;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String subject = ctx.queryParams().get("subject");
        if (subject == null || !PSEUDONYM.matcher(subject).matches()) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT,
                    "subject must be the subject's pseudonym, 64 lowercase hex characters");
        }
        String query = PageRequest.of(ctx.queryParams(), limits).pageQueryJson();
        LedgerBackend ledger = services.ledger();
        LedgerIdentity node = services.node();
        Blocking.answerJson(ctx, () -> ledger.evaluate(node, "Consents:listConsentsBySubject", subject, query));
    }
}
