package org.qcchain.common.seal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.qcchain.common.json.Json;

/**
 * The JSON form of {@code qcchain-sealed/1}; binary members are standard base64.
 *
 * @param format always {@value #FORMAT}
 * @param suite the crypto suite name, {@code P256_SHA256} or {@code SM2_SM3}
 * @param recipientCertificateFingerprint lowercase hex SHA-256 of the recipient certificate's DER
 * @param ephemeralPublicKey the sender's one-time public key, an uncompressed point (65 bytes)
 * @param nonce the 12-byte GCM nonce
 * @param ciphertext the encrypted payload followed by the 16-byte GCM tag
 */
public record SealedEnvelope(
        String format,
        String suite,
        String recipientCertificateFingerprint,
        String ephemeralPublicKey,
        String nonce,
        String ciphertext) {

    /** The format name and version. */
    public static final String FORMAT = "qcchain-sealed/1";

    /** The media type of a sealed answer on the wire. */
    public static final String MEDIA_TYPE = "application/vnd.qcchain.sealed+json";

    /**
     * The additional authenticated data: the canonical JSON of the four header members, so that
     * changing any of them (as text) makes the GCM tag fail.
     *
     * @return UTF-8 bytes of the canonical header
     */
    byte[] associatedData() {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("format", format);
        header.put("suite", suite);
        header.put("recipientCertificateFingerprint", recipientCertificateFingerprint);
        header.put("ephemeralPublicKey", ephemeralPublicKey);
        return Json.canonical(header).getBytes(StandardCharsets.UTF_8);
    }
}
