package org.qcchain.common.crypto;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Shared test data: fixed times, CAs per suite, and certificates our CA would never make. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    static final Duration TEN_YEARS = Duration.ofDays(3650);
    static final Duration ONE_YEAR = Duration.ofDays(365);

    private Fixtures() {}

    static CertificateAuthority root(CryptoSuite suite) {
        return CertificateAuthority.createRoot(suite, "CN=Root CA,O=Gov Data Bureau,C=CN", T0,
                TEN_YEARS);
    }

    static Identity client(CertificateAuthority ca, String commonName) {
        return ca.issueIdentity("CN=" + commonName + ",OU=client,O=Org1,C=CN",
                CertificateProfile.CLIENT, T0, ONE_YEAR);
    }

    /** A certificate signed by {@code signerKey} under {@code issuer}'s name, with no extensions. */
    static X509Certificate signedDirectly(CryptoSuite suite, X509Certificate issuer,
            PrivateKey signerKey, String subjectDn, PublicKey subjectKey) throws Exception {
        var builder = new JcaX509v3CertificateBuilder(
                X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()),
                BigInteger.valueOf(42),
                Date.from(T0),
                Date.from(T0.plus(ONE_YEAR)),
                DistinguishedNames.parse(subjectDn),
                subjectKey);
        var signer = new JcaContentSignerBuilder(suite.certificateSignatureAlgorithm())
                .setProvider(BouncyCastle.provider())
                .build(signerKey);
        return Certificates.parseDer(builder.build(signer).getEncoded());
    }

    /** The DER of {@code certificate} with one bit of its serial number flipped. */
    static byte[] withSerialBitFlipped(X509Certificate certificate) throws Exception {
        byte[] der = certificate.getEncoded();
        byte[] serial = certificate.getSerialNumber().toByteArray();
        int at = indexOf(der, serial);
        der[at + serial.length - 1] ^= 1;
        return der;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }
}
