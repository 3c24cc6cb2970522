package org.qcchain.simulator;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.Provider;
import java.security.Security;
import java.security.cert.CRL;
import java.security.cert.CRLException;
import java.security.cert.CertPath;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactorySpi;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qcchain.common.crypto.Sm2CertificateSupport;

/**
 * Remembers parsed creator certificates, so the shim does not parse the same certificate again for
 * every transaction.
 *
 * <p>The shim's {@code ClientIdentity}, built for every transaction's {@code Context}, parses the
 * creator's PEM certificate with the JVM's default X.509 {@code CertificateFactory}; it offers no
 * way to hand it a certificate parsed already. A handful of certificates sign almost every
 * transaction, and parsing one costs about as much as half a signature check. {@link #install()}
 * puts a factory in front of the default one that keeps the last {@value #CAPACITY} certificates
 * parsed, keyed by their exact bytes — what the JDK's own factory does ({@code
 * sun.security.provider.X509Factory} caches by encoding), but which Bouncy Castle's, installed by
 * {@link Sm2CertificateSupport} for SM2, does not. Parsing is a pure function of the bytes and the
 * certificates are immutable, so a remembered answer is the answer a new parse would give.
 *
 * <p>Only a {@link ByteArrayInputStream} holding exactly one certificate (what the shim passes) is
 * answered from memory; other streams, several certificates, CRLs and certificate paths go to the
 * Bouncy Castle factory unchanged, as do failures (nothing is remembered for them).
 */
public final class CreatorCertificates {

    /** Name of the installed provider. */
    public static final String PROVIDER_NAME = "QcchainX509Memo";

    private static final int CAPACITY = 1024;
    private static final Map<Encoding, X509Certificate> PARSED = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Encoding, X509Certificate> eldest) {
            return size() > CAPACITY;
        }
    };

    private CreatorCertificates() {}

    /** Installs the remembering factory as the JVM's first X.509 factory (SM2 support included); idempotent. */
    public static synchronized void install() {
        Sm2CertificateSupport.install();
        if (Security.getProvider(PROVIDER_NAME) == null) {
            Security.insertProviderAt(new MemoProvider(), 1);
        }
    }

    /** The exact bytes of a certificate, as a map key. */
    private record Encoding(byte[] bytes) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Encoding that && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }

    private static final class MemoProvider extends Provider {
        private static final long serialVersionUID = 1L;

        MemoProvider() {
            super(PROVIDER_NAME, "1.0", "Bouncy Castle's X.509 certificate factory, remembering certificates parsed");
            put("CertificateFactory.X.509", MemoFactory.class.getName());
            put("Alg.Alias.CertificateFactory.X509", "X.509");
        }
    }

    /** The factory the JVM instantiates per {@code CertificateFactory.getInstance}; stateless. */
    public static final class MemoFactory extends CertificateFactorySpi {

        @Override
        public Certificate engineGenerateCertificate(InputStream in) throws CertificateException {
            if (!(in instanceof ByteArrayInputStream bytes)) {
                return delegate().engineGenerateCertificate(in);
            }
            bytes.mark(0);
            Encoding encoding = new Encoding(bytes.readAllBytes());
            X509Certificate known;
            synchronized (PARSED) {
                known = PARSED.get(encoding);
            }
            if (known != null) {
                return known;
            }
            bytes.reset();
            Certificate parsed = delegate().engineGenerateCertificate(bytes);
            // remembered only if the certificate was the whole input: then a new parse of these bytes
            // would read exactly this certificate and leave nothing behind
            if (parsed instanceof X509Certificate certificate && bytes.available() == 0) {
                synchronized (PARSED) {
                    PARSED.put(encoding, certificate);
                }
            }
            return parsed;
        }

        @Override
        public Collection<? extends Certificate> engineGenerateCertificates(InputStream in)
                throws CertificateException {
            return delegate().engineGenerateCertificates(in);
        }

        @Override
        public CRL engineGenerateCRL(InputStream in) throws CRLException {
            return delegate().engineGenerateCRL(in);
        }

        @Override
        public Collection<? extends CRL> engineGenerateCRLs(InputStream in) throws CRLException {
            return delegate().engineGenerateCRLs(in);
        }

        @Override
        public CertPath engineGenerateCertPath(InputStream in) throws CertificateException {
            return delegate().engineGenerateCertPath(in);
        }

        @Override
        public CertPath engineGenerateCertPath(InputStream in, String encoding) throws CertificateException {
            return delegate().engineGenerateCertPath(in, encoding);
        }

        @Override
        public CertPath engineGenerateCertPath(List<? extends Certificate> certificates) throws CertificateException {
            return delegate().engineGenerateCertPath(certificates);
        }

        @Override
        public Iterator<String> engineGetCertPathEncodings() {
            return delegate().engineGetCertPathEncodings();
        }

        /** Bouncy Castle's factory keeps parsing state between calls: a new one per call. */
        private static org.bouncycastle.jcajce.provider.asymmetric.x509.CertificateFactory delegate() {
            return new org.bouncycastle.jcajce.provider.asymmetric.x509.CertificateFactory();
        }
    }
}
