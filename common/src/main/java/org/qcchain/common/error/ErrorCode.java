package org.qcchain.common.error;

/**
 * The one catalogue of error codes of the platform.
 *
 * <p>The chaincode puts the code in the payload (and at the start of the message) of every {@code
 * ChaincodeException} and in the reason of every denied access record; the node service answers
 * with the code in an RFC 9457 problem document and the HTTP status given here; the client SDK
 * exposes it through {@code getErrorCode()}. Codes are stable strings: never rename one, add a new
 * one instead.
 */
public enum ErrorCode {
    // --- input and identity -------------------------------------------------------------------
    /** A malformed, incomplete or out-of-range argument; nothing was written. */
    INVALID_ARGUMENT(400, "Invalid argument"),
    /** The caller's organisation lacks the role, or is not a party to the record. */
    NOT_AUTHORIZED(403, "Not authorized"),
    /** The caller's organisation is not registered on the platform. */
    ORGANISATION_NOT_REGISTERED(403, "Organisation not registered"),
    /** A signature over a request, an anchor or a consent does not verify. */
    BAD_SIGNATURE(401, "Bad signature"),
    /** A certificate is not issued by a CA registered for the organisation it claims. */
    CERTIFICATE_UNTRUSTED(401, "Certificate not trusted"),
    /** A certificate is outside its validity period at the transaction time. */
    CERTIFICATE_EXPIRED(401, "Certificate expired or not yet valid"),
    /** A signed request's timestamp is too far from the transaction time. */
    REQUEST_STALE(401, "Request timestamp out of range"),
    /** A signed request's nonce was used before. */
    REQUEST_REPLAYED(409, "Request replayed"),
    /**
     * A relayed command names another function, or other arguments, than the transaction or
     * route that carries it; the signer did not ask for this write.
     */
    COMMAND_MISMATCH(400, "Command does not match the transaction"),

    // --- platform -----------------------------------------------------------------------------
    /** The platform (first operator) was initialised before. */
    ALREADY_INITIALISED(409, "Platform already initialised"),
    /** No operator has initialised the platform yet. */
    NOT_INITIALISED(409, "Platform not initialised"),
    /** A record is not in a state that allows the requested change. */
    INVALID_STATE_TRANSITION(409, "Invalid state transition"),

    // --- organisations ------------------------------------------------------------------------
    ORGANISATION_EXISTS(409, "Organisation already registered"),
    ORGANISATION_NOT_FOUND(404, "Organisation not found"),

    // --- catalogue ----------------------------------------------------------------------------
    /** One data, one source: the dataset id is already registered by its authoritative provider. */
    DATASET_EXISTS(409, "Dataset already registered"),
    DATASET_NOT_FOUND(404, "Dataset not found"),
    DATASET_RETIRED(409, "Dataset retired"),

    // --- anchors ------------------------------------------------------------------------------
    ANCHOR_EXISTS(409, "Batch already anchored"),
    ANCHOR_NOT_FOUND(404, "Anchor not found"),

    // --- agreements ---------------------------------------------------------------------------
    AGREEMENT_EXISTS(409, "Agreement already exists"),
    AGREEMENT_NOT_FOUND(404, "Agreement not found"),
    AGREEMENT_NOT_ACTIVE(403, "Agreement not active"),
    AGREEMENT_EXPIRED(403, "Agreement outside its period"),
    PURPOSE_NOT_ALLOWED(403, "Purpose not allowed"),

    // --- consents -----------------------------------------------------------------------------
    CONSENT_EXISTS(409, "Consent already exists"),
    CONSENT_NOT_FOUND(404, "Consent not found"),
    /** The consent names another consumer, subject or purpose than the request. */
    CONSENT_MISMATCH(403, "Consent does not match the request"),
    CONSENT_REVOKED(403, "Consent revoked"),
    CONSENT_PAUSED(403, "Consent paused"),
    CONSENT_NOT_YET_VALID(403, "Consent not yet valid"),
    CONSENT_EXPIRED(403, "Consent expired"),
    /** All uses the consent allows are spent. */
    CONSENT_EXHAUSTED(403, "Consent exhausted"),
    /** The consent's frequency cap for the current period is reached. */
    CONSENT_FREQUENCY_EXCEEDED(429, "Consent frequency cap reached"),
    /** A requested field (or dataset) is not covered by the consent or the agreement. */
    FIELD_NOT_COVERED(403, "Field not covered"),
    /** The requested data range reaches outside what the consent allows. */
    DATA_RANGE_NOT_COVERED(403, "Data range not covered"),
    /**
     * A request for the purpose {@code SUBJECT_ACCESS} (a data subject reading their own records)
     * by an organisation that is not an identity provider: only the subject's identity provider may
     * ask without consent and agreement.
     */
    SUBJECT_ACCESS_NOT_ALLOWED(403, "Subject access not allowed"),

    // --- access records -----------------------------------------------------------------------
    ACCESS_RECORD_NOT_FOUND(404, "Access record not found"),
    DELIVERY_ALREADY_RECORDED(409, "Delivery already recorded"),

    // --- node service -------------------------------------------------------------------------
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    ROUTE_NOT_FOUND(404, "No such route"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    RATE_LIMITED(429, "Too many requests"),
    LEDGER_UNAVAILABLE(503, "Ledger unavailable"),
    INTERNAL_ERROR(500, "Internal error"),
    /** No block with the requested number: the number is at or past the ledger's height. */
    BLOCK_NOT_FOUND(404, "Block not found"),
    /** No transaction with the requested id on the ledger. */
    TRANSACTION_NOT_FOUND(404, "Transaction not found"),
    /**
     * A granted data request cannot be answered verifiably: a provider's stored record lacks a
     * requested field, and a record's commitment covers only the fields it has. The grant stays
     * on the ledger without a delivery.
     */
    RECORD_INCOMPLETE(502, "Provider record incomplete"),
    /**
     * A granted data request names a live dataset (its values stay in the provider's own database)
     * whose record no longer reads there as it was anchored: its row is gone or its values changed.
     * The grant stays on the ledger without a delivery; the provider imports the dataset again.
     */
    SOURCE_RECORD_CHANGED(502, "Source record changed since anchored"),
    /**
     * A provider's record store (its H2 file on the node) cannot be read, or does not hold what the
     * ledger anchors for it. Refused before the ledger when the node knew it at the request (the
     * store failed its check at the start); otherwise the grant stays on the ledger without a
     * delivery, as for {@link #RECORD_INCOMPLETE}. The operator restores the store.
     */
    PROVIDER_STORE_UNAVAILABLE(503, "Provider store unavailable"),
    /**
     * A data request names a dataset whose records are anchored on the ledger but whose provider
     * has no store on the node asked: the node could only answer without them. Refused before
     * the request reaches the ledger; ask a node that holds the provider's records.
     */
    RECORDS_NOT_HELD(421, "Records not held on this node");

    private final int httpStatus;
    private final String title;

    ErrorCode(int httpStatus, String title) {
        this.httpStatus = httpStatus;
        this.title = title;
    }

    /** The stable code string, e.g. {@code CONSENT_REVOKED}. */
    public String code() {
        return name();
    }

    /** The HTTP status the node service answers with when this error ends a request. */
    public int httpStatus() {
        return httpStatus;
    }

    /** A short, human title for problem documents. */
    public String title() {
        return title;
    }

    /**
     * Finds the code at the start of a message of the form {@code "CODE: text"}, as the chaincode
     * writes them; Fabric forwards only the message of a failed endorsement to clients.
     *
     * @return the code, or {@link #INTERNAL_ERROR} when the message carries none
     */
    public static ErrorCode fromMessage(String message) {
        if (message != null) {
            int colon = message.indexOf(':');
            String head = colon > 0 ? message.substring(0, colon).trim() : message.trim();
            for (ErrorCode code : values()) {
                if (code.name().equals(head)) {
                    return code;
                }
            }
        }
        return INTERNAL_ERROR;
    }
}
