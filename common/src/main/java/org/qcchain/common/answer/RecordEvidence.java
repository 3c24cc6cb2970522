package org.qcchain.common.answer;

import com.fasterxml.jackson.databind.JsonNode;
import org.qcchain.common.proof.Disclosure;
import org.qcchain.common.proof.InclusionProof;

/**
 * One disclosed record: its opened fields and commitments, its place in an anchored batch, the
 * anchor as stored on the ledger (with the provider's signature over the batch root), and the
 * evidence that the anchoring transaction is on the ledger.
 */
public record RecordEvidence(
        Disclosure disclosure, InclusionProof inclusionProof, JsonNode anchor, TransactionEvidence anchorEvidence) {}
