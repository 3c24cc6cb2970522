package org.qcchain.sdk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The node's routes the SDK calls, in one place because the data routes are still being built:
 * docs/api.md documents {@code /v1/whoami} only; the others follow the brief of the node's data
 * routes and docs/chaincode.md, and are to be checked against docs/openapi.yaml when it lists them.
 */
public final class Routes {

    /** Documented (docs/api.md): the caller as the node sees it. */
    public static final String WHOAMI = "/v1/whoami";
    /** Undocumented yet: POST a SignedAccessRequest, get a {@code qcchain-answer/1}. */
    public static final String DATA_REQUESTS = "/v1/data-requests";
    /** Undocumented yet: POST {@code {terms, subjectSignature?}}. */
    public static final String CONSENTS = "/v1/consents";
    /** Undocumented yet: GET a page of the access trail. */
    public static final String ACCESS_RECORDS = "/v1/access-records";
    /** Undocumented yet: GET one block as {@code {header, signature, transactions}}. */
    public static final String BLOCKS = "/v1/blocks";

    private Routes() {}

    /**
     * @param consentId the consent
     * @param action {@code revoke}, {@code pause} or {@code resume}
     * @return e.g. {@code /v1/consents/consent-7781/revoke}
     */
    public static String consentAction(String consentId, String action) {
        return CONSENTS + "/" + encode(consentId) + "/" + action;
    }

    /** @param number a block number @return {@code /v1/blocks/<number>} */
    public static String block(long number) {
        return BLOCKS + "/" + number;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
