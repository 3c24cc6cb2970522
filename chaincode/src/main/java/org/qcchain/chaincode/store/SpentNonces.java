package org.qcchain.chaincode.store;

import java.nio.charset.StandardCharsets;

/**
 * Nonces kept forever under (organisation, nonce) in one key namespace, each with what spent it:
 * a replay is found with one read, and two uses of one nonce in a block conflict on the key. Each
 * kind of signed message has a namespace of its own, so a nonce spent by one never blocks another.
 */
abstract class SpentNonces {
    private final LedgerState state;

    SpentNonces(LedgerState state) {
        this.state = state;
    }

    /** @return the namespace of this kind's keys, one of {@link Keys} */
    abstract String keyType();

    /** @return whether the organisation has spent the nonce before */
    public final boolean used(String mspId, String nonce) {
        return state.exists(key(mspId, nonce));
    }

    /** Spends the nonce, recording {@code spentBy} (the id of what it was spent on) as its value. */
    public final void markUsed(String mspId, String nonce, String spentBy) {
        state.stub().putState(key(mspId, nonce), spentBy.getBytes(StandardCharsets.UTF_8));
    }

    private String key(String mspId, String nonce) {
        return Keys.of(state.stub(), keyType(), mspId, nonce);
    }
}
