package org.qcchain.sdk.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.qcchain.common.json.Json;
import org.qcchain.sdk.ConsentTerms;
import org.qcchain.sdk.internal.Syntax;

/**
 * Commands for every write an organisation may have relayed, with the arguments the contract
 * functions take (docs/chaincode.md). Each returns a builder with the organisation and the write
 * set; {@code build()} adds a fresh nonce and the time.
 *
 * <pre>{@code
 * SignedCommand ask = Commands.requestAgreement("QiluBankMSP", "agr-7", "social.insurance.contributions",
 *         List.of("employer", "monthlyBase"), List.of("LOAN_UNDERWRITING"), from, until).build().sign(officer);
 * client.requestAgreement(ask);
 * }</pre>
 */
public final class Commands {

    private Commands() {}

    /**
     * @param identityProvider the identity provider's MSP id
     * @param grant {@link ConsentTerms#unsigned()} or {@link ConsentTerms#signedBy}
     * @return {@code Consents:grantConsent}
     */
    public static UnsignedCommand.Builder grantConsent(String identityProvider, ObjectNode grant) {
        return command(identityProvider, "Consents:grantConsent",
                Json.canonical(Objects.requireNonNull(grant, "grant")));
    }

    /** @return {@code Consents:pauseConsent} of the consent, with a reason or {@code null} */
    public static UnsignedCommand.Builder pauseConsent(String identityProvider, String consentId, String reason) {
        return command(identityProvider, "Consents:pauseConsent", statusChange(consentId, reason));
    }

    /** @return {@code Consents:resumeConsent} of the consent, with a reason or {@code null} */
    public static UnsignedCommand.Builder resumeConsent(String identityProvider, String consentId, String reason) {
        return command(identityProvider, "Consents:resumeConsent", statusChange(consentId, reason));
    }

    /** @return {@code Consents:revokeConsent} of the consent, with a reason or {@code null}; final */
    public static UnsignedCommand.Builder revokeConsent(String identityProvider, String consentId, String reason) {
        return command(identityProvider, "Consents:revokeConsent", statusChange(consentId, reason));
    }

    /**
     * A consumer asks a dataset's provider for an agreement.
     *
     * @param consumer the consumer's MSP id
     * @param agreementId a new id of the consumer's choosing
     * @param datasetId the dataset
     * @param fields the fields asked for
     * @param purposes the purposes, e.g. LOAN_UNDERWRITING
     * @param validFrom start of the period
     * @param validUntil its end
     * @return {@code Agreements:requestAgreement}
     */
    public static UnsignedCommand.Builder requestAgreement(String consumer, String agreementId, String datasetId,
            List<String> fields, List<String> purposes, Instant validFrom, Instant validUntil) {
        ObjectNode proposal = Json.mapper().createObjectNode()
                .put("agreementId", Syntax.require("agreementId", agreementId, Syntax.RECORD_ID))
                .put("datasetId", Syntax.require("datasetId", datasetId, Syntax.DATASET_ID));
        names(proposal.putArray("fields"), "fields", fields);
        names(proposal.putArray("purposes"), "purposes", purposes);
        Objects.requireNonNull(validFrom, "validFrom");
        if (!validFrom.isBefore(Objects.requireNonNull(validUntil, "validUntil"))) {
            throw new IllegalArgumentException("validFrom must be before validUntil");
        }
        proposal.put("validFrom", validFrom.toString()).put("validUntil", validUntil.toString());
        return command(consumer, "Agreements:requestAgreement", Json.canonical(proposal));
    }

    /**
     * The provider approves what the consumer asked for.
     *
     * @param provider the provider's MSP id
     * @param agreementId the pending agreement
     * @param note a note for the consumer, or {@code null}
     * @return {@code Agreements:approveAgreement}
     */
    public static UnsignedCommand.Builder approveAgreement(String provider, String agreementId, String note) {
        ObjectNode approval = Json.mapper().createObjectNode()
                .put("agreementId", Syntax.require("agreementId", agreementId, Syntax.RECORD_ID));
        if (note != null) {
            approval.put("note", note);
        }
        return approveAgreement(provider, approval);
    }

    /**
     * The provider approves, possibly narrower than asked.
     *
     * @param provider the provider's MSP id
     * @param approval {@code {agreementId, fields?, purposes?, validUntil?, note?}}
     * @return {@code Agreements:approveAgreement}
     */
    public static UnsignedCommand.Builder approveAgreement(String provider, ObjectNode approval) {
        Syntax.require("approval.agreementId", Objects.requireNonNull(approval, "approval").path("agreementId")
                .asText(null), Syntax.RECORD_ID);
        return command(provider, "Agreements:approveAgreement", Json.canonical(approval));
    }

    /** @return {@code Agreements:rejectAgreement}: the provider turns down a pending agreement, saying why */
    public static UnsignedCommand.Builder rejectAgreement(String provider, String agreementId, String reason) {
        return command(provider, "Agreements:rejectAgreement", agreementId(agreementId), reason(reason));
    }

    /** @return {@code Agreements:terminateAgreement}: either party ends an agreement, saying why */
    public static UnsignedCommand.Builder terminateAgreement(String party, String agreementId, String reason) {
        return command(party, "Agreements:terminateAgreement", agreementId(agreementId), reason(reason));
    }

    private static UnsignedCommand.Builder command(String mspId, String function, String... args) {
        return UnsignedCommand.builder().mspId(mspId).function(function).args(args);
    }

    private static String statusChange(String consentId, String reason) {
        return Json.canonical(ConsentTerms.statusChange(consentId, reason));
    }

    private static String agreementId(String agreementId) {
        return Syntax.require("agreementId", agreementId, Syntax.RECORD_ID);
    }

    private static String reason(String reason) {
        if (Objects.requireNonNull(reason, "reason").isBlank()) {
            throw new IllegalArgumentException("reason must not be blank");
        }
        return reason;
    }

    private static void names(ArrayNode array, String name, List<String> values) {
        if (Objects.requireNonNull(values, name).isEmpty()) {
            throw new IllegalArgumentException(name + " must name at least one value");
        }
        values.forEach(value -> array.add(Objects.requireNonNull(value, name)));
    }
}
