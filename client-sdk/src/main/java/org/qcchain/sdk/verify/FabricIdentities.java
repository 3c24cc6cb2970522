package org.qcchain.sdk.verify;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.qcchain.common.fabric.ProtoFormatException;
import org.qcchain.common.fabric.SerializedIdentity;

/**
 * Reads a Fabric identity ({@code msp.SerializedIdentity}: MSP id and PEM certificate) and decides
 * whether it counts, as an MSP with NodeOUs decides: the certificate was issued by a CA trusted for
 * that MSP id, carries the role's organisational unit if a role is asked for, and (if a time is
 * given) was valid then. Each failure has the reason of the signer being checked.
 */
final class FabricIdentities {

    /** A member of an organisation whose certificate passed. */
    record Member(String mspId, ParsedCertificate certificate) {}

    private final Signers signers;
    private final TrustAnchors anchors;

    FabricIdentities(Signers signers, TrustAnchors anchors) {
        this.signers = signers;
        this.anchors = anchors;
    }

    /**
     * @param serialized the serialized identity
     * @param role the organisational unit the certificate must carry, or {@code null} for any member
     * @param at when the certificate must have been valid, or {@code null} not to check
     * @param failure the reason of every failure but unreadable bytes ({@code MALFORMED})
     * @param what the signer, for messages
     */
    Member member(byte[] serialized, String role, Instant at, VerificationFailure failure, String what)
            throws VerificationException {
        SerializedIdentity identity;
        try {
            identity = SerializedIdentity.parse(serialized);
        } catch (ProtoFormatException e) {
            throw Trees.malformed(what + " is not a serialized identity: " + e.getMessage());
        }
        List<X509Certificate> cas = anchors.organisationCas(identity.mspid());
        if (cas.isEmpty()) {
            throw new VerificationException(failure, what + " is of '" + identity.mspid()
                    + "', an organisation without a trusted CA");
        }
        ParsedCertificate certificate = signers.certificate(new String(identity.idBytes(), StandardCharsets.UTF_8),
                failure, what + "'s certificate");
        signers.requireIssuedBy(certificate, cas, failure, what + " of " + identity.mspid());
        if (role != null && !organisationalUnits(certificate.certificate()).contains(role)) {
            throw new VerificationException(failure, what + " of " + identity.mspid() + " is not a '" + role
                    + "' (its certificate's OU: " + organisationalUnits(certificate.certificate()) + ")");
        }
        if (at != null) {
            Signers.requireValidAt(certificate, at, failure, what + " of " + identity.mspid() + " at " + at);
        }
        return new Member(identity.mspid(), certificate);
    }

    /** The OU values of the certificate's subject, as Fabric's MSP reads NodeOUs. */
    static List<String> organisationalUnits(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        List<String> units = new ArrayList<>();
        for (RDN rdn : subject.getRDNs(BCStyle.OU)) {
            for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
                if (BCStyle.OU.equals(value.getType())) {
                    ASN1Encodable text = value.getValue();
                    units.add(IETFUtils.valueToString(text));
                }
            }
        }
        return units;
    }
}
