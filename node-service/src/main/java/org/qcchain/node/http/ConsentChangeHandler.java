package org.qcchain.node.http;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.qcchain.chaincode.model.ConsentStatusChange;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.node.ApiException;

/**
 * The routes that change a consent's status, {@code POST /v1/consents/{id}/pause}, {@code
 * /resume} and {@code /revoke} (IDENTITY_PROVIDER that recorded it). A plain body is {@code
 * {consentId?, reason?}} ({@code {}} will do), the consent id defaulting to the path's and refused
 * if it names another; a signed command must carry exactly one argument, a {@code
 * ConsentStatusChange} for the path's consent. The answer is the Consent after the change.
 */
abstract class ConsentChangeHandler extends PartyWriteHandler {

    ConsentChangeHandler(NodeServices services, String function) {
        super(services, function, 200);
    }

    @Override
    final String[] directArgs(RoutingContext ctx) {
        String id = RecordIds.fromPath(ctx);
        ConsentStatusChange body = JsonBodies.read(ctx, ConsentStatusChange.class);
        if (body.consentId() != null && !body.consentId().equals(id)) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "consentId " + body.consentId()
                    + " of the body is not the consent of the path, " + id);
        }
        return new String[] {Json.write(new ConsentStatusChange(id, body.reason()))};
    }

    @Override
    final void checkRelayedArgs(RoutingContext ctx, List<String> args) {
        String id = RecordIds.fromPath(ctx);
        requireArity(args, 1);
        ConsentStatusChange change = Json.parse(args.get(0), ConsentStatusChange.class);
        requireSameRecord("consent", change.consentId(), id);
    }
}
