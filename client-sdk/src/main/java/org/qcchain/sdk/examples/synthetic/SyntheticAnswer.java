package org.qcchain.sdk.examples.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.qcchain.common.answer.AnswerBatch;
import org.qcchain.common.answer.AnswerSignatures;
import org.qcchain.common.answer.DataAnswer;
import org.qcchain.common.answer.SignedBatch;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.proof.MerkleTree;

/**
 * A synthetic answer with what it was made from: the request the consumer sent, its hash, the
 * chain that holds the evidence, and the node identity, to sign a changed answer again.
 *
 * @param answer the signed answer
 * @param request the AccessRequest JSON the consumer signed
 * @param requestHash suite hash of the request's canonical JSON
 * @param blocks the chain, genesis first
 * @param node the identity that signed the blocks and the answer
 */
public record SyntheticAnswer(DataAnswer answer, JsonNode request, byte[] requestHash, List<SyntheticBlock> blocks,
        Identity node) {

    /**
     * Signs a (changed) answer as the node, so that only the change itself can make it fail: in a
     * batch of its own, as a node does when no other answer is issued with it.
     *
     * @param changed an answer of format {@value DataAnswer#FORMAT}
     * @return it with the node's batch signature
     */
    public DataAnswer resign(DataAnswer changed) {
        return signTogether(List.of(changed), node).get(0);
    }

    /**
     * Signs answers as one batch, as a node signs the answers it issues within its window.
     *
     * @param answers answers of format {@value DataAnswer#FORMAT}, of one suite; any signature
     *     they carry is replaced
     * @param node the node identity
     * @return the answers in order, each with the batch signature and its inclusion proof
     */
    public static List<DataAnswer> signTogether(List<DataAnswer> answers, Identity node) {
        CryptoSuite suite = CryptoSuite.fromName(answers.get(0).suite());
        List<DataAnswer> unsigned = answers.stream().map(a -> a.signedBy(null, null)).toList();
        MerkleTree tree = MerkleTree.of(suite, unsigned.stream().map(a -> AnswerSignatures.digest(a, suite)).toList());
        AnswerBatch batch = AnswerBatch.of(tree);
        String signature = Base64.getEncoder().encodeToString(node.sign(batch.signingBytes()));
        List<DataAnswer> signed = new ArrayList<>(unsigned.size());
        for (int i = 0; i < unsigned.size(); i++) {
            signed.add(unsigned.get(i).signedBy(signature, new SignedBatch(batch, tree.inclusionProof(i))));
        }
        return signed;
    }

    /**
     * Signs a (changed) answer as the node, singly, in the first format.
     *
     * @param changed an answer of format {@value DataAnswer#FORMAT_SINGLY_SIGNED}
     * @return it with the node's signature over the answer itself
     */
    public DataAnswer resignSingly(DataAnswer changed) {
        DataAnswer unsigned = changed.signedBy(null, null);
        return unsigned.withSignature(Base64.getEncoder().encodeToString(node.sign(unsigned.signingBytes())));
    }
}
