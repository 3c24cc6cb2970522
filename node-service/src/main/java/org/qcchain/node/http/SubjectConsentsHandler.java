package org.qcchain.node.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.node.ApiException;
import org.qcchain.node.config.NodeConfig;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.node.subject.SubjectIdentifier;
import org.qcchain.node.subject.SubjectPageQuery;

/**
 * {@code POST /v1/subjects/consents} (IDENTITY_PROVIDER): a page of the subject's consents, each
 * {@code {consent, usage, inForce}}, from {@code Consents:listConsentsBySubject}, for the body
 * {@code {identifier, pageSize?, bookmark?}}. The identifier travels in the body, never in a URL
 * that access logs keep; the node pseudonymises it and queries as itself. The answer adds the
 * {@code subject} pseudonym to the page.
 */
final class SubjectConsentsHandler implements Handler<RoutingContext> {

    private final NodeServices services;
    private final NodeConfig.Limits limits;

    SubjectConsentsHandler(NodeServices services, NodeConfig.Limits limits) {
        this.services = services;
        this.limits = limits;
    }

    @Override
    public void handle(RoutingContext ctx) {
        SubjectPageQuery query = JsonBodies.read(ctx, SubjectPageQuery.class);
        if (query.from() != null || query.to() != null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "from and to filter the access trail only");
        }
        PageRequest page = SubjectPages.page(query, limits);
        String subject = SubjectIdentifier.requirePseudonym(query.identifier(), services.pseudonyms());
        LedgerBackend ledger = services.ledger();
        LedgerIdentity node = services.node();
        Blocking.answerJson(ctx, () -> {
            ObjectNode answer = Json.mapper().createObjectNode().put("subject", subject);
            answer.setAll((ObjectNode) Json.tree(ledger.evaluate(node, "Consents:listConsentsBySubject", subject,
                    page.pageQueryJson())));
            return Json.write(answer);
        });
    }
}
