package org.qcchain.sdk.examples.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.List;
import org.qcchain.common.answer.DataAnswer;
import org.qcchain.common.crypto.Identity;

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
     * Signs a (changed) answer as the node, so that only the change itself can make it fail.
     *
     * @param changed an answer
     * @return it with the node's signature
     */
    public DataAnswer resign(DataAnswer changed) {
        DataAnswer unsigned = changed.withSignature(null);
        return unsigned.withSignature(Base64.getEncoder().encodeToString(node.sign(unsigned.signingBytes())));
    }
}
