package org.qcchain.chaincode;

import org.hyperledger.fabric.contract.Context;
import org.qcchain.chaincode.access.Caller;
import org.qcchain.chaincode.access.RelayedCommands;
import org.qcchain.chaincode.store.Stores;

/**
 * The organisation a write runs for, with the transaction's repositories: in a plain function the
 * transaction's own client identity, in its relayed form the organisation whose signed command an
 * operator's node carried. Both forms of a write start here and then run the same body, so they
 * cannot drift apart.
 *
 * <pre>{@code
 * return Acting.plain(ctx).write((stores, caller) -> grant(ctx, stores, caller, grantJson));
 * return Acting.relayed(ctx, "Consents:grantConsent", commandJson, grantJson)
 *         .write((stores, caller) -> grant(ctx, stores, caller, grantJson));
 * }</pre>
 *
 * @param stores the transaction's repositories
 * @param caller the organisation that acts
 */
record Acting(Stores stores, Caller caller) {

    /** The transaction's own client identity. */
    static Acting plain(Context ctx) {
        Stores stores = Stores.of(ctx);
        return new Acting(stores, Caller.of(ctx, stores.organisations()));
    }

    /**
     * The signer of a relayed command, once {@link RelayedCommands#verify} has checked it and spent its
     * nonce.
     *
     * @param function the plain function, as the command names it, e.g. {@code Consents:grantConsent}
     * @param commandJson the signed command, the relayed form's last argument
     * @param args the function's own arguments, which the command must name exactly
     */
    static Acting relayed(Context ctx, String function, String commandJson, String... args) {
        Stores stores = Stores.of(ctx);
        return new Acting(stores, RelayedCommands.verify(ctx, stores, function, commandJson, args));
    }

    /** @return what the write's body returns */
    String write(Body body) {
        return body.run(stores, caller);
    }

    /** A write's body, the same for both forms. */
    @FunctionalInterface
    interface Body {
        String run(Stores stores, Caller caller);
    }
}
