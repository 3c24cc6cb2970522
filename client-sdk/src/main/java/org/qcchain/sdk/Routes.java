package org.qcchain.sdk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The node's routes the SDK calls, as the node serves them: docs/api.md and the contract
 * docs/openapi.yaml (a copy of the node's {@code openapi/qcchain.yaml}). An end-to-end test in
 * node-service drives {@link QcchainClient} against a real node, so a route that drifts fails
 * there.
 */
public final class Routes {

    /** GET: the caller as the node sees it. */
    public static final String WHOAMI = "/v1/whoami";
    /** POST a SignedAccessRequest: 200 with a {@code qcchain-answer/2}, or 403 with the denial's code and {@code accessId}. */
    public static final String DATA_REQUESTS = "/v1/data-requests";
    /**
     * POST a ConsentGrant {@code {terms, subjectSignature?}} (the node's own organisation) or an
     * identity provider's signed command: 201 with the Consent. GET {@code ?subject=}: a page of a
     * subject's consents.
     */
    public static final String CONSENTS = "/v1/consents";
    /**
     * POST an AgreementProposal (the node's own organisation) or a consumer's signed command: 201
     * with the PENDING Agreement. GET {@code ?consumer=} or {@code ?provider=}: a page of agreements.
     */
    public static final String AGREEMENTS = "/v1/agreements";
    /** GET a page {@code {records, bookmark, fetched}} of the access trail. */
    public static final String ACCESS_RECORDS = "/v1/access-records";
    /** GET one block as {@code {number, type, hash, header, signature, transactions}}. */
    public static final String BLOCKS = "/v1/blocks";
    /** GET a page {@code {records, bookmark, fetched}} of the registered organisations. */
    public static final String ORGANISATIONS = "/v1/organisations";
    /** GET a page {@code {records, bookmark, fetched}} of the data catalogue. */
    public static final String DATASETS = "/v1/datasets";
    /**
     * POST {@code {identifier, signedRequest}} (identity providers): the subject's own records as a
     * {@code qcchain-answer/2}; see {@code org.qcchain.sdk.subject.SafeBoxClient}.
     */
    public static final String SUBJECT_RECORDS = "/v1/subjects/records";
    /** POST {@code {identifier, pageSize?, bookmark?}} (identity providers): a page of the subject's consents. */
    public static final String SUBJECT_CONSENTS = "/v1/subjects/consents";
    /**
     * POST {@code {identifier, from?, to?, pageSize?, bookmark?}} (identity providers): a page of the
     * subject's access trail, each record with its transaction evidence.
     */
    public static final String SUBJECT_ACCESS_RECORDS = "/v1/subjects/access-records";

    private Routes() {}

    /**
     * @param consentId the consent
     * @param action {@code pause}, {@code resume} or {@code revoke}
     * @return e.g. {@code /v1/consents/consent-7781/revoke}
     */
    public static String consentAction(String consentId, String action) {
        return CONSENTS + "/" + encode(consentId) + "/" + action;
    }

    /** @param agreementId the agreement @return e.g. {@code /v1/agreements/agr-7} */
    public static String agreement(String agreementId) {
        return AGREEMENTS + "/" + encode(agreementId);
    }

    /**
     * @param agreementId the agreement
     * @param action {@code approve}, {@code reject} or {@code terminate}
     * @return e.g. {@code /v1/agreements/agr-7/approve}
     */
    public static String agreementAction(String agreementId, String action) {
        return agreement(agreementId) + "/" + action;
    }

    /**
     * @param datasetId the dataset
     * @return {@code /v1/datasets/<id>/batches}: cut the records waiting for an anchor into
     *     batches for the provider to sign
     */
    public static String datasetBatches(String datasetId) {
        return DATASETS + "/" + encode(datasetId) + "/batches";
    }

    /**
     * @param datasetId the dataset
     * @return {@code /v1/datasets/<id>/anchors}: GET its anchored batches, or POST (its provider's
     *     own node) to anchor the records waiting
     */
    public static String datasetAnchors(String datasetId) {
        return DATASETS + "/" + encode(datasetId) + "/anchors";
    }

    /**
     * @param datasetId the dataset
     * @param batchId a batch cut by {@link #datasetBatches}
     * @return {@code /v1/datasets/<id>/batches/<batchId>/anchor}
     */
    public static String batchAnchor(String datasetId, String batchId) {
        return datasetBatches(datasetId) + "/" + encode(batchId) + "/anchor";
    }

    /** GET one transaction with its evidence. */
    public static final String TRANSACTIONS = "/v1/transactions";

    /** @param txId a transaction id, 64 lowercase hex characters @return {@code /v1/transactions/<txId>} */
    public static String transaction(String txId) {
        return TRANSACTIONS + "/" + txId;
    }

    /** @param number a block number @return {@code /v1/blocks/<number>} */
    public static String block(long number) {
        return BLOCKS + "/" + number;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
