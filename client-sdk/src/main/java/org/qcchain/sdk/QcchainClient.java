package org.qcchain.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.qcchain.sdk.command.BatchStatement;
import org.qcchain.sdk.command.Commands;
import org.qcchain.sdk.command.SignedBatchStatement;
import org.qcchain.sdk.command.SignedCommand;
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
     * a node run by their own organisation: a node submits plain writes with its own identity, so
     * another organisation's node answers {@code NOT_AUTHORIZED}. Through another node, send a
     * signed command ({@link #grantConsent(SignedCommand)}; docs/api.md).
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
     * Records a consent through any operator's node (POST {@value Routes#CONSENTS}): the node relays
     * the identity provider's signed command and the ledger records the consent for the signer.
     *
     * @param command from {@link Commands#grantConsent}, signed by the identity provider; good for one call
     * @return the Consent the ledger stored
     * @throws QcchainApiException if the node or the ledger refused
     * @throws IOException if the node cannot be reached
     */
    JsonNode grantConsent(SignedCommand command) throws QcchainApiException, IOException;

    /**
     * Pauses a consent (POST /v1/consents/{id}/pause), relayed as {@link #grantConsent(SignedCommand)}.
     *
     * @param command from {@link Commands#pauseConsent}, signed by the identity provider that recorded it
     * @return the Consent after the change, PAUSED
     * @throws QcchainApiException if the node or the ledger refused
     * @throws IOException if the node cannot be reached
     */
    JsonNode pauseConsent(SignedCommand command) throws QcchainApiException, IOException;

    /**
     * Resumes a paused consent (POST /v1/consents/{id}/resume), relayed.
     *
     * @param command from {@link Commands#resumeConsent}, signed by the identity provider that recorded it
     * @return the Consent after the change, ACTIVE
     * @throws QcchainApiException if the node or the ledger refused
     * @throws IOException if the node cannot be reached
     */
    JsonNode resumeConsent(SignedCommand command) throws QcchainApiException, IOException;

    /**
     * Revokes a consent for good (POST /v1/consents/{id}/revoke), relayed.
     *
     * @param command from {@link Commands#revokeConsent}, signed by the identity provider that recorded it
     * @return the Consent after the change, REVOKED
     * @throws QcchainApiException if the node or the ledger refused
     * @throws IOException if the node cannot be reached
     */
    JsonNode revokeConsent(SignedCommand command) throws QcchainApiException, IOException;

    /**
     * Asks a dataset's provider for an agreement (POST {@value Routes#AGREEMENTS}), relayed.
     *
     * @param command from {@link Commands#requestAgreement}, signed by the consumer
     * @return the PENDING Agreement
     * @throws QcchainApiException if the node or the ledger refused
     * @throws IOException if the node cannot be reached
     */
    JsonNode requestAgreement(SignedCommand command) throws QcchainApiException, IOException;

    /**
     * Approves a pending agreement (POST /v1/agreements/{id}/approve), relayed.
     *
     * @param command from {@link Commands#approveAgreement}, signed by the dataset's provider
     * @return the ACTIVE Agreement
     * @throws QcchainApiException if the node or the ledger refused
     * @throws IOException if the node cannot be reached
     */
    JsonNode approveAgreement(SignedCommand command) throws QcchainApiException, IOException;

    /**
     * Rejects a pending agreement (POST /v1/agreements/{id}/reject), relayed.
     *
     * @param command from {@link Commands#rejectAgreement}, signed by the dataset's provider
     * @return the REJECTED Agreement
     * @throws QcchainApiException if the node or the ledger refused
     * @throws IOException if the node cannot be reached
     */
    JsonNode rejectAgreement(SignedCommand command) throws QcchainApiException, IOException;

    /**
     * Ends an agreement (POST /v1/agreements/{id}/terminate), relayed.
     *
     * @param command from {@link Commands#terminateAgreement}, signed by either party
     * @return the TERMINATED Agreement
     * @throws QcchainApiException if the node or the ledger refused
     * @throws IOException if the node cannot be reached
     */
    JsonNode terminateAgreement(SignedCommand command) throws QcchainApiException, IOException;

    /**
     * Cuts a provider's records that wait for an anchor into batches and answers every batch still
     * waiting for the provider's signature, earlier ones first ({@code POST
     * /v1/datasets/{id}/batches}); nothing reaches the ledger. For a provider whose records sit on
     * a node that is not its own: sign each with {@link BatchStatement#sign} and send it to
     * {@link #anchorBatch}.
     *
     * @param datasetId a dataset of which the caller is the provider
     * @param batchSize the most records per new batch, 1 to 100,000
     * @return the statements to sign; empty when nothing waits
     */
    List<BatchStatement> cutBatches(String datasetId, int batchSize) throws QcchainApiException, IOException;

    /**
     * Has the node anchor a batch with the provider's own signature ({@code POST
     * /v1/datasets/{id}/batches/{batchId}/anchor}): the node checks it and submits it as the
     * relaying operator; the anchor on the ledger names the provider and the relayer.
     *
     * @param signed the provider's signature over a statement of {@link #cutBatches}
     * @return {@code {batchId, records, merkleRoot, txId}}
     */
    JsonNode anchorBatch(SignedBatchStatement signed) throws QcchainApiException, IOException;

    /**
     * One page of a dataset's anchored batches (GET /v1/datasets/{id}/anchors), in batch-id order,
     * for any registered organisation: each anchor's statement as its provider signed it ({@code
     * "retiring": true} for a batch that retires records deleted at the source), the signature and
     * certificate, {@code anchoredAt}, {@code txId}, {@code providerMspId}, {@code relayedBy}.
     *
     * @param datasetId the dataset
     * @param bookmark the previous page's bookmark, or empty for the first
     * @return {@code {records, bookmark, fetched}}; an empty bookmark means the last page
     * @throws QcchainApiException if the node refused, e.g. DATASET_NOT_FOUND
     * @throws IOException if the node cannot be reached
     */
    JsonNode anchors(String datasetId, String bookmark) throws QcchainApiException, IOException;

    /**
     * One agreement (GET /v1/agreements/{id}); for its parties, the operator and auditors.
     *
     * @param agreementId the agreement
     * @return the Agreement
     * @throws QcchainApiException if the node refused, e.g. AGREEMENT_NOT_FOUND
     * @throws IOException if the node cannot be reached
     */
    JsonNode agreement(String agreementId) throws QcchainApiException, IOException;

    /**
     * One page of an organisation's agreements (GET {@value Routes#AGREEMENTS}); an organisation
     * lists its own, the operator and auditors anyone's.
     *
     * @param mspId the organisation
     * @param asProvider {@code true} for the agreements it provides data under, {@code false} for
     *     those it asked for as consumer
     * @param bookmark the previous page's bookmark, or empty for the first
     * @return {@code {records, bookmark, fetched}}; an empty bookmark means the last page
     * @throws QcchainApiException if the node refused
     * @throws IOException if the node cannot be reached
     */
    JsonNode agreements(String mspId, boolean asProvider, String bookmark) throws QcchainApiException, IOException;

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
     * One transaction with its ledger evidence (GET /v1/transactions/{txId}): where it is, its
     * validation code, the chaincode's status and message, and its {@code evidence}, which {@code
     * Verifier.verifyTransaction} checks and {@code ChainVerifier.verify(blocks, transactions)} ties
     * to its block's summary.
     *
     * @param txId the transaction id, 64 lowercase hex characters
     * @return {@code {txId, blockNumber, index, validationCode, ..., evidence}}
     * @throws IllegalArgumentException if {@code txId} is not 64 lowercase hex characters
     * @throws QcchainApiException if the node refused, e.g. {@code TRANSACTION_NOT_FOUND}
     * @throws IOException if the node cannot be reached
     */
    JsonNode transaction(String txId) throws QcchainApiException, IOException;

    /**
     * The caller as the node sees it (GET {@value Routes#WHOAMI}).
     *
     * @return the node's view of the caller
     * @throws QcchainApiException if the node refused, e.g. a bad signature
     * @throws IOException if the node cannot be reached
     */
    WhoAmI whoami() throws QcchainApiException, IOException;
}
