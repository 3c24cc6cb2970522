package org.qcchain.common.auth;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.qcchain.common.crypto.ParsedCertificates;
import org.qcchain.common.crypto.Pem;
import org.qcchain.common.error.ErrorCode;

/**
 * The five headers of a signed request, parsed but not yet verified.
 *
 * <table>
 *   <caption>Headers</caption>
 *   <tr><td>{@value #MSP}</td><td>the caller's MSP id</td></tr>
 *   <tr><td>{@value #CERTIFICATE}</td><td>base64 of the caller's PEM certificate</td></tr>
 *   <tr><td>{@value #TIMESTAMP}</td><td>ISO-8601 UTC instant of signing</td></tr>
 *   <tr><td>{@value #NONCE}</td><td>16-128 characters {@code [A-Za-z0-9_-]}, never reused</td></tr>
 *   <tr><td>{@value #SIGNATURE}</td><td>base64 of the DER signature over the
 *       {@link RequestSignature canonical string}</td></tr>
 * </table>
 *
 * <p>A missing or malformed header is refused with {@link ErrorCode#BAD_SIGNATURE}; a certificate
 * that cannot be read with {@link ErrorCode#CERTIFICATE_UNTRUSTED}.
 */
public final class SignatureHeaders {

    /** The caller's MSP id. */
    public static final String MSP = "X-Qc-Msp";
    /** Base64 of the caller's PEM certificate. */
    public static final String CERTIFICATE = "X-Qc-Certificate";
    /** The moment of signing, ISO-8601 UTC. */
    public static final String TIMESTAMP = "X-Qc-Timestamp";
    /** A value never used before by this caller. */
    public static final String NONCE = "X-Qc-Nonce";
    /** Base64 of the DER signature. */
    public static final String SIGNATURE = "X-Qc-Signature";
    /** All five header names, in the order above. */
    public static final List<String> NAMES = List.of(MSP, CERTIFICATE, TIMESTAMP, NONCE, SIGNATURE);

    /** Headers longer than this are refused before decoding: a certificate PEM is about 1 KiB. */
    private static final int MAX_HEADER = 16 * 1024;

    private final String mspId;
    private final X509Certificate certificate;
    private final String timestamp;
    private final Instant instant;
    private final String nonce;
    private final byte[] signature;

    private SignatureHeaders(String mspId, X509Certificate certificate, String timestamp,
            String nonce, byte[] signature) {
        this.mspId = mspId;
        this.certificate = certificate;
        this.timestamp = timestamp;
        this.instant = RequestSignature.parseTimestamp(timestamp);
        this.nonce = nonce;
        this.signature = signature.clone();
    }

    /**
     * Reads the headers of a received request.
     *
     * @param header looks a header up by name (case-insensitively, as HTTP does), {@code null} if
     *     absent
     * @return the parsed headers
     * @throws RequestAuthenticationException {@code BAD_SIGNATURE} for a missing or malformed
     *     header, {@code CERTIFICATE_UNTRUSTED} for an unreadable certificate
     */
    public static SignatureHeaders parse(Function<String, String> header)
            throws RequestAuthenticationException {
        Objects.requireNonNull(header, "header");
        String msp = required(header, MSP);
        String certificateText = required(header, CERTIFICATE);
        String timestampText = required(header, TIMESTAMP);
        String nonceText = required(header, NONCE);
        byte[] signatureBytes = base64(required(header, SIGNATURE), SIGNATURE, ErrorCode.BAD_SIGNATURE);
        X509Certificate cert = certificate(certificateText);
        try {
            return new SignatureHeaders(msp, cert, timestampText, nonceText, signatureBytes);
        } catch (IllegalArgumentException e) {
            throw new RequestAuthenticationException(ErrorCode.BAD_SIGNATURE,
                    "header " + TIMESTAMP + ": " + e.getMessage(), e);
        }
    }

    /**
     * Assembles headers from a signature made elsewhere, for example by a hardware key.
     *
     * @param signature the signed canonical string
     * @param certificate the signer's certificate
     * @param signatureBytes the DER signature over {@link RequestSignature#bytesToSign()}
     * @return the headers to send
     */
    public static SignatureHeaders of(RequestSignature signature, X509Certificate certificate,
            byte[] signatureBytes) {
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(signatureBytes, "signatureBytes");
        return new SignatureHeaders(signature.mspId(), certificate, signature.timestamp(),
                signature.nonce(), signatureBytes);
    }

    /**
     * The header values to send, keyed by {@link #NAMES}, in that order.
     *
     * @return an ordered, unmodifiable map
     */
    public Map<String, String> asMap() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(MSP, mspId);
        headers.put(CERTIFICATE, Base64.getEncoder().encodeToString(
                Pem.toPem(certificate).getBytes(StandardCharsets.US_ASCII)));
        headers.put(TIMESTAMP, timestamp);
        headers.put(NONCE, nonce);
        headers.put(SIGNATURE, Base64.getEncoder().encodeToString(signature));
        return Collections.unmodifiableMap(headers);
    }

    /** @return the caller's MSP id as sent */
    public String mspId() {
        return mspId;
    }

    /** @return the caller's certificate, not yet checked against anything */
    public X509Certificate certificate() {
        return certificate;
    }

    /** @return the timestamp text exactly as sent, which is what was signed */
    public String timestampText() {
        return timestamp;
    }

    /** @return the moment of signing the caller claims */
    public Instant timestamp() {
        return instant;
    }

    /** @return the nonce as sent */
    public String nonce() {
        return nonce;
    }

    /** @return a copy of the DER signature */
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public String toString() {
        return "SignatureHeaders[" + mspId + ", " + timestamp + ", nonce " + nonce + "]";
    }

    private static String required(Function<String, String> header, String name)
            throws RequestAuthenticationException {
        String value = header.apply(name);
        if (value == null || value.isBlank()) {
            throw new RequestAuthenticationException(ErrorCode.BAD_SIGNATURE,
                    "missing header " + name + "; a signed request needs " + String.join(", ", NAMES));
        }
        if (value.length() > MAX_HEADER) {
            throw new RequestAuthenticationException(ErrorCode.BAD_SIGNATURE,
                    "header " + name + " is longer than " + MAX_HEADER + " characters");
        }
        return value.strip();
    }

    private static byte[] base64(String value, String name, ErrorCode code)
            throws RequestAuthenticationException {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new RequestAuthenticationException(code, "header " + name + " is not base64", e);
        }
    }

    private static X509Certificate certificate(String headerValue)
            throws RequestAuthenticationException {
        byte[] pem = base64(headerValue, CERTIFICATE, ErrorCode.CERTIFICATE_UNTRUSTED);
        try {
            return ParsedCertificates.parse(new String(pem, StandardCharsets.US_ASCII));
        } catch (CertificateException e) {
            throw new RequestAuthenticationException(ErrorCode.CERTIFICATE_UNTRUSTED,
                    "header " + CERTIFICATE + " is not base64 of one PEM certificate: "
                            + e.getMessage(), e);
        }
    }
}
