package org.qcchain.common.proof;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;
import org.qcchain.common.json.JsonInputException;

/**
 * That one leaf is in a batch tree: the RFC 6962 (section 2.1.1) audit path of the leaf at {@code
 * leafIndex} in a tree of {@code treeSize} leaves, sibling hashes from the leaf's level up to the
 * root's children. Made by {@link MerkleTree#inclusionProof}, checked by {@link ProofVerifier}
 * with the RFC 9162 (section 2.1.3.2) algorithm; until then nothing in it is trusted.
 *
 * <p>JSON (names exact, unknown members rejected):
 *
 * <pre>{@code
 * {"format": "qcchain-proof/1", "leafIndex": 5, "path": ["<hex>", ...],
 *  "suite": "SM2_SM3", "treeSize": 300}
 * }</pre>
 *
 * @param format always {@value ProofFormat#VERSION}
 * @param suite the suite of the tree's hashes
 * @param leafIndex the leaf's position, from 0
 * @param treeSize the number of leaves in the tree
 * @param path the audit path, 64 lowercase hex characters per hash; empty for a tree of one leaf
 */
public record InclusionProof(String format, CryptoSuite suite, long leafIndex, long treeSize, List<String> path) {

    /** Copies the path; a missing path reads as empty (the verifier then says why). */
    public InclusionProof {
        path = path == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(path));
    }

    /**
     * Writes this proof as JSON.
     *
     * @return compact JSON with sorted members
     */
    public String toJson() {
        return Json.write(this);
    }

    /**
     * Reads a proof; it still has to be verified.
     *
     * @param json the JSON text
     * @return the proof
     * @throws ProofException {@link ProofFailure#MALFORMED} if the text is not an inclusion proof
     */
    public static InclusionProof fromJson(String json) throws ProofException {
        try {
            return Json.parse(json, InclusionProof.class);
        } catch (JsonInputException e) {
            throw new ProofException(ProofFailure.MALFORMED, "inclusion proof: " + e.getMessage(), e);
        }
    }
}
