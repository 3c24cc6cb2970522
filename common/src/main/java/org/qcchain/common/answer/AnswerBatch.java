package org.qcchain.common.answer;

import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;
import org.qcchain.common.proof.MerkleTree;

/**
 * What a node signs for a batch of answers (format {@value #FORMAT}, docs/proof-format.md section
 * 11): the RFC 6962 root over the digests of the answers it issued together, and how many there
 * were. One signature then covers every answer of the batch, and each answer carries its own
 * inclusion proof ({@link SignedBatch}); the format member keeps the statement from passing for
 * anything else the node's key signs (blocks, proposals).
 *
 * @param format always {@value #FORMAT}
 * @param root the Merkle Tree Hash over the answers' digests, 64 lowercase hex characters
 * @param size the number of answers in the batch, at least 1
 * @param suite the suite of the digests, the tree and the signature
 */
public record AnswerBatch(String format, String root, long size, CryptoSuite suite) {

    /** The format identifier of a batch statement. */
    public static final String FORMAT = "qcchain-answer-batch/1";

    /**
     * The statement over a tree of answer digests.
     *
     * @param digests the tree whose leaves are the batch's answer digests, in order
     * @return the statement to sign; the answers' inclusion proofs come from the same tree
     */
    public static AnswerBatch of(MerkleTree digests) {
        return new AnswerBatch(FORMAT, digests.rootHex(), digests.size(), digests.suite());
    }

    /** The bytes the node signs: the canonical JSON (RFC 8785) of this statement. */
    public byte[] signingBytes() {
        return Json.canonicalBytes(this);
    }
}
