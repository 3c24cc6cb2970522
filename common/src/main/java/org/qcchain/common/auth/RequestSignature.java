package org.qcchain.common.auth;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.syntax.IdentifierRule;
import org.qcchain.common.time.IsoInstant;

/**
 * What a client signs for one HTTP request: seven lines joined by {@code \n}, no trailing newline,
 * encoded as UTF-8 (all of it is ASCII):
 *
 * <pre>
 * QCCHAIN-REQ-1
 * POST
 * /v1/echo?verbose=true
 * 2025-05-01T08:00:00.123Z
 * 3q2-7wXyQ0u1nZkB8cVt9A
 * 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
 * BankMSP
 * </pre>
 *
 * <p>The lines are: the scheme version; the HTTP method in upper case; the request target exactly
 * as sent (path and query, percent-encoding untouched); the {@code X-Qc-Timestamp} header verbatim
 * (ISO-8601 UTC); the {@code X-Qc-Nonce} header; the lowercase hex hash of the body bytes exactly
 * as sent (an empty body hashes the empty string); the {@code X-Qc-Msp} header.
 *
 * <p>The body hash is the <em>network's suite hash</em> (SHA-256 for {@code P256_SHA256}, SM3 for
 * {@code SM2_SM3}), like every other hash on a network, so an SM2 deployment uses national
 * algorithms throughout. Each component is checked so that no value can contain a line break and
 * shift the lines: two different requests never have the same canonical string.
 *
 * @param method HTTP method, upper case letters only
 * @param pathAndQuery the request target, starting with {@code /}, printable ASCII without spaces
 * @param timestamp the timestamp text as sent, an ISO-8601 instant
 * @param nonce 16 to 128 characters of {@code [A-Za-z0-9_-]}
 * @param bodyDigest 64 lowercase hex characters
 * @param mspId the caller's organisation, {@code [A-Za-z0-9][A-Za-z0-9._-]{0,63}}
 */
public record RequestSignature(
        String method, String pathAndQuery, String timestamp, String nonce, String bodyDigest,
        String mspId) {

    /** The first line, naming this version of the scheme. */
    public static final String VERSION = "QCCHAIN-REQ-1";

    private static final Pattern METHOD = Pattern.compile("[A-Z]{1,16}");
    private static final Pattern TARGET = Pattern.compile("/[\\x21-\\x7e]{0,8191}");
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,128}");
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_TIMESTAMP = 40;

    /**
     * Checks every component.
     *
     * @throws IllegalArgumentException naming the first component that is malformed
     */
    public RequestSignature {
        check(METHOD, method, "method");
        check(TARGET, pathAndQuery, "path and query");
        parseTimestamp(timestamp);
        check(NONCE, nonce, "nonce");
        check(DIGEST, bodyDigest, "body digest");
        // the platform's own rule: an id the chaincode would never register is malformed here too
        check(IdentifierRule.MSP_ID, mspId, "MSP id");
    }

    /**
     * The canonical string of a request, hashing its body with the suite's hash.
     *
     * @param suite the network's suite, whose hash digests the body
     * @param method HTTP method, upper case
     * @param pathAndQuery the request target as sent
     * @param timestamp the timestamp text as sent
     * @param nonce the nonce as sent
     * @param body the body bytes as sent, empty for none
     * @param mspId the caller's MSP id
     * @return the checked canonical string
     * @throws IllegalArgumentException naming the first malformed component
     */
    public static RequestSignature of(CryptoSuite suite, String method, String pathAndQuery,
            String timestamp, String nonce, byte[] body, String mspId) {
        return new RequestSignature(
                method, pathAndQuery, timestamp, nonce, bodyDigest(suite, body), mspId);
    }

    /**
     * The body hash that goes into the canonical string.
     *
     * @param suite the network's suite
     * @param body the body bytes, empty for none
     * @return lowercase hex of SHA-256 or SM3
     */
    public static String bodyDigest(CryptoSuite suite, byte[] body) {
        return Objects.requireNonNull(suite, "suite").hashHex(Objects.requireNonNull(body, "body"));
    }

    /**
     * Formats a timestamp as signers should send it: UTC, millisecond precision.
     *
     * @param instant the moment of signing
     * @return e.g. {@code 2025-05-01T08:00:00.123Z}
     */
    public static String formatTimestamp(Instant instant) {
        Instant millis = Objects.requireNonNull(instant, "instant").truncatedTo(ChronoUnit.MILLIS);
        return IsoInstant.format(millis);
    }

    /**
     * Reads a timestamp text.
     *
     * @param timestamp an ISO-8601 instant such as {@code 2025-05-01T08:00:00Z}
     * @return the instant
     * @throws IllegalArgumentException if it is not one
     */
    public static Instant parseTimestamp(String timestamp) {
        Objects.requireNonNull(timestamp, "timestamp");
        if (timestamp.length() > MAX_TIMESTAMP) {
            throw new IllegalArgumentException("timestamp is longer than " + MAX_TIMESTAMP
                    + " characters");
        }
        try {
            return IsoInstant.parse(timestamp);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timestamp '" + timestamp
                    + "' is not an ISO-8601 instant such as 2025-05-01T08:00:00.123Z", e);
        }
    }

    /**
     * The seven lines joined by {@code \n}.
     *
     * @return the canonical string
     */
    public String canonicalString() {
        return String.join("\n", VERSION, method, pathAndQuery, timestamp, nonce, bodyDigest, mspId);
    }

    /**
     * What the signature is computed over.
     *
     * @return UTF-8 of {@link #canonicalString()}
     */
    public byte[] bytesToSign() {
        return canonicalString().getBytes(StandardCharsets.UTF_8);
    }

    private static void check(Pattern pattern, String value, String what) {
        Objects.requireNonNull(value, what);
        if (!pattern.matcher(value).matches()) {
            throw malformed(value, what, pattern.pattern());
        }
    }

    private static void check(IdentifierRule rule, String value, String what) {
        Objects.requireNonNull(value, what);
        if (!rule.matches(value)) {
            throw malformed(value, what, rule.pattern());
        }
    }

    private static IllegalArgumentException malformed(String value, String what, String pattern) {
        String shown = value.length() <= 40 ? value : value.substring(0, 40) + "…";
        return new IllegalArgumentException(what + " '" + shown.replaceAll("[^\\x20-\\x7e]", "?") + "' must match "
                + pattern);
    }
}
