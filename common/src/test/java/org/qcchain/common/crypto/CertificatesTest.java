package org.qcchain.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qcchain.common.crypto.Fixtures.ONE_YEAR;
import static org.qcchain.common.crypto.Fixtures.T0;

import java.security.KeyPair;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CertificatesTest {

    @Nested
    class VerifyIssuedBy {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void accepts_client_and_server_certificates_of_the_ca(CryptoSuite suite) {
            CertificateAuthority ca = Fixtures.root(suite);
            X509Certificate client = Fixtures.client(ca, "alice").certificate();
            X509Certificate server = ca.issueIdentity("CN=peer0.org1.example.com,O=Org1",
                    CertificateProfile.SERVER, T0, ONE_YEAR).certificate();

            assertThatCode(() -> Certificates.verifyIssuedBy(client, ca.certificate()))
                    .doesNotThrowAnyException();
            assertThatCode(() -> Certificates.verifyIssuedBy(server, ca.certificate()))
                    .doesNotThrowAnyException();
            assertThatCode(() -> Certificates.verifyIssuedBy(ca.certificate(), ca.certificate()))
                    .as("a root issues itself").doesNotThrowAnyException();
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void rejects_a_certificate_of_another_ca(CryptoSuite suite) {
            X509Certificate foreign = Fixtures.client(CertificateAuthority.createRoot(
                    suite, "CN=Other CA,O=Elsewhere", T0, Fixtures.TEN_YEARS), "mallory").certificate();

            assertThatThrownBy(
                    () -> Certificates.verifyIssuedBy(foreign, Fixtures.root(suite).certificate()))
                    .isInstanceOf(CertificateException.class)
                    .hasMessage("certificate 'CN=mallory,OU=client,O=Org1,C=CN' names issuer"
                            + " 'CN=Other CA,O=Elsewhere', not 'CN=Root CA,O=Gov Data Bureau,C=CN'");
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void rejects_a_certificate_of_an_impostor_ca_with_the_same_name(CryptoSuite suite) {
            X509Certificate forged = Fixtures.client(Fixtures.root(suite), "mallory").certificate();

            assertThatThrownBy(
                    () -> Certificates.verifyIssuedBy(forged, Fixtures.root(suite).certificate()))
                    .isInstanceOf(CertificateException.class)
                    .hasMessageContaining("signature of certificate 'CN=mallory")
                    .hasMessageContaining("does not verify with the public key of 'CN=Root CA");
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void rejects_a_certificate_issued_by_a_non_ca(CryptoSuite suite) throws Exception {
            Identity leaf = Fixtures.client(Fixtures.root(suite), "alice");
            X509Certificate issuedByLeaf = Fixtures.signedDirectly(suite, leaf.certificate(),
                    leaf.privateKey(), "CN=bob", suite.generateKeyPair().getPublic());

            assertThatThrownBy(() -> Certificates.verifyIssuedBy(issuedByLeaf, leaf.certificate()))
                    .isInstanceOf(CertificateException.class)
                    .hasMessage("'CN=alice,OU=client,O=Org1,C=CN' is not a CA certificate"
                            + " (basicConstraints cA is not true), so it cannot issue 'CN=bob'");
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void rejects_a_tampered_certificate(CryptoSuite suite) throws Exception {
            CertificateAuthority ca = Fixtures.root(suite);
            X509Certificate tampered = Certificates.parseDer(
                    Fixtures.withSerialBitFlipped(Fixtures.client(ca, "alice").certificate()));

            assertThatThrownBy(() -> Certificates.verifyIssuedBy(tampered, ca.certificate()))
                    .isInstanceOf(CertificateException.class)
                    .hasMessageContaining("does not verify");
        }

        @Test
        void rejects_a_certificate_signed_with_an_algorithm_outside_the_suite() throws Exception {
            CertificateAuthority ca = Fixtures.root(CryptoSuite.P256_SHA256);
            var builder = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(
                    ca.certificate(), java.math.BigInteger.TEN, java.util.Date.from(T0),
                    java.util.Date.from(T0.plus(ONE_YEAR)),
                    new javax.security.auth.x500.X500Principal("CN=sha384"),
                    CryptoSuite.P256_SHA256.generateKeyPair().getPublic());
            X509Certificate sha384 = Certificates.parseDer(builder.build(
                    new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA384withECDSA")
                            .setProvider(BouncyCastle.provider()).build(ca.privateKey())).getEncoded());

            assertThatThrownBy(() -> Certificates.verifyIssuedBy(sha384, ca.certificate()))
                    .isInstanceOf(CertificateException.class)
                    .hasMessageContaining("signs with SHA256withECDSA");
        }
    }

    @Nested
    class CheckValidAt {

        private final X509Certificate certificate =
                Fixtures.client(Fixtures.root(CryptoSuite.SM2_SM3), "alice").certificate();

        @Test
        void accepts_any_time_within_validity_including_both_ends() {
            assertThatCode(() -> {
                Certificates.checkValidAt(certificate, T0);
                Certificates.checkValidAt(certificate, T0.plus(Duration.ofDays(100)));
                Certificates.checkValidAt(certificate, T0.plus(ONE_YEAR));
            }).doesNotThrowAnyException();
        }

        @Test
        void rejects_a_time_before_not_before_with_the_dates() {
            assertThatThrownBy(() -> Certificates.checkValidAt(certificate, T0.minusSeconds(1)))
                    .isInstanceOf(CertificateNotYetValidException.class)
                    .hasMessage("certificate 'CN=alice,OU=client,O=Org1,C=CN' is not valid before"
                            + " 2025-01-01T00:00:00Z (checked at 2024-12-31T23:59:59Z)");
        }

        @Test
        void rejects_a_time_after_not_after_with_the_dates() {
            assertThatThrownBy(
                    () -> Certificates.checkValidAt(certificate, T0.plus(ONE_YEAR).plusSeconds(1)))
                    .isInstanceOf(CertificateExpiredException.class)
                    .hasMessage("certificate 'CN=alice,OU=client,O=Org1,C=CN' expired at"
                            + " 2026-01-01T00:00:00Z (checked at 2026-01-01T00:00:01Z)");
        }
    }

    @Nested
    class Reading {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void reads_names_suite_and_fingerprint(CryptoSuite suite) throws Exception {
            X509Certificate certificate = Fixtures.client(Fixtures.root(suite), "alice").certificate();

            assertThat(Certificates.commonName(certificate)).isEqualTo("alice");
            assertThat(Certificates.subjectDn(certificate)).isEqualTo("CN=alice,OU=client,O=Org1,C=CN");
            assertThat(Certificates.issuerDn(certificate)).isEqualTo("CN=Root CA,O=Gov Data Bureau,C=CN");
            assertThat(Certificates.suiteOf(certificate)).isEqualTo(suite);
            assertThat(Certificates.fingerprint(certificate))
                    .isEqualTo(CryptoSuite.P256_SHA256.hashHex(certificate.getEncoded()))
                    .matches("[0-9a-f]{64}");
        }

        @Test
        void names_read_the_same_as_in_the_jdk_and_fabric() {
            X509Certificate certificate =
                    Fixtures.client(Fixtures.root(CryptoSuite.P256_SHA256), "alice").certificate();

            assertThat(certificate.getSubjectX500Principal().getName())
                    .isEqualTo(Certificates.subjectDn(certificate));
        }

        @Test
        void common_name_is_empty_when_the_subject_has_none() throws Exception {
            CertificateAuthority ca = Fixtures.root(CryptoSuite.P256_SHA256);
            X509Certificate certificate = ca.issue(CertificateRequest.of("O=Org1,C=CN",
                    CryptoSuite.P256_SHA256.generateKeyPair().getPublic(), CertificateProfile.SIGNING, T0,
                    ONE_YEAR));

            assertThat(Certificates.commonName(certificate)).isEmpty();
        }

        @Test
        void parse_der_rejects_trailing_bytes_and_garbage() throws Exception {
            byte[] der = Fixtures.root(CryptoSuite.SM2_SM3).certificate().getEncoded();

            assertThatThrownBy(() -> Certificates.parseDer(Arrays.copyOf(der, der.length + 1)))
                    .isInstanceOf(CertificateException.class);
            assertThatThrownBy(() -> Certificates.parseDer(new byte[] {1, 2, 3}))
                    .isInstanceOf(CertificateException.class);
        }

        @Test
        void parse_der_decodes_sm2_public_keys() throws Exception {
            KeyPair keys = CryptoSuite.SM2_SM3.generateKeyPair();
            X509Certificate certificate = Fixtures.root(CryptoSuite.SM2_SM3).issue(CertificateRequest.of(
                    "CN=sm2", keys.getPublic(), CertificateProfile.CLIENT, T0, ONE_YEAR));

            assertThat(Certificates.parseDer(certificate.getEncoded()).getPublicKey().getEncoded())
                    .isEqualTo(keys.getPublic().getEncoded());
        }
    }
}
