package org.qcchain.common.crypto;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The crypto suite of a network: one hash, one signature algorithm and one curve, used for every
 * hash, signature, HMAC and certificate on that network.
 *
 * <ul>
 *   <li>{@link #P256_SHA256}: ECDSA over NIST P-256 with SHA-256, as Fabric uses. Signatures are
 *       DER, always produced in low-S form; {@link #verify} rejects high-S signatures, as Fabric
 *       does, because {@code (r, n-s)} would otherwise be a second valid signature.
 *   <li>{@link #SM2_SM3}: SM2 signatures (GB/T 32918) with SM3 (GB/T 32905) and the standard
 *       default user id {@code "1234567812345678"}; DER signatures.
 * </ul>
 *
 * <p>All methods are thread-safe and, apart from key generation and SM2 nonces, deterministic.
 *
 * <pre>{@code
 * CryptoSuite suite = CryptoSuite.fromName(config.getString("cryptoSuite"));
 * KeyPair keys = suite.generateKeyPair();
 * byte[] signature = suite.sign(keys.getPrivate(), payload);
 * suite.verify(keys.getPublic(), payload, signature);   // throws InvalidSignatureException
 * }</pre>
 */
public enum CryptoSuite {

    /** ECDSA over NIST P-256 with SHA-256; low-S DER signatures. */
    P256_SHA256(EcCurve.P256, DigestPrototype.sha256(), JdkDigest::sha256, "SHA256withECDSA",
            EcdsaP256Scheme::new),

    /** SM2 with SM3 and the default user id {@code "1234567812345678"}; DER signatures. */
    SM2_SM3(EcCurve.SM2, DigestPrototype.sm3(), SM3Digest::new, "SM3withSM2",
            (curve, sm3) -> new Sm2Scheme(curve));

    private static final HexFormat HEX = HexFormat.of();

    private final EcCurve curve;
    private final DigestPrototype digest;
    private final Supplier<Digest> hmacDigest;
    private final String certificateSignatureAlgorithm;
    private final SignatureScheme signatures;

    CryptoSuite(
            EcCurve curve,
            DigestPrototype digest,
            Supplier<Digest> hmacDigest,
            String certificateSignatureAlgorithm,
            BiFunction<EcCurve, DigestPrototype, SignatureScheme> signatures) {
        this.curve = curve;
        this.digest = digest;
        this.hmacDigest = hmacDigest;
        this.certificateSignatureAlgorithm = certificateSignatureAlgorithm;
        this.signatures = signatures.apply(curve, digest);
    }

    /**
     * Hashes {@code data} with SHA-256 or SM3.
     *
     * @param data the bytes to hash
     * @return the 32-byte digest
     */
    public byte[] hash(byte[] data) {
        Objects.requireNonNull(data, "data");
        return digest.newDigest().digest(data);
    }

    /**
     * Hashes {@code data} like {@link #hash}.
     *
     * @param data the bytes to hash
     * @return the digest as 64 lowercase hex characters
     */
    public String hashHex(byte[] data) {
        return HEX.formatHex(hash(data));
    }

    /**
     * A fresh digest for incremental hashing.
     *
     * @return a new, empty digest; not thread-safe, like every MessageDigest
     */
    public MessageDigest newDigest() {
        return digest.newDigest();
    }

    /**
     * Length of a hash.
     *
     * @return 32, for both suites
     */
    public int hashLength() {
        return 32;
    }

    /**
     * Generates a key pair of this suite.
     *
     * @return a new key pair on P-256 ({@code secp256r1}) or {@code sm2p256v1}
     */
    public KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.provider());
            generator.initialize(new ECGenParameterSpec(curve.name()), Randomness.get());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Bouncy Castle cannot generate " + curve.name() + " keys", e);
        }
    }

    /**
     * Signs {@code data} (the message itself; hashing is part of the algorithm).
     *
     * @param key a private key of this suite
     * @param data the message
     * @return a DER-encoded signature
     * @throws IllegalArgumentException if {@code key} is not a private key of this suite
     */
    public byte[] sign(PrivateKey key, byte[] data) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(data, "data");
        if (!(key instanceof ECPrivateKey ecKey) || !curve.matches(ecKey.getParams())) {
            throw new IllegalArgumentException("cannot sign with " + describe(key) + ": " + name()
                    + " needs a " + curve.name() + " key");
        }
        return signatures.sign(curve.privateParameters(ecKey), data);
    }

    /**
     * Verifies a DER signature over {@code data}; returns normally only if it is valid.
     *
     * @param key the signer's public key, of this suite
     * @param data the message that was signed
     * @param signature the DER-encoded signature
     * @throws InvalidSignatureException if the key is not a public key of this suite, the signature
     *     is not strict DER, a P-256 signature is high-S, or it does not match data and key; the
     *     message and {@link InvalidSignatureException#reason()} say which
     */
    public void verify(PublicKey key, byte[] data, byte[] signature)
            throws InvalidSignatureException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(signature, "signature");
        signatures.verify(publicParameters(key), data, signature);
    }

    /**
     * Computes HMAC-SHA256 or HMAC-SM3.
     *
     * @param key the secret key, any length
     * @param data the message
     * @return the 32-byte MAC
     */
    public byte[] hmac(byte[] key, byte[] data) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(data, "data");
        HMac mac = new HMac(hmacDigest.get());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    /**
     * The signature algorithm of this suite's certificates.
     *
     * @return the JCA name: {@code SHA256withECDSA} or {@code SM3withSM2}
     */
    public String certificateSignatureAlgorithm() {
        return certificateSignatureAlgorithm;
    }

    /**
     * Looks a suite up by name, ignoring case and surrounding blanks.
     *
     * @param name a suite name such as {@code "SM2_SM3"}
     * @return the suite
     * @throws IllegalArgumentException naming the allowed names if none matches
     */
    public static CryptoSuite fromName(String name) {
        Objects.requireNonNull(name, "name");
        String wanted = name.strip().toUpperCase(Locale.ROOT);
        for (CryptoSuite suite : values()) {
            if (suite.name().equals(wanted)) {
                return suite;
            }
        }
        throw new IllegalArgumentException(
                "unknown crypto suite '" + abbreviate(name) + "'; allowed: " + allowedNames());
    }

    /**
     * The suite whose curve {@code key} lies on.
     *
     * @param key any public key
     * @return the suite of the key's curve
     * @throws IllegalArgumentException if it is not an EC key on P-256 or sm2p256v1
     */
    public static CryptoSuite ofKey(PublicKey key) {
        return ofAnyKey(Objects.requireNonNull(key, "key"));
    }

    /**
     * The suite whose curve {@code key} lies on.
     *
     * @param key any private key
     * @return the suite of the key's curve
     * @throws IllegalArgumentException if it is not an EC key on P-256 or sm2p256v1
     */
    public static CryptoSuite ofKey(PrivateKey key) {
        return ofAnyKey(Objects.requireNonNull(key, "key"));
    }

    /** True if {@code publicKey} belongs to {@code privateKey}. */
    boolean isKeyPair(PrivateKey privateKey, PublicKey publicKey) {
        return privateKey instanceof ECPrivateKey ecPrivate
                && publicKey instanceof ECPublicKey ecPublic
                && curve.matches(ecPrivate.getParams())
                && curve.matches(ecPublic.getParams())
                && curve.isKeyPair(ecPrivate, ecPublic);
    }

    /** The suite's signature scheme (for tests in this package). */
    SignatureScheme signatures() {
        return signatures;
    }

    private ECPublicKeyParameters publicParameters(PublicKey key) throws InvalidSignatureException {
        if (!(key instanceof ECPublicKey ecKey) || !curve.matches(ecKey.getParams())) {
            throw new InvalidSignatureException(
                    InvalidSignatureException.Reason.WRONG_KEY,
                    "cannot verify with " + describe(key) + ": " + name() + " needs a " + curve.name()
                            + " key");
        }
        try {
            return curve.publicParameters(ecKey);
        } catch (IllegalArgumentException e) {
            throw new InvalidSignatureException(
                    InvalidSignatureException.Reason.WRONG_KEY,
                    "public key is not a valid point on " + curve.name(),
                    e);
        }
    }

    private static CryptoSuite ofAnyKey(Key key) {
        CryptoSuite suite = suiteOrNull(key);
        if (suite == null) {
            throw new IllegalArgumentException(
                    describe(key) + " belongs to no crypto suite; allowed: " + allowedNames());
        }
        return suite;
    }

    private static CryptoSuite suiteOrNull(Key key) {
        if (key instanceof ECKey ecKey) {
            for (CryptoSuite suite : values()) {
                if (suite.curve.matches(ecKey.getParams())) {
                    return suite;
                }
            }
        }
        return null;
    }

    /** "a public key of suite SM2_SM3", "a private key of algorithm RSA", ... for messages. */
    static String describe(Key key) {
        String kind = key instanceof PrivateKey ? "private key" : "public key";
        CryptoSuite suite = suiteOrNull(key);
        if (suite != null) {
            return "a " + kind + " of suite " + suite.name();
        }
        if (key instanceof ECKey) {
            return "an EC " + kind + " on an unsupported curve";
        }
        return "a " + kind + " of algorithm " + key.getAlgorithm();
    }

    private static String allowedNames() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
