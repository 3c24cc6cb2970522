package org.qcchain.sdk.internal;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import org.qcchain.common.crypto.Certificates;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.InvalidSignatureException;
import org.qcchain.common.crypto.Pem;

/**
 * The check every signed envelope of the SDK makes when a signature made elsewhere (an HSM) joins
 * what was signed: the certificate must be readable and the signature must be its key's over the
 * bytes, so that a bad signature fails in the caller's process rather than at the node. Not API.
 */
public final class SignerCertificates {

    private SignerCertificates() {}

    /**
     * @param certificatePem the signer's PEM certificate
     * @param signedBytes the bytes that were signed
     * @param signature DER signature over {@code signedBytes}
     * @param what what was signed, for the message, e.g. {@code "request"}
     * @return the signer's suite, read from the certificate
     * @throws IllegalArgumentException if the certificate is unreadable or the signature does not verify
     */
    public static CryptoSuite requireSignature(String certificatePem, byte[] signedBytes, byte[] signature,
            String what) {
        Objects.requireNonNull(certificatePem, "certificatePem");
        Objects.requireNonNull(signature, "signature");
        X509Certificate certificate;
        try {
            certificate = Pem.parseCertificate(certificatePem);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("certificatePem is not a PEM certificate: " + e.getMessage(), e);
        }
        CryptoSuite suite = Certificates.suiteOf(certificate);
        try {
            suite.verify(certificate.getPublicKey(), signedBytes, signature);
        } catch (InvalidSignatureException e) {
            throw new IllegalArgumentException("the signature is not the certificate's over this " + what + ": "
                    + e.getMessage(), e);
        }
        return suite;
    }
}
