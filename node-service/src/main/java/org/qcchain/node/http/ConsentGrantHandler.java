package org.qcchain.node.http;

import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.qcchain.chaincode.model.ConsentGrant;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.node.ApiException;

/**
 * {@code POST /v1/consents} (IDENTITY_PROVIDER): records a consent with {@code
 * Consents:grantConsent}; 201 with the stored Consent. The body is either the chaincode's {@code
 * ConsentGrant} {@code {terms, subjectSignature?}}, from the node's own organisation only, or the
 * identity provider's signed command for that function, which the node relays ({@link
 * PartyWriteHandler}).
 */
final class ConsentGrantHandler extends PartyWriteHandler {

    ConsentGrantHandler(NodeServices services) {
        super(services, "Consents:grantConsent", 201);
    }

    @Override
    String[] directArgs(RoutingContext ctx) {
        ConsentGrant grant = JsonBodies.read(ctx, ConsentGrant.class);
        if (grant.terms() == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "terms is required");
        }
        // the body as sent, not re-serialised: a subject signature covers the terms as the app made them
        return new String[] {new String(JsonBodies.bytes(ctx), StandardCharsets.UTF_8)};
    }

    @Override
    void checkRelayedArgs(RoutingContext ctx, List<String> args) {
        requireArity(args, 1);
    }
}
