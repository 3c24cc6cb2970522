package org.qcchain.chaincode.access;

import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import org.qcchain.chaincode.model.Organisation;
import org.qcchain.chaincode.support.ContractErrors;
import org.qcchain.common.crypto.Certificates;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.InvalidSignatureException;
import org.qcchain.common.crypto.VerifiedSignatures;
import org.qcchain.common.error.ErrorCode;

/**
 * Checks the certificates and signatures inside transaction arguments: a consumer's signed
 * request, a provider's anchor, a subject's consent. A certificate speaks for an organisation only
 * if one of the CA certificates registered for that organisation issued it, and only within its
 * validity at the transaction time.
 */
public final class CertificateTrust {
    private static final int MAX_PEM_CHARS = 16 * 1024;

    private CertificateTrust() {}

    /**
     * The certificate, once it is shown to be issued by one of the organisation's CAs and valid at
     * {@code at}; otherwise CERTIFICATE_UNTRUSTED, CERTIFICATE_EXPIRED or INVALID_ARGUMENT.
     */
    public static X509Certificate requireIssuedBy(Organisation organisation, String certificatePem, Instant at) {
        return requireIssuedBy(organisation, parse("certificate", certificatePem), at);
    }

    /** As {@link #requireIssuedBy(Organisation, String, Instant)}, for a certificate already parsed. */
    public static X509Certificate requireIssuedBy(Organisation organisation, X509Certificate certificate, Instant at) {
        boolean issued = false;
        for (String caPem : organisation.caCertificates()) {
            X509Certificate ca = ParsedCertificates.parse(caPem);
            if (ParsedCertificates.issuedBy(certificate, ca)) {
                issued = true;
                break;
            }
        }
        if (!issued) {
            throw ContractErrors.error(ErrorCode.CERTIFICATE_UNTRUSTED, "the certificate was not issued by a CA of '"
                    + organisation.mspId() + "'");
        }
        try {
            // the bounds are read once per certificate (Bouncy Castle parses them on every call)
            Certificates.checkValidAt(certificate, at);
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw ContractErrors.error(ErrorCode.CERTIFICATE_EXPIRED, "the certificate is valid from "
                    + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant()
                    + ", not at " + at);
        }
        return certificate;
    }

    /** Verifies a base64 signature over {@code data} with the certificate's key and suite; BAD_SIGNATURE otherwise. */
    public static void requireSignature(X509Certificate certificate, byte[] data, String signatureBase64) {
        if (signatureBase64 == null || signatureBase64.isEmpty() || signatureBase64.length() > 1024) {
            throw ContractErrors.error(ErrorCode.BAD_SIGNATURE, "the signature is missing or too long");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signatureBase64);
        } catch (IllegalArgumentException e) {
            throw ContractErrors.error(ErrorCode.BAD_SIGNATURE, "the signature is not base64");
        }
        CryptoSuite suite = suiteOf(certificate);
        try {
            // in the node's own process the node may have checked this very signature already
            VerifiedSignatures.verify(suite, certificate, data, signature);
        } catch (InvalidSignatureException e) {
            throw ContractErrors.error(ErrorCode.BAD_SIGNATURE, "the signature does not verify: " + e.getMessage());
        }
    }

    public static CryptoSuite suiteOf(X509Certificate certificate) {
        try {
            return CryptoSuite.ofKey(certificate.getPublicKey());
        } catch (IllegalArgumentException e) {
            throw ContractErrors.error(ErrorCode.CERTIFICATE_UNTRUSTED,
                    "the certificate's key is neither P-256 nor SM2");
        }
    }

    /** Parses the PEM certificates an operator registers for an organisation; each must be a CA. */
    public static void requireCaCertificates(java.util.List<String> pems) {
        for (int i = 0; i < pems.size(); i++) {
            X509Certificate ca = parse("caCertificates[" + i + "]", pems.get(i));
            if (ca.getBasicConstraints() < 0) {
                throw ContractErrors.invalid("caCertificates[" + i + "] is not a CA certificate");
            }
        }
    }

    /** Parses a PEM certificate from an argument; INVALID_ARGUMENT naming the field otherwise. */
    public static X509Certificate parse(String field, String pem) {
        if (pem == null || pem.isBlank()) {
            throw ContractErrors.invalid(field + " is required (PEM)");
        }
        if (pem.length() > MAX_PEM_CHARS) {
            throw ContractErrors.invalid(field + " is longer than " + MAX_PEM_CHARS + " characters");
        }
        try {
            return ParsedCertificates.parseChecked(pem);
        } catch (CertificateException e) {
            throw ContractErrors.invalid(field + " is not a PEM X.509 certificate");
        }
    }
}
