package org.qcchain.node.http;

import io.netty.buffer.Unpooled;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.qcchain.chaincode.model.SignedAccessRequest;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.seal.SealedEnvelope;
import org.qcchain.common.seal.Sealer;
import org.qcchain.node.answer.DataRequestService;
import org.qcchain.node.answer.GrantedAnswer;

/**
 * Answers a signed data request without holding a thread while the ledger commits: the submit is
 * prepared and the answer built on Vert.x workers, the waits for the block and for the receipt's
 * disk sync hold none. A grant is sent as the signed {@code qcchain-answer/2} envelope with its
 * access id in {@code X-Qc-Access-Id}, once its delivery receipt is kept (the receipt reaches the
 * ledger afterwards, see {@code DeliveryRecorder}); a denial or failure goes to the problem
 * handler. Shared by the routes that carry a signed request to the ledger.
 *
 * <p>A caller that asks for it ({@code Accept: application/vnd.qcchain.sealed+json}, see {@link
 * #sealRequested}) gets the same canonical answer bytes sealed to its own certificate as {@code
 * qcchain-sealed/1}, so that nothing between node and caller sees the data values; the delivery
 * receipt still holds the hash of the plain answer, which the caller recomputes after opening.
 * On such a route every grant, sealed or plain, says {@code Vary: Accept}.
 */
final class GrantedAnswers {

    private GrantedAnswers() {}

    /** Answers a route whose grant is always plain JSON, whatever the request's {@code Accept}. */
    static void answer(RoutingContext ctx, DataRequestService service, SignedAccessRequest signed) {
        send(ctx, service, signed, Optional.empty(), false);
    }

    /**
     * Answers a route that offers both representations: a grant is sealed to {@code caller} when
     * {@link #sealRequested} says so, plain JSON otherwise. Both carry {@code Vary: Accept}, because
     * the same POST answers differently by that header alone: a cache or proxy that ignored it
     * could hand one caller's sealed bytes to a caller that asked for JSON, or the reverse.
     */
    static void answerNegotiated(RoutingContext ctx, DataRequestService service, SignedAccessRequest signed,
            X509Certificate caller) {
        send(ctx, service, signed, sealRequested(ctx) ? Optional.of(caller) : Optional.empty(), true);
    }

    private static void send(RoutingContext ctx, DataRequestService service, SignedAccessRequest signed,
            Optional<X509Certificate> sealTo, boolean negotiated) {
        Context context = ctx.vertx().getOrCreateContext();
        Executor workers = task -> context.executeBlocking(() -> {
            task.run();
            return null;
        }, false);
        // sealing is a curve multiplication and a pass over the answer: on a worker, like building
        // it; a plain answer is sent as it is, without another trip through the worker pool
        Future.fromCompletionStage(service.request(signed, workers)
                        .thenCompose(granted -> sealTo.isEmpty()
                                ? CompletableFuture.completedFuture(Reply.plain(granted))
                                : CompletableFuture.supplyAsync(() -> Reply.sealed(granted, sealTo.get()), workers)),
                        context)
                .onSuccess(reply -> {
                    ctx.response().putHeader("X-Qc-Access-Id", reply.accessId());
                    if (negotiated) {
                        ctx.response().putHeader("Vary", "Accept");
                    }
                    ctx.response().setStatusCode(200)
                            .putHeader("Content-Type", reply.sealed() ? SealedEnvelope.MEDIA_TYPE : "application/json")
                            .end(reply.body());
                })
                .onFailure(failure -> ctx.fail(unwrapped(failure)));
    }

    /**
     * What is sent for a grant: the answer's canonical JSON, or that sealed to the caller, in a
     * buffer that wraps the bytes instead of copying them (Vert.x's public {@code Buffer.buffer(byte[])}
     * copies; an answer is tens of kilobytes, and each copy was ~4 % of what the node allocated).
     */
    private record Reply(String accessId, boolean sealed, Buffer body) {

        /** The answer's bytes as signed and hashed: sent as they are, from their pieces. */
        static Reply plain(GrantedAnswer granted) {
            return new Reply(granted.accessId(), false, wrapped(granted.json().pieces()));
        }

        static Reply sealed(GrantedAnswer granted, X509Certificate sealTo) {
            byte[] sealed = Sealer.seal(CryptoSuite.fromName(granted.answer().suite()), sealTo,
                    granted.json().toByteArray()).getBytes(StandardCharsets.UTF_8);
            return new Reply(granted.accessId(), true, wrapped(List.of(ByteBuffer.wrap(sealed))));
        }

        /** One buffer over the pieces, none copied; they are never written to again. */
        private static Buffer wrapped(List<ByteBuffer> pieces) {
            return BufferInternal.buffer(Unpooled.wrappedBuffer(pieces.toArray(ByteBuffer[]::new)));
        }
    }

    /**
     * Whether the request's {@code Accept} header lists the sealed media type (case-insensitive,
     * parameters ignored, unless its {@code q} is zero). Any other or no {@code Accept} gets the
     * plain JSON answer, as before sealing existed.
     */
    static boolean sealRequested(RoutingContext ctx) {
        for (String accept : ctx.request().headers().getAll("Accept")) {
            for (String range : accept.split(",")) {
                String[] parts = range.split(";");
                if (parts[0].strip().toLowerCase(Locale.ROOT).equals(SealedEnvelope.MEDIA_TYPE)
                        && !refused(parts)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean refused(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].strip().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("q=") && parameter.substring(2).strip().matches("0(\\.0*)?")) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrapped(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
