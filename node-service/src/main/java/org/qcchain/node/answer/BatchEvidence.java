package org.qcchain.node.answer;

import com.fasterxml.jackson.databind.JsonNode;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.proof.MerkleTree;

/**
 * What every record of one anchored batch shares in an answer: the rebuilt batch tree (for
 * inclusion proofs), the anchor as the chaincode stores it, and the anchoring transaction's
 * evidence.
 *
 * @param tree the batch tree, rebuilt from the stored record roots
 * @param anchor the Anchor JSON from the ledger
 * @param anchorEvidence evidence of the {@code anchorBatch} transaction
 */
record BatchEvidence(MerkleTree tree, JsonNode anchor, TransactionEvidence anchorEvidence) {}
