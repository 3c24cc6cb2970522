package org.qcchain.common.answer;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Evidence that a transaction is in a valid place on the ledger (docs/proof-format.md, section
 * 11). Its shape depends on the ledger that holds the transaction, named by {@link #ledger()}:
 * {@link EmbeddedEvidence} for the embedded ledger, {@link FabricEvidence} for a Hyperledger Fabric
 * channel. A verifier that meets a ledger kind it does not know rejects the evidence.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "ledger",
        visible = true)
@JsonSubTypes({
    @JsonSubTypes.Type(value = EmbeddedEvidence.class, name = TransactionEvidence.EMBEDDED),
    @JsonSubTypes.Type(value = FabricEvidence.class, name = TransactionEvidence.FABRIC)
})
public sealed interface TransactionEvidence permits EmbeddedEvidence, FabricEvidence {

    /** The value of {@code ledger} for evidence from the embedded ledger. */
    String EMBEDDED = "embedded";

    /** The value of {@code ledger} for evidence from a Hyperledger Fabric channel. */
    String FABRIC = "fabric";

    /** @return which kind of ledger holds the transaction: {@value #EMBEDDED} or {@value #FABRIC} */
    String ledger();
}
