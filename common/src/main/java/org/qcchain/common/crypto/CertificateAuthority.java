package org.qcchain.common.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.util.IPAddress;

/**
 * A certificate authority of one suite: a CA certificate and its private key, issuing
 * intermediate CAs and end-entity certificates. Used by tests, the demo network and the Fabric MSP
 * generator; production CAs may be anything that issues standard certificates.
 *
 * <p>Every certificate gets a random positive 127-bit serial number, subject and authority key
 * identifiers, and a validity inside the CA's own. Times are always parameters: nothing here reads
 * the clock. Certificates are signed with the suite's signature (low-S ECDSA for P-256, SM2 with
 * the default user id).
 *
 * <pre>{@code
 * CertificateAuthority root = CertificateAuthority.createRoot(
 *     CryptoSuite.SM2_SM3, "CN=ca.org1.example.com,O=Org1,C=CN", start, Duration.ofDays(3650));
 * Identity admin = root.issueIdentity(
 *     "CN=Admin@org1.example.com,OU=admin,O=Org1,C=CN", CertificateProfile.CLIENT,
 *     start, Duration.ofDays(365));
 * }</pre>
 */
public final class CertificateAuthority {

    private final X509Certificate certificate;
    private final PrivateKey privateKey;
    private final CryptoSuite suite;
    private final CertificateSigner signer;

    private CertificateAuthority(X509Certificate certificate, PrivateKey privateKey) {
        this.certificate = certificate;
        this.privateKey = privateKey;
        this.suite = Certificates.suiteOf(certificate);
        this.signer = new CertificateSigner(
                suite,
                privateKey,
                DistinguishedNames.of(certificate.getSubjectX500Principal()),
                KeyIdentifiers.of(suite, certificate));
    }

    /**
     * Creates a self-signed root CA with a new key: basicConstraints cA=true, key usage
     * keyCertSign, cRLSign and digitalSignature.
     *
     * @param suite the suite of the new key and of every certificate the CA will issue
     * @param subjectDn RFC 4514 subject, most specific first
     * @param notBefore start of validity, truncated to whole seconds
     * @param validity at least one second
     * @return the new root CA
     * @throws IllegalArgumentException if the name or the validity is unusable
     */
    public static CertificateAuthority createRoot(
            CryptoSuite suite, String subjectDn, Instant notBefore, Duration validity) {
        Objects.requireNonNull(suite, "suite");
        X500Name name = DistinguishedNames.parse(subjectDn);
        ValidityPeriod period = ValidityPeriod.of(notBefore, validity);
        KeyPair keys = suite.generateKeyPair();
        CertificateSigner selfSigner = new CertificateSigner(
                suite, keys.getPrivate(), name, KeyIdentifiers.of(suite, keys.getPublic()));
        X509Certificate certificate =
                selfSigner.sign(name, keys.getPublic(), period, CertificateSigner.caExtensions());
        return new CertificateAuthority(certificate, keys.getPrivate());
    }

    /**
     * An existing CA, for example one loaded from PEM files.
     *
     * @param certificate the CA certificate
     * @param key the CA's private key
     * @return the CA, issuing certificates of its key's suite
     * @throws IllegalArgumentException if the certificate is not a CA certificate of a crypto suite
     *     or the key does not belong to it
     */
    public static CertificateAuthority of(X509Certificate certificate, PrivateKey key) {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(key, "key");
        if (certificate.getBasicConstraints() < 0) {
            throw new IllegalArgumentException("'" + Certificates.subjectDn(certificate)
                    + "' is not a CA certificate (basicConstraints cA is not true)");
        }
        CryptoSuite suite = Certificates.suiteOf(certificate);
        if (!suite.isKeyPair(key, certificate.getPublicKey())) {
            throw new IllegalArgumentException("private key is not the key of CA '"
                    + Certificates.subjectDn(certificate) + "' (it is " + CryptoSuite.describe(key) + ")");
        }
        return new CertificateAuthority(certificate, key);
    }

    /**
     * The CA certificate.
     *
     * @return the certificate every issued certificate chains to
     */
    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * The CA's private key.
     *
     * @return the signing key; handle with care
     */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /**
     * The suite of the CA's key.
     *
     * @return the suite of every certificate this CA issues
     */
    public CryptoSuite suite() {
        return suite;
    }

    /**
     * Issues an end-entity certificate. A SERVER request without alternative names gets the common
     * name as DNS name or IP address, as Fabric's cryptogen does, because TLS clients ignore the
     * common name.
     *
     * @param request subject, key, profile, validity and alternative names
     * @return the signed certificate
     * @throws IllegalArgumentException if the request's key is of another suite or its validity is
     *     not within the CA's
     */
    public X509Certificate issue(CertificateRequest request) {
        Objects.requireNonNull(request, "request");
        CryptoSuite requested = CryptoSuite.ofKey(request.publicKey());
        if (requested != suite) {
            throw new IllegalArgumentException("request key is of suite " + requested
                    + " but CA '" + Certificates.subjectDn(certificate) + "' issues " + suite);
        }
        ValidityPeriod period = ValidityPeriod.of(request.notBefore(), request.validity());
        period.checkWithin(certificate);
        X500Name subject = DistinguishedNames.parse(request.subjectDn());
        GeneralNames names = alternativeNames(request);
        return signer.sign(subject, request.publicKey(), period,
                CertificateSigner.endEntityExtensions(request.profile(), names));
    }

    /**
     * Issues an intermediate CA with a new key of this suite.
     *
     * @param subjectDn RFC 4514 subject, most specific first
     * @param notBefore start of validity, truncated to whole seconds
     * @param validity at least one second, ending no later than this CA
     * @return the intermediate CA
     * @throws IllegalArgumentException if the name or the validity is unusable
     */
    public CertificateAuthority issueIntermediate(
            String subjectDn, Instant notBefore, Duration validity) {
        X500Name subject = DistinguishedNames.parse(subjectDn);
        ValidityPeriod period = ValidityPeriod.of(notBefore, validity);
        period.checkWithin(certificate);
        KeyPair keys = suite.generateKeyPair();
        X509Certificate issued =
                signer.sign(subject, keys.getPublic(), period, CertificateSigner.caExtensions());
        return new CertificateAuthority(issued, keys.getPrivate());
    }

    /**
     * Issues a certificate for a PKCS#10 request after checking the request's own signature (proof
     * that the requester holds the private key). The subject and the DNS and IP alternative names
     * come from the request; any other requested extension is ignored, the profile decides usage.
     *
     * @param csr the PKCS#10 request
     * @param profile what the certificate may be used for
     * @param notBefore start of validity, truncated to whole seconds
     * @param validity at least one second, ending no later than this CA
     * @return the signed certificate
     * @throws InvalidSignatureException if the request's signature does not verify
     * @throws InvalidKeyException if the request's key is not of this CA's suite
     * @throws CertificateException if the request's subject or names are unusable
     * @throws IllegalArgumentException if the validity is not within the CA's
     */
    public X509Certificate issue(
            PKCS10CertificationRequest csr,
            CertificateProfile profile,
            Instant notBefore,
            Duration validity)
            throws GeneralSecurityException {
        Objects.requireNonNull(csr, "csr");
        PublicKey key = CertificationRequests.verifiedPublicKey(csr);
        if (!suite.equals(suiteOrNull(key))) {
            throw new InvalidKeyException("certification request key is " + CryptoSuite.describe(key)
                    + " but CA '" + Certificates.subjectDn(certificate) + "' issues " + suite);
        }
        GeneralNames names = CertificationRequests.requestedNames(csr);
        CertificateRequest request;
        try {
            request = new CertificateRequest(
                    DistinguishedNames.format(DistinguishedNames.of(csr.getSubject())),
                    key,
                    profile,
                    notBefore,
                    validity,
                    AlternativeNames.dnsNames(names),
                    AlternativeNames.ipAddresses(names));
        } catch (IllegalArgumentException e) {
            throw new CertificateException("certification request rejected: " + e.getMessage(), e);
        }
        return issue(request);
    }

    /**
     * Generates a key of this CA's suite and issues a certificate for it.
     *
     * @param subjectDn RFC 4514 subject, most specific first
     * @param profile what the certificate may be used for
     * @param notBefore start of validity, truncated to whole seconds
     * @param validity at least one second, ending no later than this CA
     * @return the certificate with its new private key
     */
    public Identity issueIdentity(
            String subjectDn, CertificateProfile profile, Instant notBefore, Duration validity) {
        return issueIdentity(subjectDn, profile, notBefore, validity, List.of(), List.of());
    }

    /**
     * Generates a key of this CA's suite and issues a certificate with alternative names.
     *
     * @param subjectDn RFC 4514 subject, most specific first
     * @param profile what the certificate may be used for
     * @param notBefore start of validity, truncated to whole seconds
     * @param validity at least one second, ending no later than this CA
     * @param dnsNames DNS subject alternative names
     * @param ipAddresses IPv4/IPv6 subject alternative names
     * @return the certificate with its new private key
     */
    public Identity issueIdentity(
            String subjectDn,
            CertificateProfile profile,
            Instant notBefore,
            Duration validity,
            List<String> dnsNames,
            List<String> ipAddresses) {
        KeyPair keys = suite.generateKeyPair();
        X509Certificate issued = issue(new CertificateRequest(
                subjectDn, keys.getPublic(), profile, notBefore, validity, dnsNames, ipAddresses));
        return new Identity(issued, keys.getPrivate());
    }

    /**
     * A PKCS#10 request signed with {@code keyPair}, to send to a CA.
     *
     * @param suite the suite of the key pair
     * @param keyPair the requester's keys
     * @param subjectDn RFC 4514 subject, most specific first
     * @return the signed request
     * @throws IllegalArgumentException if the key pair is not a matching pair of {@code suite}
     */
    public static PKCS10CertificationRequest createCsr(
            CryptoSuite suite, KeyPair keyPair, String subjectDn) {
        return createCsr(suite, keyPair, subjectDn, List.of(), List.of());
    }

    /**
     * A PKCS#10 request that also asks for DNS and IP subject alternative names.
     *
     * @param suite the suite of the key pair
     * @param keyPair the requester's keys
     * @param subjectDn RFC 4514 subject, most specific first
     * @param dnsNames DNS names to request
     * @param ipAddresses IP addresses to request
     * @return the signed request
     * @throws IllegalArgumentException if the key pair does not match or a name is malformed
     */
    public static PKCS10CertificationRequest createCsr(
            CryptoSuite suite,
            KeyPair keyPair,
            String subjectDn,
            List<String> dnsNames,
            List<String> ipAddresses) {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(keyPair, "keyPair");
        List<String> dns = dnsNames.stream().map(AlternativeNames::checkDnsName).toList();
        List<String> ips = ipAddresses.stream().map(AlternativeNames::checkIpAddress).toList();
        return CertificationRequests.create(
                suite, keyPair, subjectDn, AlternativeNames.toGeneralNames(dns, ips));
    }

    @Override
    public String toString() {
        return "CertificateAuthority[" + Certificates.subjectDn(certificate) + ", " + suite + "]";
    }

    private GeneralNames alternativeNames(CertificateRequest request) {
        List<String> dns = request.dnsNames();
        List<String> ips = request.ipAddresses();
        if (request.profile() == CertificateProfile.SERVER && dns.isEmpty() && ips.isEmpty()) {
            String commonName =
                    DistinguishedNames.commonName(DistinguishedNames.parse(request.subjectDn()));
            if (IPAddress.isValid(commonName)) {
                ips = List.of(commonName);
            } else if (AlternativeNames.isDnsName(commonName)) {
                dns = List.of(AlternativeNames.checkDnsName(commonName));
            }
        }
        return AlternativeNames.toGeneralNames(dns, ips);
    }

    private static CryptoSuite suiteOrNull(PublicKey key) {
        try {
            return CryptoSuite.ofKey(key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
