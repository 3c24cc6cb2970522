package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.qcchain.chaincode.model.AccessRequest;
import org.qcchain.chaincode.model.SignedAccessRequest;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.node.ApiException;
import org.qcchain.node.auth.Caller;
import org.qcchain.node.subject.SubjectIdentifier;
import org.qcchain.node.subject.SubjectRecordsQuery;

/**
 * {@code POST /v1/subjects/records} (IDENTITY_PROVIDER): the subject's safe-box (数字保险箱). The
 * body is {@code {identifier, signedRequest}}: the subject's identifier and the identity provider's
 * own signed request for the purpose {@code SUBJECT_ACCESS}, whose subject must be the identifier's
 * pseudonym. The node checks both before anything reaches the ledger (a mismatch is a 400 and
 * writes nothing), then carries the request to the ledger exactly as a bank's: the chaincode
 * decides and records the access, and a grant is answered with the same verifiable {@code
 * qcchain-answer/2} envelope, a denial with 403 and the denial's {@code accessId}.
 */
final class SubjectRecordsHandler implements Handler<RoutingContext> {

    /** The purpose of a subject's access to their own records (docs/chaincode.md). */
    static final String PURPOSE = "SUBJECT_ACCESS";

    private final NodeServices services;

    SubjectRecordsHandler(NodeServices services) {
        this.services = services;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Caller caller = ctx.get(Caller.CONTEXT_KEY);
        SubjectRecordsQuery query = JsonBodies.read(ctx, SubjectRecordsQuery.class);
        SignedAccessRequest signed = query.signedRequest();
        if (signed == null || signed.request() == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "signedRequest.request is required");
        }
        String pseudonym = SubjectIdentifier.requirePseudonym(query.identifier(), services.pseudonyms());
        AccessRequest request = signed.request();
        if (!caller.mspId().equals(request.consumerMspId())) {
            throw new ApiException(ErrorCode.NOT_AUTHORIZED, caller.mspId()
                    + " may send only its own requests, not those of " + request.consumerMspId());
        }
        if (!PURPOSE.equals(request.purpose())) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "signedRequest.request.purpose must be " + PURPOSE
                    + " on this route; a consumer's request goes to /v1/data-requests");
        }
        if (!pseudonym.equals(request.subject())) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT,
                    "signedRequest.request.subject is not the pseudonym of the identifier");
        }
        GrantedAnswers.answer(ctx, services.dataRequests(), signed);
    }
}
