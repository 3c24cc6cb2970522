package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.qcchain.common.auth.RequestSignature;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.node.auth.Caller;

/**
 * {@code POST /v1/echo}: answers a signed JSON body with what the node understood of it: the
 * caller, the message and the body digest it signed against. Lets a client test body signing and
 * the node's strict JSON rules without touching the ledger.
 */
final class EchoHandler implements Handler<RoutingContext> {

    /**
     * The request body.
     *
     * @param message any text, 1 to 1000 characters
     * @param sequence an optional number the client may use to match answers
     */
    record EchoRequest(String message, Long sequence) {
        EchoRequest {
            if (message == null || message.isEmpty() || message.length() > 1000) {
                throw new IllegalArgumentException("message must have 1 to 1000 characters");
            }
        }
    }

    /** The answer. */
    record Echo(String caller, String message, Long sequence, String bodyDigest) {}

    private final CryptoSuite suite;

    EchoHandler(CryptoSuite suite) {
        this.suite = suite;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Caller caller = ctx.get(Caller.CONTEXT_KEY);
        EchoRequest request = JsonBodies.read(ctx, EchoRequest.class);
        Responses.json(ctx, 200, new Echo(caller.mspId(), request.message(), request.sequence(),
                RequestSignature.bodyDigest(suite, JsonBodies.bytes(ctx))));
    }
}
