package org.qcchain.chaincode.store;

import java.nio.charset.StandardCharsets;

/**
 * Nonces of consumers' signed requests. A nonce is kept forever under (consumer, nonce), so a
 * replayed request is found with one read; two uses of one nonce in a block conflict on the key.
 */
public final class NonceStore {
    private final LedgerState state;

    public NonceStore(LedgerState state) {
        this.state = state;
    }

    public boolean used(String consumerMspId, String nonce) {
        return state.exists(key(consumerMspId, nonce));
    }

    public void markUsed(String consumerMspId, String nonce, String accessId) {
        state.stub().putState(key(consumerMspId, nonce), accessId.getBytes(StandardCharsets.UTF_8));
    }

    private String key(String consumerMspId, String nonce) {
        return Keys.of(state.stub(), Keys.NONCE, consumerMspId, nonce);
    }
}
