package org.qcchain.common.answer;

import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.proof.BatchRoot;
import org.qcchain.common.proof.ProofException;
import org.qcchain.common.proof.ProofFailure;
import org.qcchain.common.proof.ProofVerifier;

/**
 * What the node's signature of an answer covers (docs/proof-format.md section 11, check 2). In
 * format {@value DataAnswer#FORMAT} the node signs a batch: the signature covers the batch
 * statement, and the answer is bound to it by the inclusion proof of its digest, checked here. In
 * format {@value DataAnswer#FORMAT_SINGLY_SIGNED} the signature covers the answer itself.
 *
 * <pre>{@code
 * byte[] signed = AnswerSignatures.signedBytes(answer, suite);  // ProofException if not in its batch
 * suite.verify(nodeKey, signed, Base64.getDecoder().decode(answer.signature()));
 * }</pre>
 */
public final class AnswerSignatures {

    private AnswerSignatures() {}

    /**
     * The answer's digest: its leaf in the batch tree.
     *
     * @param answer the answer, signed or not
     * @param suite the answer's suite
     * @return the suite hash of {@link DataAnswer#signingBytes()}
     */
    public static byte[] digest(DataAnswer answer, CryptoSuite suite) {
        return suite.hash(answer.signingBytes());
    }

    /**
     * The bytes the node's signature of {@code answer} must verify over; for a batch-signed answer
     * only once its digest is shown to be in the signed batch.
     *
     * @param answer the answer as received
     * @param suite the suite the verifier expects
     * @return the canonical JSON of the batch statement, or of the singly signed answer
     * @throws ProofException {@code FORMAT_UNSUPPORTED} for an unknown answer or batch format,
     *     {@code SUITE_MISMATCH} for a batch of another suite, {@code MALFORMED} for a missing or
     *     misshapen {@code signedBatch}, {@code MERKLE_*} if the answer is not the proof's leaf of
     *     the signed root
     */
    public static byte[] signedBytes(DataAnswer answer, CryptoSuite suite) throws ProofException {
        if (DataAnswer.FORMAT_SINGLY_SIGNED.equals(answer.format())) {
            if (answer.signedBatch() != null) {
                throw new ProofException(ProofFailure.MALFORMED, "a singly signed answer has no signedBatch");
            }
            return answer.signingBytes();
        }
        if (!DataAnswer.FORMAT.equals(answer.format())) {
            throw new ProofException(ProofFailure.FORMAT_UNSUPPORTED, "answer format '" + answer.format() + "'");
        }
        SignedBatch signed = answer.signedBatch();
        if (signed == null || signed.batch() == null || signed.inclusionProof() == null) {
            throw new ProofException(ProofFailure.MALFORMED, "the answer has no signedBatch with its batch and inclusionProof");
        }
        AnswerBatch batch = signed.batch();
        if (!AnswerBatch.FORMAT.equals(batch.format())) {
            throw new ProofException(ProofFailure.FORMAT_UNSUPPORTED, "answer batch format '" + batch.format() + "'");
        }
        if (batch.suite() != suite) {
            throw new ProofException(ProofFailure.SUITE_MISMATCH, "the answer batch is of suite " + batch.suite()
                    + ", expected " + suite);
        }
        BatchRoot root;
        try {
            root = new BatchRoot(suite, batch.root(), batch.size());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProofException(ProofFailure.MALFORMED, "answer batch: " + e.getMessage(), e);
        }
        ProofVerifier.forSuite(suite).verifyInclusion(digest(answer, suite), signed.inclusionProof(), root);
        return batch.signingBytes();
    }
}
