package org.qcchain.chaincode.store;

/**
 * Nonces of organisations' relayed commands, kept under (organisation, nonce) with the id of the
 * transaction that spent them; apart from the nonces of data requests, whose values are access ids.
 */
public final class CommandNonceStore extends SpentNonces {

    public CommandNonceStore(LedgerState state) {
        super(state);
    }

    @Override
    String keyType() {
        return Keys.COMMAND_NONCE;
    }
}
