package org.qcchain.node.http;

import io.vertx.ext.web.RoutingContext;
import org.qcchain.common.command.Command;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.node.ApiException;
import org.qcchain.node.auth.Caller;
import org.qcchain.node.ledger.LedgerIdentity;

/**
 * Who a node may write for. The node holds the key of its own organisation only, and the
 * chaincode decides every write on the organisation that acts, so there are exactly two ways:
 *
 * <ul>
 *   <li><b>direct</b>: the caller is the node's own organisation, and the node submits the plain
 *       function with its identity. A caller of another organisation is refused here, because
 *       submitting its write as the node would either be refused by the chaincode or, worse,
 *       recorded under the wrong organisation;
 *   <li><b>relayed</b>: the caller sends a command it signed itself, for its own organisation;
 *       the node carries it unchanged to the function's relayed form, and the chaincode verifies
 *       the signature and runs the function for the signer (docs/api.md, "Writes on behalf of an
 *       organisation"). The node never signs for anyone.
 * </ul>
 */
final class NodeActorPolicy {

    private NodeActorPolicy() {}

    /**
     * The identity a direct write submits with: the node's, once the caller is found to be of the
     * node's organisation.
     *
     * @throws ApiException {@code NOT_AUTHORIZED} for a caller of another organisation
     */
    static LedgerIdentity nodeActingFor(RoutingContext ctx, NodeServices services) {
        LedgerIdentity node = services.node();
        requireNodeActsFor(ctx.get(Caller.CONTEXT_KEY), node);
        return node;
    }

    static void requireNodeActsFor(Caller caller, LedgerIdentity node) {
        if (!caller.mspId().equals(node.mspId())) {
            throw new ApiException(ErrorCode.NOT_AUTHORIZED, "this node submits as " + node.mspId()
                    + " and holds no key of " + caller.mspId() + "; send a command signed by "
                    + caller.mspId() + " ({command, certificate, signature}) for the node to relay");
        }
    }

    /**
     * The identity a relayed write submits with (the node's), once the command is found to be the
     * caller's own and for the route's function.
     *
     * @param function the function the route submits, as a command names it
     * @throws ApiException {@code NOT_AUTHORIZED} for another organisation's command,
     *     {@code COMMAND_MISMATCH} for a command for another function
     */
    static LedgerIdentity nodeRelaying(RoutingContext ctx, NodeServices services, Command command,
            String function) {
        Caller caller = ctx.get(Caller.CONTEXT_KEY);
        if (!caller.mspId().equals(command.mspId())) {
            // the chaincode would accept it from an operator's node: the node must not carry one
            // organisation's command for another
            throw new ApiException(ErrorCode.NOT_AUTHORIZED, caller.mspId()
                    + " may send only its own commands, not those of " + command.mspId());
        }
        if (!function.equals(command.function())) {
            throw new ApiException(ErrorCode.COMMAND_MISMATCH, "this route submits " + function
                    + "; the command is for " + command.function());
        }
        return services.node();
    }
}
