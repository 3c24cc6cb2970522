package org.qcchain.node.http;

import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import org.qcchain.chaincode.model.AnchorStatement;
import org.qcchain.common.crypto.Certificates;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.InvalidSignatureException;
import org.qcchain.common.crypto.Pem;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.node.ApiException;
import org.qcchain.node.auth.Organisation;
import org.qcchain.node.auth.OrganisationDirectory;

/**
 * The body of {@code POST /v1/datasets/{id}/batches/{batchId}/anchor}: a provider's signature
 * over the canonical JSON of a batch's {@link AnchorStatement}, and its signer certificate. The
 * node checks it itself before it submits anything, as the chaincode will, so that a bad signature
 * or a certificate of another organisation fails fast with a 4xx and never costs a transaction.
 *
 * @param certificate PEM certificate of the signer, issued by a CA of the dataset's provider
 * @param signature base64 signature over the canonical JSON of the statement
 */
record ProviderSignature(String certificate, String signature) {

    private static final int MAX_PEM_CHARS = 16 * 1024;
    private static final int MAX_SIGNATURE_CHARS = 1024;

    /**
     * Checks the signature as the chaincode does: the certificate was issued by a CA of {@code
     * providerMspId} and is valid at {@code now}, its suite is the statement's, and the signature
     * over the statement's canonical JSON verifies.
     *
     * @throws ApiException {@code INVALID_ARGUMENT} for a missing or malformed field or another
     *     suite, {@code CERTIFICATE_UNTRUSTED}, {@code CERTIFICATE_EXPIRED}, {@code BAD_SIGNATURE}
     */
    void require(OrganisationDirectory directory, String providerMspId, AnchorStatement statement, Instant now) {
        X509Certificate signer = signer();
        Organisation provider = directory.find(providerMspId).orElseThrow(() -> new ApiException(
                ErrorCode.CERTIFICATE_UNTRUSTED, "the node knows no CA of " + providerMspId));
        if (!provider.issued(signer)) {
            throw new ApiException(ErrorCode.CERTIFICATE_UNTRUSTED, "certificate '" + Certificates.subjectDn(signer)
                    + "' was not issued by a CA of " + providerMspId + ", the dataset's source");
        }
        try {
            Certificates.checkValidAt(signer, now);
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new ApiException(ErrorCode.CERTIFICATE_EXPIRED, e.getMessage());
        }
        CryptoSuite suite = Certificates.suiteOf(signer);
        if (!suite.name().equals(statement.hashSuite())) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "the batch is hashed with " + statement.hashSuite()
                    + " but the certificate is a " + suite + " certificate");
        }
        try {
            suite.verify(signer.getPublicKey(), Json.canonicalBytes(statement), signatureBytes());
        } catch (InvalidSignatureException e) {
            throw new ApiException(ErrorCode.BAD_SIGNATURE, "the signature over the statement of batch "
                    + statement.batchId() + " does not verify with the certificate: " + e.getMessage());
        }
    }

    private X509Certificate signer() {
        if (certificate == null || certificate.isBlank() || certificate.length() > MAX_PEM_CHARS) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "certificate is required, a PEM certificate of at most "
                    + MAX_PEM_CHARS + " characters");
        }
        try {
            return Pem.parseCertificate(certificate);
        } catch (CertificateException | IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "certificate is not a PEM X.509 certificate");
        }
    }

    private byte[] signatureBytes() {
        if (signature == null || signature.isEmpty() || signature.length() > MAX_SIGNATURE_CHARS) {
            throw new ApiException(ErrorCode.BAD_SIGNATURE, "signature is missing or longer than "
                    + MAX_SIGNATURE_CHARS + " characters");
        }
        try {
            return Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.BAD_SIGNATURE, "signature is not base64");
        }
    }
}
