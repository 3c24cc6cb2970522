package org.qcchain.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.qcchain.common.command.Command;
import org.qcchain.common.command.CommandEnvelope;
import org.qcchain.common.command.RelayedFunctions;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.node.ApiException;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerIdentity;

/**
 * A write route that submits one contract function for the calling organisation, in either of
 * the two ways of {@link NodeActorPolicy}:
 *
 * <ul>
 *   <li>a body with a {@code command} member is the caller's signed {@link CommandEnvelope}: the
 *       node checks that it is the caller's own, for this route's function and, through {@link
 *       #checkRelayedArgs}, for this route's record, then submits the function's relayed form with
 *       the command's arguments and the envelope;
 *   <li>any other body is the function's plain input, read by {@link #directArgs}, and accepted
 *       from the node's own organisation only.
 * </ul>
 *
 * The answer is the chaincode's result, the record after the write.
 */
abstract class PartyWriteHandler implements Handler<RoutingContext> {

    private final NodeServices services;
    private final String function;
    private final int successStatus;

    /**
     * @param function the contract function, as a command names it, e.g. {@code Consents:grantConsent}
     * @param successStatus 201 for a route that creates a record, otherwise 200
     */
    PartyWriteHandler(NodeServices services, String function, int successStatus) {
        this.services = services;
        this.function = function;
        this.successStatus = successStatus;
        RelayedFunctions.relayedForm(function); // fails fast for a function without a relayed form
    }

    @Override
    public final void handle(RoutingContext ctx) {
        JsonNode body = Json.tree(new String(JsonBodies.bytes(ctx), StandardCharsets.UTF_8));
        if (body.isObject() && body.has("command")) {
            relay(ctx);
        } else {
            LedgerIdentity node = NodeActorPolicy.nodeActingFor(ctx, services);
            submit(ctx, node, function, directArgs(ctx));
        }
    }

    /**
     * The function's arguments from a plain body, checked against the route.
     *
     * @throws ApiException or a JSON input error for bad input
     */
    abstract String[] directArgs(RoutingContext ctx);

    /**
     * Checks a signed command's arguments against the route, e.g. that it names the path's record;
     * the chaincode checks everything else.
     *
     * @throws ApiException {@code COMMAND_MISMATCH} for a command for another record or of another
     *     shape, {@code INVALID_ARGUMENT} for an unreadable argument
     */
    abstract void checkRelayedArgs(RoutingContext ctx, List<String> args);

    /** The route's function, as a command names it. */
    final String function() {
        return function;
    }

    /** Requires {@code expected} arguments, as the function takes them. */
    final void requireArity(List<String> args, int expected) {
        if (args.size() != expected) {
            throw new ApiException(ErrorCode.COMMAND_MISMATCH, function + " takes " + expected
                    + " argument(s); the command carries " + args.size());
        }
    }

    /** Requires that the command names the record of the path. */
    static void requireSameRecord(String what, String inCommand, String inPath) {
        if (!inPath.equals(inCommand)) {
            throw new ApiException(ErrorCode.COMMAND_MISMATCH, "the command is for " + what + " '" + inCommand
                    + "', the path names '" + inPath + "'");
        }
    }

    private void relay(RoutingContext ctx) {
        CommandEnvelope envelope = JsonBodies.read(ctx, CommandEnvelope.class);
        Command command = envelope.command();
        if (command == null || command.function() == null || command.mspId() == null || command.args() == null
                || command.args().contains(null)) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT,
                    "command needs function, args (strings), mspId, nonce and issuedAt");
        }
        LedgerIdentity node = NodeActorPolicy.nodeRelaying(ctx, services, command, function);
        checkRelayedArgs(ctx, command.args());
        String[] args = Stream.concat(command.args().stream(), Stream.of(Json.write(envelope)))
                .toArray(String[]::new);
        submit(ctx, node, RelayedFunctions.relayedForm(function), args);
    }

    private void submit(RoutingContext ctx, LedgerIdentity submitter, String name, String[] args) {
        LedgerBackend ledger = services.ledger();
        Blocking.answerJson(ctx, successStatus, () -> ledger.submit(submitter, name, args).payload());
    }
}
