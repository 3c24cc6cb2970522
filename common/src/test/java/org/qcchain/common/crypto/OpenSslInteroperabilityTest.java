package org.qcchain.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

/** Reads keys and certificates written by OpenSSL 3.0 (see {@code openssl/README.md}). */
class OpenSslInteroperabilityTest {

    @Test
    void reads_a_p256_sec1_key_after_ec_parameters_and_its_certificate() throws Exception {
        Identity identity = new Identity(
                Pem.parseCertificate(resource("p256.pem")), Pem.parsePrivateKey(resource("p256.key")));

        assertThat(identity.suite()).isEqualTo(CryptoSuite.P256_SHA256);
        assertThat(Certificates.subjectDn(identity.certificate()))
                .isEqualTo("CN=openssl-p256,O=OpenSSL,C=CN");
        assertThatCode(() -> Certificates.verifyIssuedBy(identity.certificate(), identity.certificate()))
                .doesNotThrowAnyException();
    }

    @Test
    void reads_an_sm2_pkcs8_key_and_a_certificate_signed_with_the_default_user_id() throws Exception {
        Identity identity = new Identity(
                Pem.parseCertificate(resource("sm2.pem")), Pem.parsePrivateKey(resource("sm2.key")));

        assertThat(identity.suite()).isEqualTo(CryptoSuite.SM2_SM3);
        assertThatCode(() -> Certificates.verifyIssuedBy(identity.certificate(), identity.certificate()))
                .doesNotThrowAnyException();
    }

    @Test
    void rejects_an_sm2_certificate_openssl_signed_without_the_default_user_id() throws Exception {
        X509Certificate certificate = Pem.parseCertificate(resource("sm2-openssl-default-id.pem"));

        assertThatThrownBy(() -> Certificates.verifyIssuedBy(certificate, certificate))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining("does not verify");
    }

    private static String resource(String name) {
        try (InputStream in = OpenSslInteroperabilityTest.class.getResourceAsStream("/openssl/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
