package org.qcchain.node.ledger;

import java.util.Objects;
import org.qcchain.common.crypto.Identity;

/**
 * Who a transaction is submitted as: a member's certificate and key, and its organisation's MSP
 * id. The node submits data requests as its own identity (the operator's node); the demo and the
 * importer submit as providers, consumers and the identity provider.
 *
 * @param mspId the organisation, as the chaincode sees the caller
 * @param identity the member's certificate and private key
 */
public record LedgerIdentity(String mspId, Identity identity) {

    /** Requires both parts. */
    public LedgerIdentity {
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(identity, "identity");
    }

    @Override
    public String toString() {
        return "LedgerIdentity[" + mspId + "]";
    }
}
