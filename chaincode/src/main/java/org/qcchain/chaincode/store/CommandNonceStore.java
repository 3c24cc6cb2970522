package org.qcchain.chaincode.store;

import java.nio.charset.StandardCharsets;

/**
 * Nonces of organisations' relayed commands, kept forever under (organisation, nonce) with the id
 * of the transaction that spent them: a replayed command is found with one read, and two uses of
 * one nonce in a block conflict on the key. Kept apart from the nonces of data requests, whose
 * keys record access ids.
 */
public final class CommandNonceStore {
    private final LedgerState state;

    public CommandNonceStore(LedgerState state) {
        this.state = state;
    }

    public boolean used(String mspId, String nonce) {
        return state.exists(key(mspId, nonce));
    }

    public void markUsed(String mspId, String nonce, String txId) {
        state.stub().putState(key(mspId, nonce), txId.getBytes(StandardCharsets.UTF_8));
    }

    private String key(String mspId, String nonce) {
        return Keys.of(state.stub(), Keys.COMMAND_NONCE, mspId, nonce);
    }
}
