package org.qcchain.common.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IdentityTest {

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void signs_what_its_certificate_key_verifies(CryptoSuite suite) throws Exception {
        Identity alice = Fixtures.client(Fixtures.root(suite), "alice");
        byte[] data = "payload".getBytes(UTF_8);

        suite.verify(alice.certificate().getPublicKey(), data, alice.sign(data));
        assertThat(alice.suite()).isEqualTo(suite);
        assertThat(Pem.parseCertificate(alice.certificatePem())).isEqualTo(alice.certificate());
    }

    @Test
    void refuses_a_private_key_that_is_not_the_certificate_key() {
        CertificateAuthority ca = Fixtures.root(CryptoSuite.SM2_SM3);
        Identity alice = Fixtures.client(ca, "alice");
        Identity bob = Fixtures.client(ca, "bob");

        assertThatThrownBy(() -> new Identity(alice.certificate(), bob.privateKey()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("private key (a private key of suite SM2_SM3) does not belong to the"
                        + " certificate of 'CN=alice,OU=client,O=Org1,C=CN'");
    }

    @Test
    void to_string_names_the_subject_but_never_the_key() throws Exception {
        Identity alice = Fixtures.client(Fixtures.root(CryptoSuite.P256_SHA256), "alice");
        String keyValue = ((java.security.interfaces.ECPrivateKey) alice.privateKey()).getS()
                .toString(16);

        assertThat(alice.toString())
                .startsWith("Identity[CN=alice,OU=client,O=Org1,C=CN, P256_SHA256, sha256:")
                .doesNotContain(keyValue);
    }
}
