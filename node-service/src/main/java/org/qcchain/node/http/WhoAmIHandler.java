package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.qcchain.common.crypto.Certificates;
import org.qcchain.node.auth.Caller;

/**
 * {@code GET /v1/whoami}: the authenticated organisation, its roles and the signing certificate,
 * so a client can check its signing set-up before it calls anything that matters.
 */
final class WhoAmIHandler implements Handler<RoutingContext> {

    /** The answer. */
    record WhoAmI(String mspId, List<String> roles, String subject, String issuer,
            String certificateFingerprint, String cryptoSuite) {}

    @Override
    public void handle(RoutingContext ctx) {
        Caller caller = ctx.get(Caller.CONTEXT_KEY);
        Responses.json(ctx, 200, new WhoAmI(caller.mspId(),
                caller.roles().stream().map(Enum::name).sorted().toList(),
                Certificates.subjectDn(caller.certificate()),
                Certificates.issuerDn(caller.certificate()),
                Certificates.fingerprint(caller.certificate()),
                Certificates.suiteOf(caller.certificate()).name()));
    }
}
