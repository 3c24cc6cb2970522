package org.qcchain.common.crypto;

import java.security.Provider;
import java.security.Security;

/**
 * Lets code that parses certificates with the JVM's default {@code CertificateFactory} read SM2
 * certificates.
 *
 * <p>JDK 17's own X.509 parser rejects SM2 public keys ("Unknown named curve:
 * 1.2.156.10197.1.301"). Fabric's chaincode shim parses every transaction's creator that way
 * ({@code ClientIdentity}), so on an SM2 network no transaction could even start. {@link
 * #install()} puts a provider in front of the JDK's that offers exactly one service, the X.509
 * {@code CertificateFactory} of Bouncy Castle, which reads both P-256 and SM2 certificates into
 * standard {@link java.security.cert.X509Certificate}s. Every other algorithm lookup of the JVM is
 * left as it was. Processes that run the chaincode (the chaincode server, the embedded ledger)
 * install it at start-up; P-256-only processes need not.
 */
public final class Sm2CertificateSupport {
    /** Name of the installed provider. */
    public static final String PROVIDER_NAME = "QcchainX509";

    private Sm2CertificateSupport() {}

    /** Installs the provider as the JVM's first; does nothing when it is installed already. */
    public static synchronized void install() {
        if (Security.getProvider(PROVIDER_NAME) != null) {
            return;
        }
        BouncyCastle.provider(); // initialises Bouncy Castle's key-decoding tables the factory relies on
        Security.insertProviderAt(new X509Provider(), 1);
    }

    /** True once {@link #install()} ran in this JVM. */
    public static boolean installed() {
        return Security.getProvider(PROVIDER_NAME) != null;
    }

    private static final class X509Provider extends Provider {
        private static final long serialVersionUID = 1L;

        X509Provider() {
            super(PROVIDER_NAME, "1.0", "Bouncy Castle's X.509 certificate factory, for SM2 certificates");
            put("CertificateFactory.X.509", "org.bouncycastle.jcajce.provider.asymmetric.x509.CertificateFactory");
            put("Alg.Alias.CertificateFactory.X509", "X.509");
        }
    }
}
