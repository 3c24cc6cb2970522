package org.qcchain.common.answer;

import org.qcchain.common.proof.InclusionProof;

/**
 * Where a {@code qcchain-answer/2} answer sits in the batch its node signed: the batch statement,
 * whose canonical JSON the answer's {@code signature} covers, and the inclusion proof of the
 * answer's digest (the suite hash of its canonical JSON without {@code signature} and {@code
 * signedBatch}) in the statement's root.
 *
 * @param batch the statement the node signed
 * @param inclusionProof the answer digest's audit path to {@code batch.root}, with tree size {@code batch.size}
 */
public record SignedBatch(AnswerBatch batch, InclusionProof inclusionProof) {}
