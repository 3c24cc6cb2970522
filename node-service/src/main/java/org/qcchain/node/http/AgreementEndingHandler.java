package org.qcchain.node.http;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.node.ApiException;

/**
 * The routes that end an agreement with a reason, {@code POST /v1/agreements/{id}/reject} and
 * {@code /terminate}: the function takes {@code agreementId, reason}. A plain body is {@code
 * {reason}}; a signed command must carry the path's agreement id and a reason. The answer is the
 * Agreement after the change.
 */
abstract class AgreementEndingHandler extends PartyWriteHandler {

    private static final int MAX_REASON = 500;

    AgreementEndingHandler(NodeServices services, String function) {
        super(services, function, 200);
    }

    @Override
    final String[] directArgs(RoutingContext ctx) {
        String id = RecordIds.fromPath(ctx);
        String reason = JsonBodies.read(ctx, Reason.class).reason();
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "reason is required, at most " + MAX_REASON
                    + " characters");
        }
        return new String[] {id, reason};
    }

    @Override
    final void checkRelayedArgs(RoutingContext ctx, List<String> args) {
        String id = RecordIds.fromPath(ctx);
        requireArity(args, 2);
        requireSameRecord("agreement", args.get(0), id);
    }

    /** The plain body: why the agreement ends; recorded on the agreement. */
    record Reason(String reason) {}
}
