package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.qcchain.chaincode.model.SignedAccessRequest;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.node.ApiException;
import org.qcchain.node.auth.Caller;
import org.qcchain.node.auth.SignedDataRequestHandler;

/**
 * {@code POST /v1/data-requests} (CONSUMER): the body is the consumer's {@code
 * SignedAccessRequest}, which authenticates the call unless it carries signature headers ({@link
 * SignedDataRequestHandler}). The node submits it to the ledger as itself; a denial is a 403 whose
 * {@code code} is the access record's reason code and whose {@code accessId} names the denial on
 * the ledger; a grant is the signed {@code qcchain-answer/2} envelope, sent once its delivery
 * receipt (the answer's hash) is kept for the ledger ({@link GrantedAnswers}). A grant whose provider record lacks a
 * requested field is a 502 {@code RECORD_INCOMPLETE} naming the grant's {@code accessId}, with no
 * data and no delivery. With {@code Accept: application/vnd.qcchain.sealed+json} the grant is
 * sealed to the certificate the caller signed the call with ({@code qcchain-sealed/1});
 * either grant says {@code Vary: Accept}.
 */
final class DataRequestHandler implements Handler<RoutingContext> {

    private final NodeServices services;

    DataRequestHandler(NodeServices services) {
        this.services = services;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Caller caller = ctx.get(Caller.CONTEXT_KEY);
        SignedAccessRequest signed = ctx.get(SignedDataRequestHandler.REQUEST_KEY);
        if (signed == null) {
            signed = JsonBodies.read(ctx, SignedAccessRequest.class);
        }
        if (signed.request() == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "request is required");
        }
        if (!caller.mspId().equals(signed.request().consumerMspId())) {
            // the chaincode would accept it from the node; the node must not carry one
            // consumer's request for another
            throw new ApiException(ErrorCode.NOT_AUTHORIZED, caller.mspId()
                    + " may send only its own requests, not those of " + signed.request().consumerMspId());
        }
        GrantedAnswers.answerNegotiated(ctx, services.dataRequests(), signed, caller.certificate());
    }
}
