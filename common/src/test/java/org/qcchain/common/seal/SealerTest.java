package org.qcchain.common.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.qcchain.common.crypto.CertificateAuthority;
import org.qcchain.common.crypto.CertificateProfile;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.json.Json;

/** Sealing to a certificate: round trips, and every way an envelope can fail to open. */
class SealerTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Identity P256_BANK = identity(CryptoSuite.P256_SHA256, "Bank");
    private static final Identity P256_OTHER = identity(CryptoSuite.P256_SHA256, "Other Bank");
    private static final Identity SM2_BANK = identity(CryptoSuite.SM2_SM3, "Bank");
    private static final Identity SM2_OTHER = identity(CryptoSuite.SM2_SM3, "Other Bank");
    private static final byte[] ANSWER = "{\"format\":\"qcchain-answer/1\",\"income\":4200}"
            .getBytes(StandardCharsets.UTF_8);

    private static Identity identity(CryptoSuite suite, String name) {
        CertificateAuthority ca = CertificateAuthority.createRoot(suite,
                "CN=" + name + " CA,O=" + name + ",C=CN", T0, Duration.ofDays(3650));
        return ca.issueIdentity("CN=client,OU=client,O=" + name + ",C=CN", CertificateProfile.CLIENT,
                T0, Duration.ofDays(365));
    }

    private static Identity bank(CryptoSuite suite) {
        return suite == CryptoSuite.P256_SHA256 ? P256_BANK : SM2_BANK;
    }

    private static Identity other(CryptoSuite suite) {
        return suite == CryptoSuite.P256_SHA256 ? P256_OTHER : SM2_OTHER;
    }

    private static byte[] open(CryptoSuite suite, Identity recipient, String sealed) throws SealException {
        return Sealer.open(suite, recipient.privateKey(), recipient.certificate(), sealed);
    }

    @Nested
    class Round_trips {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void the_recipient_opens_what_was_sealed_to_its_certificate(CryptoSuite suite) throws Exception {
            String sealed = Sealer.seal(suite, bank(suite).certificate(), ANSWER);

            assertThat(open(suite, bank(suite), sealed)).isEqualTo(ANSWER);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void the_envelope_names_format_suite_and_recipient_and_hides_the_plaintext(CryptoSuite suite) {
            String sealed = Sealer.seal(suite, bank(suite).certificate(), ANSWER);
            SealedEnvelope envelope = Json.parse(sealed, SealedEnvelope.class);

            assertThat(envelope.format()).isEqualTo("qcchain-sealed/1");
            assertThat(envelope.suite()).isEqualTo(suite.name());
            assertThat(envelope.recipientCertificateFingerprint())
                    .isEqualTo(org.qcchain.common.crypto.Certificates.fingerprint(bank(suite).certificate()));
            assertThat(Base64.getDecoder().decode(envelope.ephemeralPublicKey())).hasSize(65).startsWith(4);
            assertThat(Base64.getDecoder().decode(envelope.nonce())).hasSize(12);
            assertThat(Base64.getDecoder().decode(envelope.ciphertext())).hasSize(ANSWER.length + 16);
            assertThat(sealed).doesNotContain("income").doesNotContain("4200");
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void sealing_twice_gives_different_envelopes(CryptoSuite suite) {
            assertThat(Sealer.seal(suite, bank(suite).certificate(), ANSWER))
                    .isNotEqualTo(Sealer.seal(suite, bank(suite).certificate(), ANSWER));
        }

        static Stream<Object[]> sizes() {
            Random random = new Random(7);
            return Stream.of(CryptoSuite.values()).flatMap(suite -> Stream.concat(
                    Stream.of(0, 1, 15, 16, 17, 4096).map(size -> new Object[] {suite, size}),
                    Stream.generate(() -> new Object[] {suite, random.nextInt(70_000)}).limit(10)));
        }

        @ParameterizedTest
        @MethodSource("sizes")
        void payloads_of_any_size_including_empty_round_trip(CryptoSuite suite, int size) throws Exception {
            byte[] payload = new byte[size];
            new Random(size).nextBytes(payload);

            String sealed = Sealer.seal(suite, bank(suite).certificate(), payload);

            assertThat(open(suite, bank(suite), sealed)).isEqualTo(payload);
        }
    }

    @Nested
    class Failing_closed {

        static Stream<Object[]> tamperings() {
            return Stream.of(CryptoSuite.values()).flatMap(suite -> Stream.of(
                    new Object[] {suite, "a ciphertext byte", flipped("ciphertext", 0)},
                    new Object[] {suite, "the last tag byte", flippedLast("ciphertext")},
                    new Object[] {suite, "a nonce byte", flipped("nonce", 3)},
                    new Object[] {suite, "the ephemeral key", otherEphemeralKey(suite)},
                    new Object[] {suite, "a fingerprint character", replaced("recipientCertificateFingerprint",
                            value -> (value.charAt(0) == 'a' ? "b" : "a") + value.substring(1))},
                    new Object[] {suite, "the format", replaced("format", value -> "qcchain-sealed/2")},
                    new Object[] {suite, "the suite", replaced("suite", value -> value.equals("SM2_SM3")
                            ? "P256_SHA256" : "SM2_SM3")},
                    new Object[] {suite, "a truncated ciphertext", replaced("ciphertext",
                            value -> Base64.getEncoder().encodeToString(new byte[5]))},
                    new Object[] {suite, "a nonce of the wrong length", replaced("nonce",
                            value -> Base64.getEncoder().encodeToString(new byte[16]))},
                    new Object[] {suite, "a compressed ephemeral key", replaced("ephemeralPublicKey",
                            value -> Base64.getEncoder().encodeToString(new byte[33]))},
                    new Object[] {suite, "an ephemeral key off the curve", flippedLast("ephemeralPublicKey")},
                    new Object[] {suite, "non-base64 ciphertext", replaced("ciphertext", value -> "%%%")}));
        }

        @ParameterizedTest(name = "{0}: {1}")
        @MethodSource("tamperings")
        void any_tampering_is_rejected(CryptoSuite suite, String what, UnaryOperator<ObjectNode> tamper) {
            ObjectNode envelope = (ObjectNode) Json.tree(Sealer.seal(suite, bank(suite).certificate(), ANSWER));

            String tampered = Json.write(tamper.apply(envelope));

            assertThatThrownBy(() -> open(suite, bank(suite), tampered))
                    .isInstanceOf(SealException.class)
                    .hasMessageStartingWith("sealed envelope");
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void another_recipients_key_cannot_open_it(CryptoSuite suite) {
            String sealed = Sealer.seal(suite, bank(suite).certificate(), ANSWER);

            assertThatThrownBy(() -> Sealer.open(suite, other(suite).privateKey(), bank(suite).certificate(), sealed))
                    .isInstanceOf(SealException.class)
                    .hasMessageContaining("does not open");
            assertThatThrownBy(() -> open(suite, other(suite), sealed))
                    .isInstanceOf(SealException.class)
                    .hasMessageContaining("is for certificate");
        }

        @Test
        void opening_under_another_suite_is_rejected() {
            String sealed = Sealer.seal(CryptoSuite.P256_SHA256, P256_BANK.certificate(), ANSWER);

            assertThatThrownBy(() -> open(CryptoSuite.SM2_SM3, SM2_BANK, sealed))
                    .isInstanceOf(SealException.class)
                    .hasMessageContaining("is for suite 'P256_SHA256', expected SM2_SM3");
            assertThatThrownBy(() -> Sealer.open(CryptoSuite.P256_SHA256, SM2_BANK.privateKey(),
                    P256_BANK.certificate(), sealed))
                    .isInstanceOf(SealException.class)
                    .hasMessageContaining("not a key of suite P256_SHA256");
        }

        @Test
        void sealing_to_a_certificate_of_another_suite_is_refused() {
            assertThatThrownBy(() -> Sealer.seal(CryptoSuite.P256_SHA256, SM2_BANK.certificate(), ANSWER))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("has no key of suite P256_SHA256");
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void malformed_envelopes_are_rejected(CryptoSuite suite) {
            for (String malformed : new String[] {"", "not json", "[]", "{}",
                    "{\"format\":\"qcchain-sealed/1\",\"suite\":\"" + suite + "\"}",
                    Sealer.seal(suite, bank(suite).certificate(), ANSWER).replace("}", ",\"extra\":1}")}) {
                assertThatThrownBy(() -> open(suite, bank(suite), malformed))
                        .as(malformed)
                        .isInstanceOf(SealException.class)
                        .hasMessageStartingWith("sealed envelope");
            }
        }

        private static UnaryOperator<ObjectNode> replaced(String member, UnaryOperator<String> change) {
            return envelope -> envelope.put(member, change.apply(envelope.get(member).asText()));
        }

        private static UnaryOperator<ObjectNode> flipped(String member, int index) {
            return replaced(member, value -> {
                byte[] bytes = Base64.getDecoder().decode(value);
                bytes[index] ^= 1;
                return Base64.getEncoder().encodeToString(bytes);
            });
        }

        private static UnaryOperator<ObjectNode> flippedLast(String member) {
            return replaced(member, value -> {
                byte[] bytes = Base64.getDecoder().decode(value);
                bytes[bytes.length - 1] ^= 1;
                return Base64.getEncoder().encodeToString(bytes);
            });
        }

        /** A valid point of the curve that is not the one the sender used. */
        private static UnaryOperator<ObjectNode> otherEphemeralKey(CryptoSuite suite) {
            String other = Json.tree(Sealer.seal(suite, bank(suite).certificate(), ANSWER))
                    .get("ephemeralPublicKey").asText();
            return replaced("ephemeralPublicKey", value -> other);
        }
    }
}
