package org.qcchain.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.qcchain.sdk.verify.VerificationException;
import org.qcchain.sdk.verify.VerifiedAnswer;

/**
 * Calls a qcchain node over HTTP with every request signed (docs/api.md, "Signed requests"), and
 * verifies every data answer before handing it out: the node is not trusted.
 *
 * <pre>{@code
 * QcchainClient client = QcchainClient.builder()
 *         .endpoint(URI.create("https://node1.qcchain.example:8443"))
 *         .identity("BankMSP", bankIdentity)
 *         .trustAnchors(TrustAnchors.fromFolder(Path.of("trust")))
 *         .build();
 * VerifiedAnswer answer = client.requestData(request.sign(bankIdentity));
 * }</pre>
 *
 * <p>Refusals come as {@link QcchainApiException} with the node's error code; connection failures
 * as {@link IOException}. Thread-safe; one per identity and node.
 */
public interface QcchainClient {

    /** @return a builder; endpoint, identity and trust anchors are required */
    static QcchainClientBuilder builder() {
        return new QcchainClientBuilder();
    }

    /**
     * Asks for data and verifies the answer (POST {@value Routes#DATA_REQUESTS}).
     *
     * @param request the consumer's signed request; good for one call
     * @return the verified answer
     * @throws QcchainApiException if the node refused, e.g. a denial ({@code accessId()} set)
     * @throws VerificationException if the answer does not verify: do not use it
     * @throws IOException if the node cannot be reached
     */
    VerifiedAnswer requestData(SignedDataRequest request) throws QcchainApiException, VerificationException, IOException;

    /**
     * Records a consent (POST {@value Routes#CONSENTS}); identity providers only, and only through
     * a node run by their own organisation: a node submits writes with its own identity, so
     * another organisation's node answers {@code NOT_AUTHORIZED} (docs/api.md).
     *
     * @param grant {@link ConsentTerms#unsigned()} or {@link ConsentTerms#signedBy}
     * @return the Consent the ledger stored
     * @throws QcchainApiException if the node refused
     * @throws IOException if the node cannot be reached
     */
    JsonNode grantConsent(ObjectNode grant) throws QcchainApiException, IOException;

    /**
     * Revokes a consent (POST /v1/consents/{id}/revoke); final. Same node rule as {@link #grantConsent}.
     *
     * @param consentId the consent
     * @param reason why, or {@code null}
     * @return the Consent after the change
     * @throws QcchainApiException if the node refused
     * @throws IOException if the node cannot be reached
     */
    JsonNode revokeConsent(String consentId, String reason) throws QcchainApiException, IOException;

    /**
     * One page of the access trail (GET {@value Routes#ACCESS_RECORDS}).
     *
     * @param query what to list
     * @param bookmark the previous page's bookmark, or empty for the first
     * @return the page
     * @throws QcchainApiException if the node refused
     * @throws IOException if the node cannot be reached
     */
    AccessRecordPage accessRecords(AccessRecordQuery query, String bookmark) throws QcchainApiException, IOException;

    /**
     * One block as auditors check it (GET /v1/blocks/{n}); see {@code ChainVerifier}.
     *
     * @param number the block number
     * @return {@code {number, type, hash, header, signature, transactions}}
     * @throws QcchainApiException if the node refused
     * @throws IOException if the node cannot be reached
     */
    JsonNode block(long number) throws QcchainApiException, IOException;

    /**
     * The caller as the node sees it (GET {@value Routes#WHOAMI}).
     *
     * @return the node's view of the caller
     * @throws QcchainApiException if the node refused, e.g. a bad signature
     * @throws IOException if the node cannot be reached
     */
    WhoAmI whoami() throws QcchainApiException, IOException;
}
