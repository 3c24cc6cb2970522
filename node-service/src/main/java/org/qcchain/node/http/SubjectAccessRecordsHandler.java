package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.qcchain.common.json.Json;
import org.qcchain.node.config.NodeConfig;
import org.qcchain.node.subject.SubjectIdentifier;
import org.qcchain.node.subject.SubjectPageQuery;
import org.qcchain.node.subject.SubjectTrail;

/**
 * {@code POST /v1/subjects/access-records} (IDENTITY_PROVIDER): "who used my data" — a page of the
 * subject's access trail, granted and denied, each record with the evidence of its transaction and
 * the consumer's name, for the body {@code {identifier, from?, to?, pageSize?, bookmark?}} (see
 * {@link SubjectTrail}). The identity provider's right to read subjects' trails is the chaincode's
 * own (scope SUBJECT), applied here by the route's role guard because the node queries as itself.
 */
final class SubjectAccessRecordsHandler implements Handler<RoutingContext> {

    private final NodeServices services;
    private final NodeConfig.Limits limits;
    /** Made on first use: a node without a ledger has none. */
    private volatile SubjectTrail trail;

    SubjectAccessRecordsHandler(NodeServices services, NodeConfig.Limits limits) {
        this.services = services;
        this.limits = limits;
    }

    @Override
    public void handle(RoutingContext ctx) {
        SubjectPageQuery query = JsonBodies.read(ctx, SubjectPageQuery.class);
        PageRequest page = SubjectPages.page(query, limits);
        String subject = SubjectIdentifier.requirePseudonym(query.identifier(), services.pseudonyms());
        SubjectTrail trail = trail();
        Blocking.answerJson(ctx, () -> Json.write(trail.page(subject, query.from(), query.to(), page.pageSize(),
                page.bookmark())));
    }

    private SubjectTrail trail() {
        SubjectTrail known = trail;
        if (known == null) {
            known = new SubjectTrail(services.ledger(), services.node());
            trail = known;
        }
        return known;
    }
}
