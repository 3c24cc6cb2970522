package org.qcchain.common.answer;

import com.fasterxml.jackson.databind.JsonNode;
import org.qcchain.common.proof.InclusionProof;

/**
 * Evidence from the embedded ledger ({@code ledger = "embedded"}): {@code transaction} is exactly
 * the object whose canonical bytes hash to the transaction hash (docs/ledger.md); {@code
 * transactionsProof} proves that hash at {@code index} under the block header's transactions root;
 * the header's validation code at {@code index} must be VALID; {@code blockSignature} is the
 * node's signature over the canonical bytes of {@code blockHeader}.
 */
public record EmbeddedEvidence(
        String ledger,
        JsonNode transaction,
        int index,
        InclusionProof transactionsProof,
        JsonNode blockHeader,
        String blockSignature) implements TransactionEvidence {
}
