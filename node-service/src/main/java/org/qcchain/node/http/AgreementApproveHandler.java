package org.qcchain.node.http;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.qcchain.chaincode.model.AgreementApproval;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.node.ApiException;

/**
 * {@code POST /v1/agreements/{id}/approve} (PROVIDER of the agreement's dataset): approves a
 * pending agreement with {@code Agreements:approveAgreement}, possibly narrower than asked. A plain
 * body is {@code {agreementId?, fields?, purposes?, validUntil?, note?}} ({@code {}} approves what
 * was asked for), the agreement id defaulting to the path's and refused if it names another; a
 * signed command must carry one {@code AgreementApproval} for the path's agreement. The answer is
 * the ACTIVE Agreement.
 */
final class AgreementApproveHandler extends PartyWriteHandler {

    AgreementApproveHandler(NodeServices services) {
        super(services, "Agreements:approveAgreement", 200);
    }

    @Override
    String[] directArgs(RoutingContext ctx) {
        String id = RecordIds.fromPath(ctx);
        AgreementApproval body = JsonBodies.read(ctx, AgreementApproval.class);
        if (body.agreementId() != null && !body.agreementId().equals(id)) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "agreementId " + body.agreementId()
                    + " of the body is not the agreement of the path, " + id);
        }
        return new String[] {Json.write(new AgreementApproval(id, body.fields(), body.purposes(), body.validUntil(),
                body.note()))};
    }

    @Override
    void checkRelayedArgs(RoutingContext ctx, List<String> args) {
        String id = RecordIds.fromPath(ctx);
        requireArity(args, 1);
        requireSameRecord("agreement", Json.parse(args.get(0), AgreementApproval.class).agreementId(), id);
    }
}
