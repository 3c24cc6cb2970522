package org.qcchain.common.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;

/**
 * Builds and signs one X.509 v3 certificate: random positive 127-bit serial, subject and authority
 * key identifiers, and the extensions for a CA or an end entity.
 */
final class CertificateSigner {

    private final CryptoSuite suite;
    private final PrivateKey issuerKey;
    private final X500Name issuerName;
    private final byte[] issuerKeyId;

    CertificateSigner(CryptoSuite suite, PrivateKey issuerKey, X500Name issuerName, byte[] keyId) {
        this.suite = suite;
        this.issuerKey = issuerKey;
        this.issuerName = issuerName;
        this.issuerKeyId = keyId.clone();
    }

    /** Extensions of a CA certificate: cA=true, keyCertSign|cRLSign|digitalSignature. */
    static List<Extension> caExtensions() {
        return List.of(
                extension(Extension.basicConstraints, true, new BasicConstraints(true)),
                extension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature)));
    }

    /** Extensions of an end-entity certificate with the given profile and alternative names. */
    static List<Extension> endEntityExtensions(CertificateProfile profile, GeneralNames names) {
        List<Extension> extensions = new ArrayList<>();
        extensions.add(extension(Extension.basicConstraints, true, new BasicConstraints(false)));
        extensions.add(extension(Extension.keyUsage, true, profile.keyUsage()));
        if (profile.extendedKeyUsage() != null) {
            extensions.add(extension(Extension.extendedKeyUsage, false, profile.extendedKeyUsage()));
        }
        if (names.getNames().length > 0) {
            extensions.add(extension(Extension.subjectAlternativeName, false, names));
        }
        return extensions;
    }

    X509Certificate sign(
            X500Name subject, PublicKey subjectKey, ValidityPeriod period, List<Extension> extensions) {
        SubjectPublicKeyInfo keyInfo = SubjectPublicKeyInfo.getInstance(subjectKey.getEncoded());
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuerName, serialNumber(),
                period.notBeforeDate(), period.notAfterDate(), subject, keyInfo);
        try {
            for (Extension extension : extensions) {
                builder.addExtension(extension);
            }
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    new SubjectKeyIdentifier(KeyIdentifiers.of(suite, subjectKey)));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new AuthorityKeyIdentifier(issuerKeyId));
            byte[] der = builder.build(new SuiteContentSigner(suite, issuerKey)).getEncoded();
            return Certificates.parseDer(der);
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode certificate extensions", e);
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("cannot read back the certificate just issued", e);
        }
    }

    /** Positive, 127 random bits: unpredictable and at most 16 bytes in DER. */
    private static BigInteger serialNumber() {
        BigInteger serial;
        do {
            serial = new BigInteger(127, Randomness.get());
        } while (serial.signum() == 0);
        return serial;
    }

    private static Extension extension(
            ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        try {
            return new Extension(oid, critical, value.toASN1Primitive().getEncoded("DER"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode extension " + oid, e);
        }
    }
}
