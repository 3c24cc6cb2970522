package org.qcchain.common.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CryptoSuiteTest {

    private static final byte[] DATA = "transfer 100 to alice".getBytes(UTF_8);

    @Nested
    class Hashing {

        @Test
        void p256_suite_hashes_with_sha256() {
            assertThat(CryptoSuite.P256_SHA256.hashHex("abc".getBytes(UTF_8)))
                    .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        }

        @Test
        void sm2_suite_hashes_with_sm3_as_in_gb_t_32905() {
            assertThat(CryptoSuite.SM2_SM3.hashHex("abc".getBytes(UTF_8)))
                    .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
            assertThat(CryptoSuite.SM2_SM3.hashHex("abcd".repeat(16).getBytes(UTF_8)))
                    .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void incremental_digest_equals_one_shot_hash(CryptoSuite suite) {
            MessageDigest digest = suite.newDigest();
            digest.update(Arrays.copyOfRange(DATA, 0, 5));
            digest.update(Arrays.copyOfRange(DATA, 5, DATA.length));

            assertThat(digest.digest()).isEqualTo(suite.hash(DATA));
            assertThat(suite.hash(DATA)).hasSize(suite.hashLength()).hasSize(32);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void every_new_digest_starts_empty(CryptoSuite suite) {
            suite.newDigest().update(DATA);

            assertThat(suite.newDigest().digest()).isEqualTo(suite.hash(new byte[0]));
        }
    }

    @Nested
    class Hmac {

        @Test
        void p256_suite_computes_hmac_sha256_as_in_rfc_4231() {
            byte[] mac = CryptoSuite.P256_SHA256.hmac(
                    "Jefe".getBytes(UTF_8), "what do ya want for nothing?".getBytes(UTF_8));

            assertThat(HexFormat.of().formatHex(mac))
                    .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        }

        @Test
        void sm2_suite_computes_the_same_hmac_sm3_as_bouncy_castle_jca() throws Exception {
            byte[] key = "0123456789abcdef0123456789abcdef".getBytes(UTF_8);
            Mac jca = Mac.getInstance("HMACSM3", BouncyCastle.provider());
            jca.init(new SecretKeySpec(key, "HMACSM3"));

            assertThat(CryptoSuite.SM2_SM3.hmac(key, DATA)).isEqualTo(jca.doFinal(DATA));
        }

        @Test
        void suites_give_different_macs_for_the_same_key_and_data() {
            byte[] key = new byte[32];

            assertThat(CryptoSuite.P256_SHA256.hmac(key, DATA))
                    .isNotEqualTo(CryptoSuite.SM2_SM3.hmac(key, DATA));
        }
    }

    @Nested
    class SigningAndVerifying {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void verifies_its_own_signature(CryptoSuite suite) throws Exception {
            KeyPair keys = suite.generateKeyPair();

            suite.verify(keys.getPublic(), DATA, suite.sign(keys.getPrivate(), DATA));
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void rejects_signature_over_tampered_data(CryptoSuite suite) {
            KeyPair keys = suite.generateKeyPair();
            byte[] signature = suite.sign(keys.getPrivate(), DATA);
            byte[] tampered = DATA.clone();
            tampered[0] ^= 1;

            assertRejected(() -> suite.verify(keys.getPublic(), tampered, signature),
                    InvalidSignatureException.Reason.MISMATCH);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void rejects_signature_made_with_another_key(CryptoSuite suite) {
            byte[] signature = suite.sign(suite.generateKeyPair().getPrivate(), DATA);
            PublicKey other = suite.generateKeyPair().getPublic();

            assertRejected(() -> suite.verify(other, DATA, signature),
                    InvalidSignatureException.Reason.MISMATCH);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void rejects_a_public_key_of_the_other_suite(CryptoSuite suite) {
            CryptoSuite other = otherThan(suite);
            KeyPair otherKeys = other.generateKeyPair();
            byte[] signature = other.sign(otherKeys.getPrivate(), DATA);

            assertThatThrownBy(() -> suite.verify(otherKeys.getPublic(), DATA, signature))
                    .isInstanceOf(InvalidSignatureException.class)
                    .hasMessageContaining("suite " + other.name())
                    .extracting(e -> ((InvalidSignatureException) e).reason())
                    .isEqualTo(InvalidSignatureException.Reason.WRONG_KEY);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void rejects_a_truncated_signature(CryptoSuite suite) {
            KeyPair keys = suite.generateKeyPair();
            byte[] signature = suite.sign(keys.getPrivate(), DATA);

            byte[] truncated = Arrays.copyOf(signature, signature.length - 1);

            assertRejected(() -> suite.verify(keys.getPublic(), DATA, truncated),
                    InvalidSignatureException.Reason.MALFORMED);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void rejects_a_signature_with_trailing_bytes(CryptoSuite suite) {
            KeyPair keys = suite.generateKeyPair();
            byte[] signature = suite.sign(keys.getPrivate(), DATA);

            byte[] extended = Arrays.copyOf(signature, signature.length + 1);

            assertRejected(() -> suite.verify(keys.getPublic(), DATA, extended),
                    InvalidSignatureException.Reason.MALFORMED);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void rejects_garbage_and_empty_signatures(CryptoSuite suite) {
            PublicKey key = suite.generateKeyPair().getPublic();

            assertRejected(() -> suite.verify(key, DATA, new byte[0]),
                    InvalidSignatureException.Reason.MALFORMED);
            assertRejected(() -> suite.verify(key, DATA, "not a signature".getBytes(UTF_8)),
                    InvalidSignatureException.Reason.MALFORMED);
            assertRejected(() -> suite.verify(key, DATA, new byte[] {0x30, 0x06, 0x02, 0x01, 0x00,
                    0x02, 0x01, 0x01}), InvalidSignatureException.Reason.MALFORMED);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void refuses_to_sign_with_a_key_of_the_other_suite(CryptoSuite suite) {
            PrivateKey other = otherThan(suite).generateKeyPair().getPrivate();

            assertThatThrownBy(() -> suite.sign(other, DATA))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(suite.name());
        }

        @Test
        void refuses_an_rsa_key_naming_its_algorithm() throws Exception {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(1024);
            KeyPair keys = rsa.generateKeyPair();

            assertThatThrownBy(() -> CryptoSuite.P256_SHA256.sign(keys.getPrivate(), DATA))
                    .hasMessageContaining("RSA");
            assertRejected(() -> CryptoSuite.P256_SHA256.verify(keys.getPublic(), DATA, new byte[8]),
                    InvalidSignatureException.Reason.WRONG_KEY);
        }
    }

    @Nested
    class Lookup {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void finds_the_suite_of_a_generated_key(CryptoSuite suite) {
            KeyPair keys = suite.generateKeyPair();

            assertThat(CryptoSuite.ofKey(keys.getPublic())).isEqualTo(suite);
            assertThat(CryptoSuite.ofKey(keys.getPrivate())).isEqualTo(suite);
        }

        @Test
        void recognises_p256_keys_made_by_the_jdk() throws Exception {
            KeyPairGenerator jdk = KeyPairGenerator.getInstance("EC");
            jdk.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));

            assertThat(CryptoSuite.ofKey(jdk.generateKeyPair().getPublic()))
                    .isEqualTo(CryptoSuite.P256_SHA256);
        }

        @Test
        void rejects_a_key_on_another_curve() throws Exception {
            KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
            p384.initialize(new java.security.spec.ECGenParameterSpec("secp384r1"));
            PublicKey key = p384.generateKeyPair().getPublic();

            assertThatThrownBy(() -> CryptoSuite.ofKey(key))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unsupported curve")
                    .hasMessageContaining("P256_SHA256, SM2_SM3");
        }

        @ParameterizedTest
        @ValueSource(strings = {"P256_SHA256", "p256_sha256", " SM2_SM3 "})
        void finds_a_suite_by_name_ignoring_case_and_blanks(String name) {
            assertThat(CryptoSuite.fromName(name)).isEqualTo(CryptoSuite.valueOf(name.strip()
                    .toUpperCase(java.util.Locale.ROOT)));
        }

        @Test
        void unknown_name_lists_the_allowed_names() {
            assertThatThrownBy(() -> CryptoSuite.fromName("RSA_SHA1"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unknown crypto suite 'RSA_SHA1'; allowed: P256_SHA256, SM2_SM3");
        }

        @Test
        void names_the_certificate_signature_algorithms() {
            assertThat(CryptoSuite.P256_SHA256.certificateSignatureAlgorithm())
                    .isEqualTo("SHA256withECDSA");
            assertThat(CryptoSuite.SM2_SM3.certificateSignatureAlgorithm()).isEqualTo("SM3withSM2");
        }
    }

    static CryptoSuite otherThan(CryptoSuite suite) {
        return suite == CryptoSuite.P256_SHA256 ? CryptoSuite.SM2_SM3 : CryptoSuite.P256_SHA256;
    }

    static void assertRejected(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable verification,
            InvalidSignatureException.Reason reason) {
        assertThatThrownBy(verification)
                .isInstanceOf(InvalidSignatureException.class)
                .extracting(e -> ((InvalidSignatureException) e).reason())
                .isEqualTo(reason);
    }
}
