package org.qcchain.sdk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Objects;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.json.Json;
import org.qcchain.sdk.internal.Syntax;

/**
 * Consent terms as the subject may sign them; {@link #unsigned()} and {@link #signedBy} give the
 * body of {@code grantConsent} ({@code {terms, subjectSignature?}}). A subject signature is made
 * with a certificate the identity provider's CA issued with the subject's pseudonym as common name.
 * Also the bodies of pause, resume and revoke, which carry only the consent id and a reason.
 */
public final class ConsentTerms {

    private final ObjectNode terms;

    ConsentTerms(ObjectNode terms) {
        this.terms = terms;
    }

    /** @return a copy of the ConsentTerms JSON */
    public ObjectNode toJson() {
        return terms.deepCopy();
    }

    /** @return the RFC 8785 bytes the subject signs */
    public byte[] bytesToSign() {
        return Json.canonicalBytes(terms);
    }

    /** @return {@code {"terms": ...}}: recorded by the identity provider alone */
    public ObjectNode unsigned() {
        ObjectNode grant = Json.mapper().createObjectNode();
        grant.set("terms", toJson());
        return grant;
    }

    /** @param subject the subject's own identity @return the grant with the subject's signature */
    public ObjectNode signedBy(Identity subject) {
        Objects.requireNonNull(subject, "subject");
        return signed(subject.certificatePem(), subject.sign(bytesToSign()));
    }

    /** @param certificatePem the subject's certificate @param signature over {@link #bytesToSign()} @return the grant */
    public ObjectNode signed(String certificatePem, byte[] signature) {
        ObjectNode grant = unsigned();
        grant.putObject("subjectSignature").put("certificate", Objects.requireNonNull(certificatePem, "certificate"))
                .put("signature", Base64.getEncoder().encodeToString(Objects.requireNonNull(signature, "signature")));
        return grant;
    }

    /**
     * The body of a pause, resume or revoke: {@code {consentId, reason?}}.
     *
     * @param consentId the consent
     * @param reason why, or {@code null}
     * @return the body
     */
    public static ObjectNode statusChange(String consentId, String reason) {
        ObjectNode body = Json.mapper().createObjectNode().put("consentId",
                Syntax.require("consentId", consentId, Syntax.RECORD_ID));
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    @Override
    public String toString() {
        return "ConsentTerms[" + terms.path("consentId").asText() + ", " + terms.path("consumerMspId").asText() + "]";
    }
}
