package org.qcchain.chaincode.store;

/**
 * Nonces of consumers' signed requests, kept under (consumer, nonce) with the id of the access
 * record that spent them.
 */
public final class NonceStore extends SpentNonces {

    public NonceStore(LedgerState state) {
        super(state);
    }

    @Override
    String keyType() {
        return Keys.NONCE;
    }
}
