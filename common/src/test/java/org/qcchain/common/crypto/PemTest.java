package org.qcchain.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PemTest {

    @Nested
    class Keys {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void private_key_round_trips_as_pkcs8(CryptoSuite suite) throws Exception {
            KeyPair keys = suite.generateKeyPair();
            String pem = Pem.toPem(keys.getPrivate());

            assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").doesNotContain("\r");
            assertThat(suite.isKeyPair(Pem.parsePrivateKey(pem), keys.getPublic())).isTrue();
            assertThat(CryptoSuite.ofKey(Pem.parsePrivateKey(pem))).isEqualTo(suite);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void public_key_round_trips(CryptoSuite suite) throws Exception {
            KeyPair keys = suite.generateKeyPair();
            String pem = Pem.toPem(keys.getPublic());

            assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n");
            assertThat(Pem.parsePublicKey(pem).getEncoded()).isEqualTo(keys.getPublic().getEncoded());
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void reads_sec1_ec_private_keys_as_openssl_writes_them(CryptoSuite suite) throws Exception {
            KeyPair keys = suite.generateKeyPair();
            String sec1 = bouncyCastlePem(keys.getPrivate());

            assertThat(sec1).contains("-----BEGIN EC PRIVATE KEY-----");
            assertThat(suite.isKeyPair(Pem.parsePrivateKey(sec1), keys.getPublic())).isTrue();
        }

        @Test
        void skips_an_ec_parameters_block_before_the_key() throws Exception {
            KeyPair keys = CryptoSuite.P256_SHA256.generateKeyPair();
            String pem = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
                    + bouncyCastlePem(keys.getPrivate());

            assertThat(CryptoSuite.P256_SHA256.isKeyPair(Pem.parsePrivateKey(pem), keys.getPublic()))
                    .isTrue();
        }

        @Test
        void rejects_an_encrypted_private_key() throws Exception {
            StringWriter text = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
                writer.writeObject(new JcaPKCS8Generator(
                        CryptoSuite.P256_SHA256.generateKeyPair().getPrivate(),
                        new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                                .setProvider(BouncyCastle.provider())
                                .setPassword("secret".toCharArray())
                                .build()));
            }

            assertThatThrownBy(() -> Pem.parsePrivateKey(text.toString()))
                    .isInstanceOf(InvalidKeyException.class)
                    .hasMessageContaining("encrypted");
        }

        @Test
        void rejects_a_certificate_where_a_key_is_expected() {
            String certificate = Pem.toPem(Fixtures.root(CryptoSuite.P256_SHA256).certificate());

            assertThatThrownBy(() -> Pem.parsePrivateKey(certificate))
                    .isInstanceOf(InvalidKeyException.class)
                    .hasMessage("PEM holds a CERTIFICATE where a PRIVATE KEY was expected");
            assertThatThrownBy(() -> Pem.parsePublicKey(certificate))
                    .isInstanceOf(InvalidKeyException.class)
                    .hasMessage("PEM holds a CERTIFICATE, not PUBLIC KEY");
        }

        @Test
        void rejects_text_without_a_key_and_corrupt_base64() {
            assertThatThrownBy(() -> Pem.parsePrivateKey("just some text"))
                    .isInstanceOf(InvalidKeyException.class)
                    .hasMessageContaining("no PRIVATE KEY");
            assertThatThrownBy(() -> Pem.parsePrivateKey(
                    "-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n"))
                    .isInstanceOf(InvalidKeyException.class);
        }

        private String bouncyCastlePem(Object value) throws Exception {
            StringWriter text = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
                writer.writeObject(value);
            }
            return text.toString();
        }
    }

    @Nested
    class Certificates {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void certificate_round_trips(CryptoSuite suite) throws Exception {
            X509Certificate certificate = Fixtures.root(suite).certificate();
            String pem = Pem.toPem(certificate);

            assertThat(pem)
                    .startsWith("-----BEGIN CERTIFICATE-----\n")
                    .endsWith("-----END CERTIFICATE-----\n");
            assertThat(Pem.parseCertificate(pem)).isEqualTo(certificate);
            assertThat(Pem.parseCertificate(pem).getPublicKey().getEncoded())
                    .isEqualTo(certificate.getPublicKey().getEncoded());
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void reads_a_chain_in_order_ignoring_text_around_blocks(CryptoSuite suite) throws Exception {
            CertificateAuthority root = Fixtures.root(suite);
            X509Certificate leaf = Fixtures.client(root, "alice").certificate();
            String chain =
                    "subject=CN=alice\n" + Pem.toPem(leaf) + "issuer\n" + Pem.toPem(root.certificate());

            assertThat(Pem.parseCertificates(chain)).containsExactly(leaf, root.certificate());
        }

        @Test
        void parse_certificate_wants_exactly_one() {
            CertificateAuthority root = Fixtures.root(CryptoSuite.P256_SHA256);
            String two = Pem.toPem(root.certificate()) + Pem.toPem(root.certificate());

            assertThatThrownBy(() -> Pem.parseCertificate(two))
                    .isInstanceOf(CertificateException.class)
                    .hasMessage("expected one CERTIFICATE block, found 2");
        }

        @Test
        void rejects_empty_input_and_other_blocks() {
            String key = Pem.toPem(CryptoSuite.SM2_SM3.generateKeyPair().getPublic());

            assertThatThrownBy(() -> Pem.parseCertificates(""))
                    .isInstanceOf(CertificateException.class)
                    .hasMessage("no CERTIFICATE block found in the PEM text");
            assertThatThrownBy(() -> Pem.parseCertificates(key))
                    .isInstanceOf(CertificateException.class)
                    .hasMessage("PEM block 1 is a PUBLIC KEY, not CERTIFICATE");
        }
    }

    @Nested
    class CertificationRequests {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void csr_round_trips(CryptoSuite suite) throws Exception {
            PKCS10CertificationRequest csr = CertificateAuthority.createCsr(
                    suite, suite.generateKeyPair(), "CN=node1,O=Bank", List.of("node1.bank.example"),
                    List.of());
            String pem = Pem.toPem(csr);

            assertThat(pem).startsWith("-----BEGIN CERTIFICATE REQUEST-----\n");
            assertThat(Pem.parseCsr(pem)).isEqualTo(csr);
        }

        @Test
        void rejects_a_key_where_a_csr_is_expected() {
            String key = Pem.toPem(CryptoSuite.SM2_SM3.generateKeyPair().getPrivate());

            assertThatThrownBy(() -> Pem.parseCsr(key))
                    .isInstanceOf(InvalidKeyException.class)
                    .hasMessage("PEM holds a PRIVATE KEY, not CERTIFICATE REQUEST");
        }
    }
}
