package org.qcchain.common.seal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.qcchain.common.crypto.Certificates;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;
import org.qcchain.common.json.JsonInputException;

/**
 * Seals bytes to one recipient certificate as {@code qcchain-sealed/1} and opens them again.
 *
 * <p>A fresh ephemeral key pair on the suite's curve is agreed (ECDH) with the certificate's public
 * key; HKDF over the shared x-coordinate, with the suite, both public points and the certificate
 * fingerprint as context, gives the key of an AEAD (AES-256-GCM or SM4-GCM) whose associated data
 * is the envelope's header. Only the holder of the certificate's private key can open it, and any
 * change to header, nonce or ciphertext is detected. The sender is not authenticated by the seal:
 * what is sealed carries its own signature.
 *
 * <pre>{@code
 * String sealed = Sealer.seal(CryptoSuite.P256_SHA256, bankCertificate, answerBytes);
 * byte[] answer = Sealer.open(CryptoSuite.P256_SHA256, bankKey, bankCertificate, sealed);
 * }</pre>
 */
public final class Sealer {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] KDF_LABEL = (SealedEnvelope.FORMAT + "\0").getBytes(StandardCharsets.US_ASCII);

    private Sealer() {}

    /**
     * Encrypts {@code plaintext} to the holder of {@code recipientCertificate}'s private key.
     *
     * @param suite the network's suite; the certificate's key must belong to it
     * @param recipientCertificate the recipient's certificate
     * @param plaintext the bytes to seal, possibly empty
     * @return the envelope as compact JSON
     * @throws IllegalArgumentException if the certificate's key is not a key of {@code suite}
     */
    public static String seal(CryptoSuite suite, X509Certificate recipientCertificate, byte[] plaintext) {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(recipientCertificate, "recipientCertificate");
        Objects.requireNonNull(plaintext, "plaintext");
        SealScheme scheme = SealScheme.of(suite);
        ECPoint recipient = recipientPoint(scheme, recipientCertificate);

        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(scheme.domain(), RANDOM));
        AsymmetricCipherKeyPair ephemeral = generator.generateKeyPair();
        byte[] ephemeralPoint = ((ECPublicKeyParameters) ephemeral.getPublic()).getQ().getEncoded(false);
        String fingerprint = Certificates.fingerprint(recipientCertificate);
        byte[] key = derivedKey(scheme, (ECPrivateKeyParameters) ephemeral.getPrivate(), recipient,
                ephemeralPoint, recipient.getEncoded(false), fingerprint);

        byte[] nonce = new byte[SealScheme.NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        Base64.Encoder base64 = Base64.getEncoder();
        SealedEnvelope header = new SealedEnvelope(SealedEnvelope.FORMAT, suite.name(), fingerprint,
                base64.encodeToString(ephemeralPoint), base64.encodeToString(nonce), null);
        GCMModeCipher gcm = gcm(scheme, true, key, nonce, header.associatedData());
        byte[] ciphertext = new byte[gcm.getOutputSize(plaintext.length)];
        int length = gcm.processBytes(plaintext, 0, plaintext.length, ciphertext, 0);
        try {
            gcm.doFinal(ciphertext, length);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("GCM encryption cannot fail", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        return Json.write(new SealedEnvelope(header.format(), header.suite(),
                header.recipientCertificateFingerprint(), header.ephemeralPublicKey(), header.nonce(),
                base64.encodeToString(ciphertext)));
    }

    /**
     * Decrypts an envelope sealed to {@code recipientCertificate}; returns only if it is intact.
     *
     * @param suite the suite the envelope must name
     * @param recipientPrivateKey the private key of {@code recipientCertificate}
     * @param recipientCertificate the certificate the envelope must be sealed to
     * @param sealedJson the envelope's JSON
     * @return the plaintext
     * @throws SealException if the JSON is malformed, names another format, suite or certificate,
     *     the key is not of the suite, or the ciphertext does not open under the key (another
     *     recipient's key, or any altered byte)
     */
    public static byte[] open(CryptoSuite suite, PrivateKey recipientPrivateKey,
            X509Certificate recipientCertificate, String sealedJson) throws SealException {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(recipientPrivateKey, "recipientPrivateKey");
        Objects.requireNonNull(recipientCertificate, "recipientCertificate");
        Objects.requireNonNull(sealedJson, "sealedJson");
        SealScheme scheme = SealScheme.of(suite);
        SealedEnvelope envelope = parse(sealedJson);
        if (!SealedEnvelope.FORMAT.equals(envelope.format())) {
            throw new SealException("sealed envelope has format '" + abbreviate(envelope.format())
                    + "', expected " + SealedEnvelope.FORMAT);
        }
        if (!suite.name().equals(envelope.suite())) {
            throw new SealException("sealed envelope is for suite '" + abbreviate(envelope.suite())
                    + "', expected " + suite.name());
        }
        String fingerprint = Certificates.fingerprint(recipientCertificate);
        if (!fingerprint.equals(envelope.recipientCertificateFingerprint())) {
            throw new SealException("sealed envelope is for certificate "
                    + abbreviate(envelope.recipientCertificateFingerprint()) + ", not " + fingerprint);
        }
        ECPoint recipient;
        try {
            recipient = recipientPoint(scheme, recipientCertificate);
        } catch (IllegalArgumentException e) {
            throw new SealException(e.getMessage(), e);
        }
        ECPrivateKeyParameters privateKey = privateParameters(scheme, recipientPrivateKey);
        byte[] ephemeralPoint = decode("ephemeralPublicKey", envelope.ephemeralPublicKey());
        byte[] nonce = decode("nonce", envelope.nonce());
        byte[] ciphertext = decode("ciphertext", envelope.ciphertext());
        if (nonce.length != SealScheme.NONCE_LENGTH) {
            throw new SealException("sealed envelope nonce has " + nonce.length + " bytes, expected "
                    + SealScheme.NONCE_LENGTH);
        }
        if (ciphertext.length < SealScheme.TAG_BITS / 8) {
            throw new SealException("sealed envelope ciphertext is shorter than its tag");
        }
        ECPoint ephemeral = ephemeralPoint(scheme, ephemeralPoint);
        byte[] key = derivedKey(scheme, privateKey, ephemeral, ephemeralPoint,
                recipient.getEncoded(false), fingerprint);
        GCMModeCipher gcm = gcm(scheme, false, key, nonce, envelope.associatedData());
        byte[] plaintext = new byte[gcm.getOutputSize(ciphertext.length)];
        try {
            int length = gcm.processBytes(ciphertext, 0, ciphertext.length, plaintext, 0);
            gcm.doFinal(plaintext, length);
            return plaintext;
        } catch (InvalidCipherTextException e) {
            Arrays.fill(plaintext, (byte) 0);
            throw new SealException("sealed envelope does not open: another recipient's key, or the "
                    + "envelope was altered", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static SealedEnvelope parse(String sealedJson) throws SealException {
        SealedEnvelope envelope;
        try {
            envelope = Json.parse(sealedJson, SealedEnvelope.class);
        } catch (JsonInputException e) {
            throw new SealException("sealed envelope is not valid JSON of " + SealedEnvelope.FORMAT
                    + ": " + e.getMessage(), e);
        }
        if (envelope.format() == null || envelope.suite() == null
                || envelope.recipientCertificateFingerprint() == null
                || envelope.ephemeralPublicKey() == null || envelope.nonce() == null
                || envelope.ciphertext() == null) {
            throw new SealException("sealed envelope lacks a member: format, suite, "
                    + "recipientCertificateFingerprint, ephemeralPublicKey, nonce and ciphertext are required");
        }
        return envelope;
    }

    private static ECPoint recipientPoint(SealScheme scheme, X509Certificate certificate) {
        if (!(certificate.getPublicKey() instanceof ECPublicKey key)
                || CryptoSuite.ofKey(key) != scheme.suite()) {
            throw new IllegalArgumentException("recipient certificate '"
                    + Certificates.subjectDn(certificate) + "' has no key of suite " + scheme.suite());
        }
        ECPoint point = scheme.domain().getCurve()
                .createPoint(key.getW().getAffineX(), key.getW().getAffineY());
        return scheme.domain().validatePublicPoint(point);
    }

    private static ECPrivateKeyParameters privateParameters(SealScheme scheme, PrivateKey key)
            throws SealException {
        if (!(key instanceof ECPrivateKey ecKey) || !isOfSuite(key, scheme.suite())) {
            throw new SealException("recipient private key is not a key of suite " + scheme.suite());
        }
        return new ECPrivateKeyParameters(ecKey.getS(), scheme.domain());
    }

    private static boolean isOfSuite(PrivateKey key, CryptoSuite suite) {
        try {
            return CryptoSuite.ofKey(key) == suite;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ECPoint ephemeralPoint(SealScheme scheme, byte[] encoded) throws SealException {
        if (encoded.length != 1 + 2 * scheme.fieldLength() || encoded[0] != 0x04) {
            throw new SealException("sealed envelope ephemeralPublicKey is not an uncompressed point of "
                    + scheme.suite());
        }
        try {
            return scheme.domain().validatePublicPoint(scheme.domain().getCurve().decodePoint(encoded));
        } catch (IllegalArgumentException e) {
            throw new SealException("sealed envelope ephemeralPublicKey is not a point of "
                    + scheme.suite(), e);
        }
    }

    private static byte[] derivedKey(SealScheme scheme, ECPrivateKeyParameters privateKey,
            ECPoint publicPoint, byte[] ephemeralPoint, byte[] recipientPoint, String fingerprint) {
        ECDHBasicAgreement agreement = new ECDHBasicAgreement();
        agreement.init(privateKey);
        BigInteger x = agreement.calculateAgreement(new ECPublicKeyParameters(publicPoint, scheme.domain()));
        byte[] shared = BigIntegers.asUnsignedByteArray(scheme.fieldLength(), x);
        byte[] info = concat(KDF_LABEL, scheme.suite().name().getBytes(StandardCharsets.US_ASCII),
                ephemeralPoint, recipientPoint, fingerprint.getBytes(StandardCharsets.US_ASCII));
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(scheme.newKdfDigest());
        hkdf.init(new HKDFParameters(shared, null, info));
        byte[] key = new byte[scheme.keyLength()];
        hkdf.generateBytes(key, 0, key.length);
        Arrays.fill(shared, (byte) 0);
        return key;
    }

    private static GCMModeCipher gcm(SealScheme scheme, boolean encrypt, byte[] key, byte[] nonce,
            byte[] associatedData) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(scheme.newCipher());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), SealScheme.TAG_BITS, nonce,
                associatedData));
        return gcm;
    }

    private static byte[] decode(String member, String base64) throws SealException {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new SealException("sealed envelope " + member + " is not base64", e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
