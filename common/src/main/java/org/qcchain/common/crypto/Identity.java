package org.qcchain.common.crypto;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A certificate with its private key: what a client, peer or node signs with.
 *
 * <p>The constructor checks that the key belongs to the certificate, so an identity can never sign
 * with a key its certificate does not vouch for. {@link #toString()} never shows the key.
 *
 * <pre>{@code
 * Identity bank = new Identity(Pem.parseCertificate(certPem), Pem.parsePrivateKey(keyPem));
 * byte[] signature = bank.sign(Json.canonicalBytes(request));
 * }</pre>
 *
 * @param certificate the X.509 certificate, of a crypto suite
 * @param privateKey the private key of the certificate's public key
 */
public record Identity(X509Certificate certificate, PrivateKey privateKey) {

    /**
     * Checks that the key belongs to the certificate.
     *
     * @param certificate the X.509 certificate, of a crypto suite
     * @param privateKey the private key of the certificate's public key
     * @throws IllegalArgumentException if the certificate's key belongs to no suite or the private
     *     key is not its pair
     */
    public Identity {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        if (!Certificates.suiteOf(certificate).isKeyPair(privateKey, certificate.getPublicKey())) {
            throw new IllegalArgumentException("private key (" + CryptoSuite.describe(privateKey)
                    + ") does not belong to the certificate of '" + Certificates.subjectDn(certificate)
                    + "'");
        }
    }

    /**
     * The suite of the certificate's key.
     *
     * @return the suite that signs for this identity
     */
    public CryptoSuite suite() {
        return Certificates.suiteOf(certificate);
    }

    /**
     * The certificate as PEM, e.g. to put into a signed request.
     *
     * @return a {@code CERTIFICATE} block
     */
    public String certificatePem() {
        return Pem.toPem(certificate);
    }

    /**
     * The private key as PEM; handle with care.
     *
     * @return an unencrypted PKCS#8 {@code PRIVATE KEY} block
     */
    public String privateKeyPem() {
        return Pem.toPem(privateKey);
    }

    /**
     * Signs {@code data} with the suite's signature algorithm.
     *
     * @param data the message, typically canonical JSON
     * @return the DER signature
     */
    public byte[] sign(byte[] data) {
        return suite().sign(privateKey, data);
    }

    /** Subject, suite and certificate fingerprint; never the key. */
    @Override
    public String toString() {
        return "Identity[" + Certificates.subjectDn(certificate) + ", " + suite() + ", sha256:"
                + Certificates.fingerprint(certificate) + "]";
    }
}
