package org.qcchain.common.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * PEM text for certificates, keys and certification requests of both suites, as Fabric, OpenSSL
 * and GmSSL write them.
 *
 * <p>Writing always uses {@code \n} line ends, private keys as unencrypted PKCS#8
 * ({@code PRIVATE KEY}). Reading skips text outside PEM blocks, accepts private keys as PKCS#8 or
 * SEC1 ({@code EC PRIVATE KEY}, with or without a preceding {@code EC PARAMETERS} block), and
 * rejects a block of the wrong kind instead of silently skipping it.
 *
 * <pre>{@code
 * X509Certificate cert = Pem.parseCertificate(Files.readString(certFile));
 * PrivateKey key = Pem.parsePrivateKey(Files.readString(keyFile));
 * Files.writeString(out, Pem.toPem(cert));
 * }</pre>
 */
public final class Pem {

    private Pem() {}

    /**
     * Writes a certificate.
     *
     * @param cert the certificate
     * @return a {@code CERTIFICATE} block
     */
    public static String toPem(X509Certificate cert) {
        return write(Objects.requireNonNull(cert, "cert"));
    }

    /**
     * Writes a private key, unencrypted.
     *
     * @param key the private key
     * @return a PKCS#8 {@code PRIVATE KEY} block
     */
    public static String toPem(PrivateKey key) {
        Objects.requireNonNull(key, "key");
        try {
            return write(new JcaPKCS8Generator(key, null));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode the private key as PKCS#8", e);
        }
    }

    /**
     * Writes a public key.
     *
     * @param key the public key
     * @return a {@code PUBLIC KEY} block (SubjectPublicKeyInfo)
     */
    public static String toPem(PublicKey key) {
        return write(Objects.requireNonNull(key, "key"));
    }

    /**
     * Writes a PKCS#10 certification request.
     *
     * @param csr the request
     * @return a {@code CERTIFICATE REQUEST} block
     */
    public static String toPem(PKCS10CertificationRequest csr) {
        return write(Objects.requireNonNull(csr, "csr"));
    }

    /**
     * Reads exactly one certificate.
     *
     * @param pem PEM text
     * @return the certificate
     * @throws CertificateException if the text holds no certificate, several, or another kind of
     *     block
     */
    public static X509Certificate parseCertificate(String pem) throws CertificateException {
        List<X509Certificate> certificates = parseCertificates(pem);
        if (certificates.size() != 1) {
            throw new CertificateException(
                    "expected one CERTIFICATE block, found " + certificates.size());
        }
        return certificates.get(0);
    }

    /**
     * Reads a chain of certificates, in the order they appear.
     *
     * @param pem PEM text
     * @return the certificates, at least one
     * @throws CertificateException if the text holds no certificate or another kind of block
     */
    public static List<X509Certificate> parseCertificates(String pem) throws CertificateException {
        List<Object> blocks;
        try {
            blocks = readBlocks(pem);
        } catch (IOException e) {
            throw new CertificateException("unreadable PEM: " + e.getMessage(), e);
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Object block : blocks) {
            if (!(block instanceof X509CertificateHolder holder)) {
                throw new CertificateException(
                        "PEM block " + (certificates.size() + 1) + " is " + label(block) + ", not CERTIFICATE");
            }
            try {
                certificates.add(Certificates.parseDer(holder.getEncoded()));
            } catch (IOException e) {
                throw new CertificateException("certificate " + (certificates.size() + 1)
                        + " cannot be re-encoded: " + e.getMessage(), e);
            }
        }
        if (certificates.isEmpty()) {
            throw new CertificateException("no CERTIFICATE block found in the PEM text");
        }
        return List.copyOf(certificates);
    }

    /**
     * Reads exactly one unencrypted private key, PKCS#8 ({@code PRIVATE KEY}) or SEC1
     * ({@code EC PRIVATE KEY}).
     *
     * @param pem PEM text
     * @return the private key
     * @throws InvalidKeyException if there is no key, more than one, an encrypted key, another kind
     *     of block, or a key Bouncy Castle cannot decode
     */
    public static PrivateKey parsePrivateKey(String pem) throws InvalidKeyException {
        PrivateKeyInfo found = null;
        for (Object block : readKeyBlocks(pem)) {
            PrivateKeyInfo info;
            if (block instanceof PrivateKeyInfo pkcs8) {
                info = pkcs8;
            } else if (block instanceof PEMKeyPair sec1) {
                info = sec1.getPrivateKeyInfo();
            } else if (block instanceof PKCS8EncryptedPrivateKeyInfo
                    || block instanceof PEMEncryptedKeyPair) {
                throw new InvalidKeyException("private key is encrypted; provide it unencrypted");
            } else if (isEcParameters(block)) {
                continue;
            } else {
                throw new InvalidKeyException(
                        "PEM holds " + label(block) + " where a PRIVATE KEY was expected");
            }
            if (found != null) {
                throw new InvalidKeyException("PEM holds more than one private key");
            }
            found = info;
        }
        if (found == null) {
            throw new InvalidKeyException("no PRIVATE KEY or EC PRIVATE KEY block found in the PEM text");
        }
        try {
            return converter().getPrivateKey(found);
        } catch (IOException | RuntimeException e) {
            throw new InvalidKeyException("private key cannot be decoded: " + e.getMessage(), e);
        }
    }

    /**
     * Reads exactly one {@code PUBLIC KEY} block.
     *
     * @param pem PEM text
     * @return the public key
     * @throws InvalidKeyException if there is no public key, several, or another kind of block
     */
    public static PublicKey parsePublicKey(String pem) throws InvalidKeyException {
        SubjectPublicKeyInfo info = single(readKeyBlocks(pem), SubjectPublicKeyInfo.class,
                "PUBLIC KEY");
        try {
            return converter().getPublicKey(info);
        } catch (IOException | RuntimeException e) {
            throw new InvalidKeyException("public key cannot be decoded: " + e.getMessage(), e);
        }
    }

    /**
     * Reads exactly one {@code CERTIFICATE REQUEST} block. Its signature is not checked here;
     * {@link CertificateAuthority#issue(PKCS10CertificationRequest, CertificateProfile,
     * java.time.Instant, java.time.Duration)} does that.
     *
     * @param pem PEM text
     * @return the request
     * @throws InvalidKeyException if there is no request, several, or another kind of block
     */
    public static PKCS10CertificationRequest parseCsr(String pem) throws InvalidKeyException {
        return single(readKeyBlocks(pem), PKCS10CertificationRequest.class, "CERTIFICATE REQUEST");
    }

    private static <T> T single(List<Object> blocks, Class<T> type, String label)
            throws InvalidKeyException {
        if (blocks.isEmpty()) {
            throw new InvalidKeyException("no " + label + " block found in the PEM text");
        }
        if (blocks.size() > 1) {
            throw new InvalidKeyException(
                    "expected one " + label + " block, found " + blocks.size() + " blocks");
        }
        Object block = blocks.get(0);
        if (!type.isInstance(block)) {
            throw new InvalidKeyException("PEM holds " + label(block) + ", not " + label);
        }
        return type.cast(block);
    }

    private static List<Object> readKeyBlocks(String pem) throws InvalidKeyException {
        try {
            return readBlocks(pem);
        } catch (IOException e) {
            throw new InvalidKeyException("unreadable PEM: " + e.getMessage(), e);
        }
    }

    /** Every PEM block in order; IOException for undecodable ones. */
    private static List<Object> readBlocks(String pem) throws IOException {
        Objects.requireNonNull(pem, "pem");
        List<Object> blocks = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object block = parser.readObject(); block != null; block = parser.readObject()) {
                blocks.add(block);
            }
        } catch (RuntimeException e) {
            // malformed base64 or ASN.1 surfaces as unchecked exceptions from Bouncy Castle
            throw new IOException(e.getMessage(), e);
        }
        return blocks;
    }

    private static boolean isEcParameters(Object block) {
        return block instanceof ASN1ObjectIdentifier || block instanceof X9ECParameters;
    }

    private static String label(Object block) {
        if (block instanceof X509CertificateHolder) {
            return "a CERTIFICATE";
        } else if (block instanceof PrivateKeyInfo) {
            return "a PRIVATE KEY";
        } else if (block instanceof PEMKeyPair) {
            return "an EC PRIVATE KEY";
        } else if (block instanceof SubjectPublicKeyInfo) {
            return "a PUBLIC KEY";
        } else if (block instanceof PKCS10CertificationRequest) {
            return "a CERTIFICATE REQUEST";
        } else if (block instanceof X509CRLHolder) {
            return "an X509 CRL";
        } else if (isEcParameters(block)) {
            return "EC PARAMETERS";
        }
        return "a " + block.getClass().getSimpleName();
    }

    private static JcaPEMKeyConverter converter() {
        return new JcaPEMKeyConverter().setProvider(BouncyCastle.provider());
    }

    private static String write(Object value) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(value);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot encode " + value.getClass().getSimpleName() + " as PEM", e);
        }
        return text.toString().replace("\r\n", "\n");
    }
}
