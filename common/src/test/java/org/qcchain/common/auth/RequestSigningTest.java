package org.qcchain.common.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.common.crypto.CertificateAuthority;
import org.qcchain.common.crypto.CertificateProfile;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.error.ErrorCode;

class RequestSigningTest {

    static final Instant T0 = Instant.parse("2025-05-01T08:00:00Z");
    static final Instant NOW = T0.plus(Duration.ofDays(30));
    static final byte[] BODY = "{\"message\":\"hello\"}".getBytes(StandardCharsets.UTF_8);
    static final String NONCE = "nonce-0123456789abcdef";

    static Identity identity(CryptoSuite suite, Instant notBefore, Duration validity) {
        CertificateAuthority ca = CertificateAuthority.createRoot(
                suite, "CN=ca.bank.example.com,O=Bank,C=CN", T0, Duration.ofDays(3650));
        return ca.issueIdentity("CN=teller,OU=client,O=Bank,C=CN", CertificateProfile.CLIENT,
                notBefore, validity);
    }

    static Identity identity(CryptoSuite suite) {
        return identity(suite, T0, Duration.ofDays(365));
    }

    static SignatureHeaders sign(Identity identity, String method, String target, byte[] body) {
        return RequestSigner.create("BankMSP", identity)
                .sign(method, target, body, NOW, NONCE);
    }

    static SignatureHeaders reparse(SignatureHeaders headers, String name, String value)
            throws RequestAuthenticationException {
        Map<String, String> map = new HashMap<>(headers.asMap());
        if (value == null) {
            map.remove(name);
        } else {
            map.put(name, value);
        }
        return SignatureHeaders.parse(map::get);
    }

    static RequestVerifier verifier(CryptoSuite suite) {
        return RequestVerifier.create(suite, Duration.ofMinutes(5));
    }

    @Nested
    class CanonicalString {

        @Test
        void joins_seven_lines_without_trailing_newline() {
            RequestSignature signature = RequestSignature.of(CryptoSuite.P256_SHA256, "POST",
                    "/v1/echo?x=1", "2025-05-01T08:00:00.123Z", NONCE, new byte[0], "BankMSP");

            assertThat(signature.canonicalString()).isEqualTo("QCCHAIN-REQ-1\nPOST\n/v1/echo?x=1\n"
                    + "2025-05-01T08:00:00.123Z\n" + NONCE + "\n"
                    + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\nBankMSP");
        }

        @Test
        void hashes_the_body_with_the_suite_hash() {
            assertThat(RequestSignature.bodyDigest(CryptoSuite.SM2_SM3, new byte[0]))
                    .isEqualTo("1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b");
        }

        @Test
        void refuses_components_that_could_shift_lines() {
            assertThatThrownBy(() -> RequestSignature.of(CryptoSuite.P256_SHA256, "POST",
                    "/v1/echo\nGET", "2025-05-01T08:00:00Z", NONCE, BODY, "BankMSP"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("path and query");
            assertThatThrownBy(() -> RequestSignature.of(CryptoSuite.P256_SHA256, "post",
                    "/v1/echo", "2025-05-01T08:00:00Z", NONCE, BODY, "BankMSP"))
                    .hasMessageContaining("method");
            assertThatThrownBy(() -> RequestSignature.of(CryptoSuite.P256_SHA256, "POST",
                    "/v1/echo", "yesterday", NONCE, BODY, "BankMSP"))
                    .hasMessageContaining("ISO-8601");
            assertThatThrownBy(() -> RequestSignature.of(CryptoSuite.P256_SHA256, "POST",
                    "/v1/echo", "2025-05-01T08:00:00Z", "short", BODY, "BankMSP"))
                    .hasMessageContaining("nonce");
        }

        @Test
        void refuses_an_msp_id_the_platform_would_never_register() {
            // the chaincode's rule: letters, digits, '.' and '-'; a '_' or a line break is malformed
            for (String mspId : List.of("Bank_MSP", "Bank\nMSP", ".BankMSP", "B".repeat(65))) {
                assertThatThrownBy(() -> RequestSignature.of(CryptoSuite.P256_SHA256, "POST",
                        "/v1/echo", "2025-05-01T08:00:00Z", NONCE, BODY, mspId))
                        .as(mspId).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("MSP id");
            }
            assertThat(RequestSignature.of(CryptoSuite.P256_SHA256, "POST", "/v1/echo", "2025-05-01T08:00:00Z",
                    NONCE, BODY, "bank-2.example").mspId()).isEqualTo("bank-2.example");
        }

        @Test
        void formats_timestamps_in_utc_with_milliseconds() {
            assertThat(RequestSignature.formatTimestamp(Instant.parse("2025-05-01T08:00:00.123456Z")))
                    .isEqualTo("2025-05-01T08:00:00.123Z");
        }
    }

    @Nested
    class Verification {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void accepts_a_request_signed_with_either_suite(CryptoSuite suite) throws Exception {
            SignatureHeaders sent = sign(identity(suite), "POST", "/v1/echo", BODY);
            SignatureHeaders received = SignatureHeaders.parse(sent.asMap()::get);

            assertThatCode(() -> verifier(suite).verify("POST", "/v1/echo", BODY, received, NOW))
                    .doesNotThrowAnyException();
            assertThat(received.mspId()).isEqualTo("BankMSP");
            assertThat(received.nonce()).isEqualTo(NONCE);
        }

        @Test
        void draws_a_new_nonce_for_every_request() {
            RequestSigner signer = RequestSigner.create("BankMSP", identity(CryptoSuite.P256_SHA256));

            assertThat(signer.sign("GET", "/v1/whoami", new byte[0]).nonce())
                    .isNotEqualTo(signer.sign("GET", "/v1/whoami", new byte[0]).nonce());
        }

        @Test
        void rejects_a_changed_body_path_or_method() {
            SignatureHeaders headers = sign(identity(CryptoSuite.P256_SHA256), "POST", "/v1/echo", BODY);
            RequestVerifier verifier = verifier(CryptoSuite.P256_SHA256);

            assertCode(() -> verifier.verify("POST", "/v1/echo", "{}".getBytes(StandardCharsets.UTF_8),
                    headers, NOW), ErrorCode.BAD_SIGNATURE);
            assertCode(() -> verifier.verify("POST", "/v1/echo?admin=1", BODY, headers, NOW),
                    ErrorCode.BAD_SIGNATURE);
            assertCode(() -> verifier.verify("PUT", "/v1/echo", BODY, headers, NOW),
                    ErrorCode.BAD_SIGNATURE);
        }

        @Test
        void rejects_a_changed_msp_id_or_nonce() throws Exception {
            SignatureHeaders headers = sign(identity(CryptoSuite.SM2_SM3), "GET", "/v1/whoami", new byte[0]);
            RequestVerifier verifier = verifier(CryptoSuite.SM2_SM3);

            SignatureHeaders otherMsp = reparse(headers, SignatureHeaders.MSP, "InsurerMSP");
            SignatureHeaders otherNonce = reparse(headers, SignatureHeaders.NONCE, NONCE + "x");
            assertCode(() -> verifier.verify("GET", "/v1/whoami", new byte[0], otherMsp, NOW),
                    ErrorCode.BAD_SIGNATURE);
            assertCode(() -> verifier.verify("GET", "/v1/whoami", new byte[0], otherNonce, NOW),
                    ErrorCode.BAD_SIGNATURE);
        }

        @Test
        void rejects_a_certificate_of_another_suite() {
            SignatureHeaders headers = sign(identity(CryptoSuite.SM2_SM3), "GET", "/v1/whoami", new byte[0]);

            assertCode(() -> verifier(CryptoSuite.P256_SHA256).verify("GET", "/v1/whoami", new byte[0],
                    headers, NOW), ErrorCode.CERTIFICATE_UNTRUSTED);
        }

        @Test
        void rejects_timestamps_outside_the_skew_window_either_way() {
            SignatureHeaders headers = sign(identity(CryptoSuite.P256_SHA256), "GET", "/v1/whoami", new byte[0]);
            RequestVerifier verifier = verifier(CryptoSuite.P256_SHA256);

            assertCode(() -> verifier.verify("GET", "/v1/whoami", new byte[0], headers,
                    NOW.plus(Duration.ofMinutes(6))), ErrorCode.REQUEST_STALE);
            assertCode(() -> verifier.verify("GET", "/v1/whoami", new byte[0], headers,
                    NOW.minus(Duration.ofMinutes(6))), ErrorCode.REQUEST_STALE);
        }

        @Test
        void rejects_an_expired_certificate() {
            Identity expired = identity(CryptoSuite.P256_SHA256, T0, Duration.ofDays(1));
            SignatureHeaders headers = sign(expired, "GET", "/v1/whoami", new byte[0]);

            assertCode(() -> verifier(CryptoSuite.P256_SHA256).verify("GET", "/v1/whoami", new byte[0],
                    headers, NOW), ErrorCode.CERTIFICATE_EXPIRED);
        }

        @Test
        void refuses_a_skew_window_beyond_an_hour() {
            assertThatThrownBy(() -> RequestVerifier.create(CryptoSuite.P256_SHA256, Duration.ofHours(2)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("maxClockSkew");
        }
    }

    @Nested
    class HeaderParsing {

        @Test
        void names_the_missing_header() {
            SignatureHeaders headers = sign(identity(CryptoSuite.P256_SHA256), "GET", "/", new byte[0]);

            assertThatThrownBy(() -> reparse(headers, SignatureHeaders.NONCE, null))
                    .isInstanceOf(RequestAuthenticationException.class)
                    .hasMessageContaining("missing header X-Qc-Nonce")
                    .extracting(e -> ((RequestAuthenticationException) e).errorCode())
                    .isEqualTo(ErrorCode.BAD_SIGNATURE);
        }

        @Test
        void refuses_a_certificate_that_is_not_base64_pem() {
            SignatureHeaders headers = sign(identity(CryptoSuite.P256_SHA256), "GET", "/", new byte[0]);

            assertCode(() -> reparse(headers, SignatureHeaders.CERTIFICATE, "not base64!"),
                    ErrorCode.CERTIFICATE_UNTRUSTED);
            assertCode(() -> reparse(headers, SignatureHeaders.CERTIFICATE, "aGVsbG8="),
                    ErrorCode.CERTIFICATE_UNTRUSTED);
        }

        @Test
        void refuses_a_malformed_timestamp_or_signature() {
            SignatureHeaders headers = sign(identity(CryptoSuite.P256_SHA256), "GET", "/", new byte[0]);

            assertCode(() -> reparse(headers, SignatureHeaders.TIMESTAMP, "1714550400"),
                    ErrorCode.BAD_SIGNATURE);
            assertCode(() -> reparse(headers, SignatureHeaders.SIGNATURE, "%%%"),
                    ErrorCode.BAD_SIGNATURE);
        }
    }

    interface Check {
        void run() throws Exception;
    }

    static void assertCode(Check check, ErrorCode expected) {
        assertThatThrownBy(check::run)
                .isInstanceOfSatisfying(RequestAuthenticationException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(expected));
    }
}
