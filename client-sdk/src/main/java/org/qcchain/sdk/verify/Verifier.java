package org.qcchain.sdk.verify;

import com.fasterxml.jackson.databind.JsonNode;
import org.qcchain.common.answer.DataAnswer;
import org.qcchain.common.answer.RecordEvidence;
import org.qcchain.common.answer.TransactionEvidence;

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
 * <p>Answers from the embedded ledger and from a Fabric channel verify alike; for Fabric the trust
 * anchors name the channel ({@link FabricTrust}) and the suite is {@code P256_SHA256}.
 *
 * <p>Thread-safe; build one per network and share it. Parsed certificates and successful
 * certificate, anchor and block signature checks are cached (they are pure functions of public
 * bytes), so answers from the same blocks and providers verify faster; see {@link
 * VerifierBuilder#signatureCacheSize}.
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

    /**
     * Verifies one record of an answer on its own, e.g. a record kept from an answer verified
     * earlier: checks 7 to 10 of an answer, in their order — the disclosure opens its commitments
     * and record root; the anchor is of the disclosure's dataset and of {@code providerMspId},
     * signed by a certificate of a CA trusted for it and valid at {@code anchoredAt}; the record
     * root is in the anchored batch; and a valid transaction wrote the anchor, in a block signed
     * with {@code nodeCertificatePem} (embedded ledger) or by a trusted orderer (Fabric). The node
     * certificate must be issued by a trusted node CA. What only an answer can show — that the ledger granted a request for exactly these
     * fields, and when the node answered — is not checked.
     *
     * @param record the disclosure, inclusion proof, anchor and anchor evidence of one record
     * @param providerMspId the provider that must have anchored the record's batch
     * @param nodeCertificatePem the certificate of the node that signed the anchor's block
     * @return the verified record
     * @throws VerificationException naming the first check that failed
     */
    VerifiedRecord verifyRecord(RecordEvidence record, String providerMspId, String nodeCertificatePem)
            throws VerificationException;

    /**
     * Verifies an anchor on its own, as an auditor reads a dataset's anchors ({@code GET
     * /v1/datasets/{id}/anchors}, {@code QcchainClient.anchors}) and fetches each one's transaction
     * ({@code GET /v1/transactions/{txId}}): the provider's signature over the canonical statement
     * by a certificate issued by a CA trusted for {@code providerMspId} and valid at {@code
     * anchoredAt}; a usable root, size and suite, and {@code retiring} true or absent; and the
     * evidence is a valid transaction, in a block signed with {@code nodeCertificatePem} (embedded
     * ledger) or by a trusted orderer (Fabric), whose response is this very anchor.
     *
     * @param anchor the anchor as the node listed it
     * @param evidence its transaction's evidence
     * @param nodeCertificatePem for embedded evidence the certificate of the node that signed the
     *     block; unused (may be {@code null}) for Fabric evidence
     * @return the verified anchor, with its dataset (compare it with the dataset you listed; count
     *     each {@code txId} once) and whether it retires records
     * @throws VerificationException naming the first check that failed
     */
    VerifiedAnchor verifyAnchor(JsonNode anchor, TransactionEvidence evidence, String nodeCertificatePem)
            throws VerificationException;

    /**
     * Verifies one transaction on its own, whatever ledger its evidence is of, e.g. an entry of a
     * subject's access trail or a transaction an auditor fetched: embedded evidence by its
     * transactions-root inclusion, VALID code, status below 400 and the node's signature over the
     * block header; Fabric evidence by checks F1 to F17 of docs/proof-format.md section 11 against
     * the channel of the trust anchors. Evidence of another kind, or Fabric evidence with no channel
     * in the trust anchors, fails with {@link VerificationFailure#FORMAT_UNSUPPORTED}. What the
     * transaction wrote is the caller's to compare with the payload returned.
     *
     * @param evidence the transaction's evidence as the node served it
     * @param nodeCertificatePem for embedded evidence the certificate of the node that signed the
     *     block, which must be issued by a trusted node CA; unused (may be {@code null}) for Fabric
     *     evidence, whose blocks the orderers sign
     * @return where the transaction is, its response payload and its event
     * @throws VerificationException naming the first check that failed
     */
    VerifiedTransaction verifyTransaction(TransactionEvidence evidence, String nodeCertificatePem)
            throws VerificationException;
}
