package org.qcchain.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qcchain.common.crypto.Fixtures.ONE_YEAR;
import static org.qcchain.common.crypto.Fixtures.T0;
import static org.qcchain.common.crypto.Fixtures.TEN_YEARS;

import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.pkcs.CertificationRequestInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CertificateAuthorityTest {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    @Nested
    class Root {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void is_a_self_signed_ca_of_its_suite(CryptoSuite suite) throws Exception {
            CertificateAuthority root = Fixtures.root(suite);
            X509Certificate certificate = root.certificate();

            assertThat(root.suite()).isEqualTo(suite);
            assertThat(Certificates.suiteOf(certificate)).isEqualTo(suite);
            assertThat(certificate.getSigAlgName()).isEqualToIgnoringCase(
                    suite.certificateSignatureAlgorithm());
            assertThat(certificate.getBasicConstraints()).isGreaterThanOrEqualTo(0);
            assertThat(keyUsage(certificate)).containsExactly(0, 5, 6);
            assertThat(certificate.getNotBefore().toInstant()).isEqualTo(T0);
            assertThat(certificate.getNotAfter().toInstant()).isEqualTo(T0.plus(TEN_YEARS));
            assertThat(authorityKeyId(certificate)).isEqualTo(subjectKeyId(certificate)).hasSize(20);
        }

        @Test
        void encodes_names_country_first_as_usual() {
            X509Certificate certificate = Fixtures.root(CryptoSuite.SM2_SM3).certificate();

            assertThat(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())
                    .getRDNs()[0].getFirst().getType().getId()).isEqualTo("2.5.4.6");
        }

        @Test
        void rejects_a_malformed_name_and_a_non_positive_validity() {
            assertThatThrownBy(() -> CertificateAuthority.createRoot(
                    CryptoSuite.P256_SHA256, "not a dn", T0, TEN_YEARS))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not an RFC 4514 distinguished name");
            assertThatThrownBy(() -> CertificateAuthority.createRoot(
                    CryptoSuite.P256_SHA256, "CN=x", T0, Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("validity must be at least one second, was PT0S");
        }
    }

    @Nested
    class EndEntities {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void client_certificates_allow_signing_and_tls_client_auth(CryptoSuite suite)
                throws Exception {
            CertificateAuthority ca = Fixtures.root(suite);
            X509Certificate client = Fixtures.client(ca, "alice").certificate();

            assertThat(client.getBasicConstraints()).isEqualTo(-1);
            assertThat(keyUsage(client)).containsExactly(0);
            assertThat(client.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
            assertThat(authorityKeyId(client)).isEqualTo(subjectKeyId(ca.certificate()));
            assertThat(client.getSerialNumber()).isPositive();
            assertThat(client.getSerialNumber().bitLength()).isLessThanOrEqualTo(127);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void server_certificates_carry_the_requested_alternative_names(CryptoSuite suite)
                throws Exception {
            CertificateAuthority ca = Fixtures.root(suite);
            X509Certificate server = ca.issue(CertificateRequest
                    .of("CN=node1.bank.example,O=Bank", suite.generateKeyPair().getPublic(),
                            CertificateProfile.SERVER, T0, ONE_YEAR)
                    .withDnsNames("node1.bank.example", "LocalHost")
                    .withIpAddresses("127.0.0.1", "::1"));

            assertThat(alternativeNames(server))
                    .containsExactly("node1.bank.example", "localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
            assertThat(keyUsage(server)).containsExactly(0, 4);
            assertThat(server.getExtendedKeyUsage()).containsExactly(SERVER_AUTH, CLIENT_AUTH);
        }

        @Test
        void server_certificate_without_names_gets_its_common_name_as_dns_name() throws Exception {
            X509Certificate server = Fixtures.root(CryptoSuite.SM2_SM3).issueIdentity(
                    "CN=peer0.org1.example.com,O=Org1", CertificateProfile.SERVER, T0, ONE_YEAR)
                    .certificate();

            assertThat(alternativeNames(server)).containsExactly("peer0.org1.example.com");
        }

        @Test
        void signing_certificates_allow_non_repudiation_and_no_tls() throws Exception {
            X509Certificate signing = Fixtures.root(CryptoSuite.SM2_SM3).issueIdentity(
                    "CN=evidence signer,O=Gov", CertificateProfile.SIGNING, T0, ONE_YEAR).certificate();

            assertThat(keyUsage(signing)).containsExactly(0, 1);
            assertThat(signing.getExtendedKeyUsage()).isNull();
            assertThat(signing.getSubjectAlternativeNames()).isNull();
        }

        @Test
        void refuses_a_validity_beyond_the_ca_own() {
            CertificateAuthority ca = Fixtures.root(CryptoSuite.P256_SHA256);

            assertThatThrownBy(() -> ca.issueIdentity(
                    "CN=too long", CertificateProfile.CLIENT, T0, TEN_YEARS.plusDays(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not within the CA's own");
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void refuses_a_key_of_the_other_suite(CryptoSuite suite) {
            CertificateAuthority ca = Fixtures.root(suite);
            CertificateRequest request = CertificateRequest.of("CN=x",
                    CryptoSuiteTest.otherThan(suite).generateKeyPair().getPublic(), CertificateProfile.CLIENT,
                    T0, ONE_YEAR);

            assertThatThrownBy(() -> ca.issue(request))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("issues " + suite);
        }

        @Test
        void requests_reject_malformed_alternative_names() {
            KeyPair keys = CryptoSuite.P256_SHA256.generateKeyPair();
            CertificateRequest request = CertificateRequest.of(
                    "CN=x", keys.getPublic(), CertificateProfile.SERVER, T0, ONE_YEAR);

            assertThatThrownBy(() -> request.withDnsNames("bad name.example"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'bad name.example' is not a valid DNS name");
            assertThatThrownBy(() -> request.withIpAddresses("300.1.1.1"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'300.1.1.1' is not an IPv4 or IPv6 address");
        }
    }

    @Nested
    class Intermediates {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void chain_from_leaf_to_root_verifies(CryptoSuite suite) {
            CertificateAuthority root = Fixtures.root(suite);
            CertificateAuthority intermediate =
                    root.issueIntermediate("CN=Issuing CA,O=Gov Data Bureau,C=CN", T0, ONE_YEAR);
            X509Certificate leaf = Fixtures.client(intermediate, "alice").certificate();

            assertThatCode(() -> {
                Certificates.verifyIssuedBy(leaf, intermediate.certificate());
                Certificates.verifyIssuedBy(intermediate.certificate(), root.certificate());
            }).doesNotThrowAnyException();
            assertThat(intermediate.suite()).isEqualTo(suite);
        }

        @Test
        void an_existing_ca_can_be_reloaded_from_its_certificate_and_key() throws Exception {
            CertificateAuthority original = Fixtures.root(CryptoSuite.SM2_SM3);
            CertificateAuthority reloaded = CertificateAuthority.of(
                    Pem.parseCertificate(Pem.toPem(original.certificate())),
                    Pem.parsePrivateKey(Pem.toPem(original.privateKey())));

            X509Certificate leaf = Fixtures.client(reloaded, "alice").certificate();

            assertThatCode(() -> Certificates.verifyIssuedBy(leaf, original.certificate()))
                    .doesNotThrowAnyException();
        }

        @Test
        void refuses_a_non_ca_certificate_or_a_foreign_key() {
            CertificateAuthority root = Fixtures.root(CryptoSuite.P256_SHA256);
            Identity leaf = Fixtures.client(root, "alice");

            assertThatThrownBy(() -> CertificateAuthority.of(leaf.certificate(), leaf.privateKey()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a CA certificate");
            assertThatThrownBy(() -> CertificateAuthority.of(root.certificate(), leaf.privateKey()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("private key is not the key of CA 'CN=Root CA");
        }
    }

    @Nested
    class SigningRequests {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void issues_for_a_valid_request_with_its_subject_and_names(CryptoSuite suite)
                throws Exception {
            CertificateAuthority ca = Fixtures.root(suite);
            KeyPair keys = suite.generateKeyPair();
            PKCS10CertificationRequest csr = CertificateAuthority.createCsr(suite, keys,
                    "CN=node1.bank.example,O=Bank,C=CN", List.of("node1.bank.example"), List.of("10.0.0.7"));

            X509Certificate issued = ca.issue(csr, CertificateProfile.SERVER, T0, ONE_YEAR);

            assertThat(Certificates.subjectDn(issued)).isEqualTo("CN=node1.bank.example,O=Bank,C=CN");
            assertThat(issued.getPublicKey().getEncoded()).isEqualTo(keys.getPublic().getEncoded());
            assertThat(alternativeNames(issued)).containsExactly("node1.bank.example", "10.0.0.7");
            Certificates.verifyIssuedBy(issued, ca.certificate());
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void rejects_a_request_whose_signature_is_broken(CryptoSuite suite) throws Exception {
            PKCS10CertificationRequest genuine = CertificateAuthority.createCsr(
                    suite, suite.generateKeyPair(), "CN=alice,O=Org1");
            CertificationRequest structure = genuine.toASN1Structure();
            CertificationRequestInfo info = structure.getCertificationRequestInfo();
            PKCS10CertificationRequest forged = new PKCS10CertificationRequest(new CertificationRequest(
                    new CertificationRequestInfo(new X500Name("CN=admin"), info.getSubjectPublicKeyInfo(),
                            info.getAttributes()),
                    structure.getSignatureAlgorithm(),
                    new DERBitString(structure.getSignature().getBytes())));

            assertThatThrownBy(() -> Fixtures.root(suite).issue(
                    forged, CertificateProfile.CLIENT, T0, ONE_YEAR))
                    .isInstanceOf(InvalidSignatureException.class)
                    .hasMessage("certification request for 'CN=admin' is not signed by the private key of"
                            + " the public key it contains");
        }

        @Test
        void rejects_a_request_for_a_key_of_the_other_suite() {
            PKCS10CertificationRequest csr = CertificateAuthority.createCsr(
                    CryptoSuite.SM2_SM3, CryptoSuite.SM2_SM3.generateKeyPair(), "CN=alice");

            assertThatThrownBy(() -> Fixtures.root(CryptoSuite.P256_SHA256).issue(
                    csr, CertificateProfile.CLIENT, T0, ONE_YEAR))
                    .isInstanceOf(InvalidKeyException.class)
                    .hasMessageContaining("suite SM2_SM3");
        }

        @Test
        void refuses_to_create_a_request_with_a_mismatched_key_pair() {
            KeyPair mixed = new KeyPair(CryptoSuite.P256_SHA256.generateKeyPair().getPublic(),
                    CryptoSuite.P256_SHA256.generateKeyPair().getPrivate());

            assertThatThrownBy(() -> CertificateAuthority.createCsr(
                    CryptoSuite.P256_SHA256, mixed, "CN=alice"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a matching P256_SHA256 key pair");
        }
    }

    private static List<Integer> keyUsage(X509Certificate certificate) {
        boolean[] bits = certificate.getKeyUsage();
        return java.util.stream.IntStream.range(0, bits.length).filter(i -> bits[i]).boxed().toList();
    }

    private static List<String> alternativeNames(X509Certificate certificate) throws Exception {
        Collection<List<?>> names = certificate.getSubjectAlternativeNames();
        return names.stream().map(name -> String.valueOf(name.get(1))).collect(Collectors.toList());
    }

    private static byte[] subjectKeyId(X509Certificate certificate) throws Exception {
        return SubjectKeyIdentifier.fromExtensions(
                new X509CertificateHolder(certificate.getEncoded()).getExtensions()).getKeyIdentifier();
    }

    private static byte[] authorityKeyId(X509Certificate certificate) throws Exception {
        return AuthorityKeyIdentifier.fromExtensions(
                new X509CertificateHolder(certificate.getEncoded()).getExtensions()).getKeyIdentifier();
    }
}
