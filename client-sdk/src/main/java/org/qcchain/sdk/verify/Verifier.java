package org.qcchain.sdk.verify;

import com.fasterxml.jackson.databind.JsonNode;
import org.qcchain.common.answer.DataAnswer;

/**
 * Verifies a node's answer to a data request offline, trusting nothing but its {@link
 * TrustAnchors}: the checks of docs/proof-format.md section 11, in its order, the first failure
 * ending verification with a {@link VerificationException} that names it. There is no boolean to
 * forget: an answer either becomes a {@link VerifiedAnswer} or is rejected.
 *
 * <pre>{@code
 * Verifier verifier = Verifier.builder()
 *         .trustAnchors(TrustAnchors.fromFolder(Path.of("trust")))
 *         .suite(CryptoSuite.SM2_SM3)
 *         .build();
 * VerifiedAnswer verified = verifier.verify(answer, signedRequest.requestHash());
 * }</pre>
 *
 * <p>Thread-safe; build one per network and share it. Successful block-signature and certificate
 * checks are cached (they are pure functions of public bytes), so answers from the same blocks and
 * providers verify faster; see {@link VerifierBuilder#signatureCacheSize}.
 */
public interface Verifier {

    /**
     * Starts a verifier.
     *
     * @return a builder that needs trust anchors and a suite
     */
    static VerifierBuilder builder() {
        return new VerifierBuilder();
    }

    /**
     * Verifies an answer against the hash of the request the caller signed.
     *
     * @param answer the node's answer, as received
     * @param expectedRequestHash the suite hash (32 bytes) of the canonical JSON of the request the
     *     caller signed; see {@code SignedDataRequest.requestHash()}
     * @return what the answer proves
     * @throws VerificationException naming the first check that failed
     */
    VerifiedAnswer verify(DataAnswer answer, byte[] expectedRequestHash) throws VerificationException;

    /**
     * Verifies an answer against the request the caller signed.
     *
     * @param answer the node's answer, as received
     * @param sentRequest the AccessRequest JSON object the caller signed
     * @return what the answer proves
     * @throws VerificationException naming the first check that failed
     */
    VerifiedAnswer verify(DataAnswer answer, JsonNode sentRequest) throws VerificationException;
}
