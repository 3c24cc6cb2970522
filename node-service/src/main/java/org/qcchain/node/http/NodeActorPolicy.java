package org.qcchain.node.http;

import io.vertx.ext.web.RoutingContext;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.node.ApiException;
import org.qcchain.node.auth.Caller;
import org.qcchain.node.ledger.LedgerIdentity;

/**
 * Who a node may write for: only its own organisation. A write such as {@code
 * Consents:grantConsent} is decided by the chaincode on the transaction's creator, and the node
 * holds the key of its own organisation only; submitting another organisation's consent as the node
 * would either be refused by the chaincode or, worse, recorded under the wrong organisation. So a
 * caller of another organisation is refused here, naming the gap (docs/api.md, "Writes on behalf
 * of an organisation").
 */
final class NodeActorPolicy {

    private NodeActorPolicy() {}

    /**
     * The identity a write route submits with: the node's, once the caller is found to be of the
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
                    + " and holds no key of " + caller.mspId() + "; record consents through a node of "
                    + caller.mspId() + " (client-signed proposals are not supported yet)");
        }
    }
}
