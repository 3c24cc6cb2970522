package org.qcchain.node.answer;

import com.fasterxml.jackson.databind.JsonNode;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.json.CanonicalFragment;
import org.qcchain.common.proof.MerkleTree;

/**
 * What every record of one anchored batch shares in an answer: the rebuilt batch tree (for
 * inclusion proofs), the anchor as the chaincode stores it, and the anchoring transaction's
 * evidence, each also serialised once for the answers' JSON.
 *
 * @param tree the batch tree, rebuilt from the stored record roots
 * @param anchor the Anchor JSON from the ledger
 * @param anchorEvidence evidence of the {@code anchorBatch} transaction
 * @param anchorJson {@code anchor} in canonical form
 * @param anchorEvidenceJson {@code anchorEvidence} in canonical form
 */
record BatchEvidence(MerkleTree tree, JsonNode anchor, TransactionEvidence anchorEvidence, JsonNode anchorJson,
        JsonNode anchorEvidenceJson) {

    /** The evidence of a batch, with its canonical forms. */
    static BatchEvidence of(MerkleTree tree, JsonNode anchor, TransactionEvidence anchorEvidence) {
        return new BatchEvidence(tree, anchor, anchorEvidence, CanonicalFragment.of(anchor),
                CanonicalFragment.of(AnswerTrees.evidence(anchorEvidence)));
    }
}
