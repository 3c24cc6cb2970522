package org.qcchain.node.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.lang.System.Logger.Level;
import org.qcchain.common.auth.RequestAuthenticationException;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.common.json.JsonInputException;
import org.qcchain.node.ApiException;
import org.qcchain.node.answer.AccessDenied;
import org.qcchain.node.answer.RecordChangedAtSource;
import org.qcchain.node.answer.RecordIncomplete;
import org.qcchain.node.answer.RecordsNotHeld;
import org.qcchain.node.answer.StoreUnavailable;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.store.StoreException;

/**
 * Turns every failure into a problem document: the node's and the platform's exceptions keep
 * their error code, JSON input errors become {@code INVALID_ARGUMENT}, Vert.x's own statuses (404,
 * 405, 413, ...) their catalogue entry. Anything unexpected becomes a 500 whose detail says only
 * that, with the request id; the stack trace goes to the node's log, never to the caller.
 */
final class ProblemHandler implements Handler<RoutingContext> {

    private static final System.Logger LOG = System.getLogger(ProblemHandler.class.getName());

    @Override
    public void handle(RoutingContext ctx) {
        Problem problem = problemOf(ctx.failure(), ctx.statusCode(), RequestObserver.requestId(ctx));
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            // too late for a problem document: cut the connection so the client sees a failure
            response.reset();
            return;
        }
        response.setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (problem.status() == 401) {
            response.putHeader("WWW-Authenticate", "QCCHAIN-REQ-1");
        }
        response.end(Json.write(problem));
    }

    static Problem problemOf(Throwable failure, int status, String requestId) {
        if (failure instanceof ApiException e) {
            return Problem.of(e.errorCode(), e.getMessage(), requestId, null);
        }
        if (failure instanceof RequestAuthenticationException e) {
            return Problem.of(e.errorCode(), e.getMessage(), requestId, null);
        }
        if (failure instanceof ChaincodeFailure e) {
            return Problem.of(e.errorCode(), e.getMessage(), requestId, null);
        }
        if (failure instanceof AccessDenied e) {
            return Problem.denial(ErrorCode.fromMessage(e.record().reasonCode()), e.record().reason(),
                    requestId, e.record().accessId());
        }
        if (failure instanceof RecordIncomplete e) {
            // the provider's data needs fixing: tell the operator too, with names only, never values
            LOG.log(Level.WARNING, "request " + requestId + ": " + e.getMessage());
            return Problem.of(ErrorCode.RECORD_INCOMPLETE, e.getMessage(), requestId, null)
                    .withAccessId(e.accessId());
        }
        if (failure instanceof RecordChangedAtSource e) {
            // the provider has to import the dataset again: tell the operator, with ids only
            LOG.log(Level.WARNING, "request " + requestId + ": " + e.getMessage());
            return Problem.of(ErrorCode.SOURCE_RECORD_CHANGED, e.getMessage(), requestId, null)
                    .withAccessId(e.accessId());
        }
        if (failure instanceof StoreUnavailable e) {
            LOG.log(Level.ERROR, "request " + requestId + ": " + e.getMessage(), e.getCause());
            return Problem.of(ErrorCode.PROVIDER_STORE_UNAVAILABLE, e.getMessage(), requestId, null)
                    .withAccessId(e.accessId());
        }
        if (failure instanceof RecordsNotHeld e) {
            return Problem.of(ErrorCode.RECORDS_NOT_HELD, e.getMessage(), requestId, null);
        }
        if (failure instanceof StoreException e) {
            // a route reading a store for a subject or a provider, or a data request refused before the
            // ledger because the store failed its check at start (logged then): no grant is involved
            if (e.getCause() == null) {
                LOG.log(Level.WARNING, "request " + requestId + ": " + e.getMessage());
            } else {
                LOG.log(Level.ERROR, "request " + requestId + " failed", e);
            }
            return Problem.of(ErrorCode.PROVIDER_STORE_UNAVAILABLE, e.getMessage(), requestId, null);
        }
        if (failure instanceof JsonInputException e) {
            return Problem.of(ErrorCode.INVALID_ARGUMENT, e.getMessage(), requestId, e.path());
        }
        if (failure instanceof HttpException e) {
            return ofStatus(e.getStatusCode(), requestId);
        }
        if (failure == null && status >= 400 && status < 500) {
            return ofStatus(status, requestId);
        }
        LOG.log(Level.ERROR, "request " + requestId + " failed", failure);
        return Problem.of(ErrorCode.INTERNAL_ERROR,
                "the node failed to answer; quote the instance id when reporting it", requestId, null);
    }

    private static Problem ofStatus(int status, String requestId) {
        return switch (status) {
            case 404 -> Problem.of(ErrorCode.ROUTE_NOT_FOUND,
                    "no route has this path; see /openapi.yaml", requestId, null);
            case 405 -> Problem.of(ErrorCode.METHOD_NOT_ALLOWED,
                    "the route exists but not for this method; see /openapi.yaml", requestId, null);
            case 413 -> Problem.of(ErrorCode.PAYLOAD_TOO_LARGE,
                    "the request body is larger than the node accepts", requestId, null);
            case 415 -> Problem.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "the request body must be application/json", requestId, null);
            case 401 -> Problem.of(ErrorCode.BAD_SIGNATURE, "the request is not signed", requestId,
                    null);
            case 403 -> Problem.of(ErrorCode.NOT_AUTHORIZED, "not allowed", requestId, null);
            case 429 -> Problem.of(ErrorCode.RATE_LIMITED, "too many requests", requestId, null);
            default -> status >= 400 && status < 500
                    ? Problem.of(ErrorCode.INVALID_ARGUMENT, "the request is malformed", requestId, null)
                    : Problem.of(ErrorCode.INTERNAL_ERROR,
                            "the node failed to answer; quote the instance id when reporting it",
                            requestId, null);
        };
    }
}
