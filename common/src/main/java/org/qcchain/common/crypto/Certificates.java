package org.qcchain.common.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Reading and checking X.509 certificates of either suite.
 *
 * <p>Certificates are decoded by Bouncy Castle, because the JDK cannot decode SM2 public keys.
 * Distinguished names are RFC 4514 strings, most specific attribute first, as the JDK, Go and
 * Fabric print them.
 *
 * <pre>{@code
 * X509Certificate client = Pem.parseCertificate(pem);
 * Certificates.verifyIssuedBy(client, bankCa);
 * Certificates.checkValidAt(client, transactionTimestamp);
 * String who = Certificates.commonName(client);
 * }</pre>
 */
public final class Certificates {

    /**
     * The validity bounds of certificates checked before. Bouncy Castle parses the certificate's
     * ASN.1 times again on every {@code getNotBefore()} and {@code getNotAfter()} (with a new date
     * format each time, several microseconds), and the hot paths check the same few certificates
     * for every request and transaction; the bounds are a pure function of the certificate.
     * Bounded: emptied when full.
     */
    private static final Map<X509Certificate, Validity> VALIDITY = new ConcurrentHashMap<>();
    private static final int VALIDITY_CAPACITY = 4096;

    private record Validity(Instant notBefore, Instant notAfter) {}

    /** The only certificate signature algorithm each suite accepts. */
    private static final Map<CryptoSuite, String> SIGNATURE_OIDS = Map.of(
            CryptoSuite.P256_SHA256, X9ObjectIdentifiers.ecdsa_with_SHA256.getId(),
            CryptoSuite.SM2_SM3, GMObjectIdentifiers.sm2sign_with_sm3.getId());

    private static final HexFormat HEX = HexFormat.of();

    private Certificates() {}

    /**
     * Decodes exactly one DER certificate; trailing bytes are rejected.
     *
     * @param der the DER encoding
     * @return the certificate, able to return SM2 public keys
     * @throws CertificateException if {@code der} is not one well-formed certificate
     */
    public static X509Certificate parseDer(byte[] der) throws CertificateException {
        Objects.requireNonNull(der, "der");
        try {
            ASN1Primitive.fromByteArray(der);
        } catch (IOException | RuntimeException e) {
            throw new CertificateException(
                    "not a single DER certificate (" + der.length + " bytes): " + e.getMessage(), e);
        }
        CertificateFactory factory = CertificateFactory.getInstance("X.509", BouncyCastle.provider());
        try {
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new CertificateException("not a valid X.509 certificate: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new CertificateException("not a valid X.509 certificate: " + e, e);
        }
    }

    /**
     * Checks that {@code issuer} issued {@code cert}: the issuer's subject is the certificate's
     * issuer name (byte for byte, as Go and Fabric compare), the issuer is a CA allowed to sign
     * certificates, the certificate is signed with the issuer suite's algorithm, and the signature
     * verifies with the issuer's public key. Validity dates are not checked; see
     * {@link #checkValidAt}.
     *
     * @param cert the certificate to check
     * @param issuer the CA certificate that supposedly issued it
     * @throws CertificateException whose message names the check that failed
     */
    public static void verifyIssuedBy(X509Certificate cert, X509Certificate issuer)
            throws CertificateException {
        Objects.requireNonNull(cert, "cert");
        Objects.requireNonNull(issuer, "issuer");
        byte[] issuerName = cert.getIssuerX500Principal().getEncoded();
        if (!Arrays.equals(issuerName, issuer.getSubjectX500Principal().getEncoded())) {
            throw new CertificateException("certificate '" + subjectDn(cert) + "' names issuer '"
                    + issuerDn(cert) + "', not '" + subjectDn(issuer) + "'");
        }
        if (issuer.getBasicConstraints() < 0) {
            throw new CertificateException("'" + subjectDn(issuer)
                    + "' is not a CA certificate (basicConstraints cA is not true), so it cannot issue '"
                    + subjectDn(cert) + "'");
        }
        boolean[] keyUsage = issuer.getKeyUsage();
        if (keyUsage != null && (keyUsage.length <= 5 || !keyUsage[5])) {
            throw new CertificateException(
                    "key usage of CA '" + subjectDn(issuer) + "' does not include keyCertSign");
        }
        CryptoSuite suite = issuerSuite(issuer);
        if (!SIGNATURE_OIDS.get(suite).equals(cert.getSigAlgOID())) {
            throw new CertificateException("certificate '" + subjectDn(cert) + "' is signed with "
                    + cert.getSigAlgName() + " but its issuer's suite " + suite + " signs with "
                    + suite.certificateSignatureAlgorithm());
        }
        if (!signatureValid(cert, issuer)) {
            throw new CertificateException("signature of certificate '" + subjectDn(cert)
                    + "' does not verify with the public key of '" + subjectDn(issuer) + "'");
        }
    }

    /**
     * Checks that {@code at} lies within the certificate's validity, both ends inclusive.
     *
     * @param cert the certificate to check
     * @param at the moment that matters, e.g. a transaction's timestamp (never the clock here)
     * @throws CertificateExpiredException if {@code at} is after notAfter
     * @throws CertificateNotYetValidException if {@code at} is before notBefore
     */
    public static void checkValidAt(X509Certificate cert, Instant at)
            throws CertificateExpiredException, CertificateNotYetValidException {
        Objects.requireNonNull(cert, "cert");
        Objects.requireNonNull(at, "at");
        Validity validity = VALIDITY.get(cert);
        if (validity == null) {
            validity = new Validity(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant());
            if (VALIDITY.size() >= VALIDITY_CAPACITY) {
                VALIDITY.clear();
            }
            VALIDITY.put(cert, validity);
        }
        Instant notBefore = validity.notBefore();
        Instant notAfter = validity.notAfter();
        if (at.isBefore(notBefore)) {
            throw new CertificateNotYetValidException("certificate '" + subjectDn(cert)
                    + "' is not valid before " + notBefore + " (checked at " + at + ")");
        }
        if (at.isAfter(notAfter)) {
            throw new CertificateExpiredException("certificate '" + subjectDn(cert) + "' expired at "
                    + notAfter + " (checked at " + at + ")");
        }
    }

    /**
     * The subject's common name.
     *
     * @param cert any certificate
     * @return the most specific common name if there are several, {@code ""} if none
     */
    public static String commonName(X509Certificate cert) {
        return DistinguishedNames.commonName(DistinguishedNames.of(cert.getSubjectX500Principal()));
    }

    /**
     * The subject distinguished name.
     *
     * @param cert any certificate
     * @return RFC 4514 text, most specific first: {@code "CN=alice,O=Org1,C=CN"}
     */
    public static String subjectDn(X509Certificate cert) {
        return DistinguishedNames.format(DistinguishedNames.of(cert.getSubjectX500Principal()));
    }

    /**
     * The issuer distinguished name.
     *
     * @param cert any certificate
     * @return RFC 4514 text, most specific first
     */
    public static String issuerDn(X509Certificate cert) {
        return DistinguishedNames.format(DistinguishedNames.of(cert.getIssuerX500Principal()));
    }

    /**
     * The suite of the certificate's public key.
     *
     * @param cert any certificate
     * @return the suite of its public key
     * @throws IllegalArgumentException if the key belongs to no suite
     */
    public static CryptoSuite suiteOf(X509Certificate cert) {
        return CryptoSuite.ofKey(cert.getPublicKey());
    }

    /**
     * The certificate's fingerprint; always SHA-256 whatever the suite, as it is an identifier.
     *
     * @param cert any certificate
     * @return lowercase hex SHA-256 of the DER encoding
     */
    public static String fingerprint(X509Certificate cert) {
        try {
            return CryptoSuite.P256_SHA256.hashHex(cert.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be DER-encoded", e);
        }
    }

    private static CryptoSuite issuerSuite(X509Certificate issuer) throws CertificateException {
        try {
            return suiteOf(issuer);
        } catch (IllegalArgumentException e) {
            throw new CertificateException(
                    "key of issuer '" + subjectDn(issuer) + "' belongs to no crypto suite", e);
        }
    }

    private static boolean signatureValid(X509Certificate cert, X509Certificate issuer)
            throws CertificateException {
        try {
            ContentVerifierProvider verifier = new JcaContentVerifierProviderBuilder()
                    .setProvider(BouncyCastle.provider())
                    .build(issuer.getPublicKey());
            return new X509CertificateHolder(cert.getEncoded()).isSignatureValid(verifier);
        } catch (OperatorCreationException | CertException | IOException e) {
            throw new CertificateException(
                    "cannot check the signature of '" + subjectDn(cert) + "': " + e.getMessage(), e);
        }
    }
}
