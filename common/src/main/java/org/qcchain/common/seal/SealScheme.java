package org.qcchain.common.seal;

import java.util.function.Supplier;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.qcchain.common.crypto.CryptoSuite;

/**
 * The primitives of each suite for sealing: the curve of its keys, the hash of its HKDF and its
 * block cipher in GCM mode. Kept to the suite's own family, so that an SM2/SM3 network needs no
 * NIST algorithm to seal and a P-256 network none of GB/T.
 */
enum SealScheme {

    /** ECDH on P-256, HKDF-SHA256, AES-256-GCM. */
    P256(CryptoSuite.P256_SHA256, "secp256r1", SHA256Digest::new, AESEngine::newInstance, 32),

    /** ECDH on sm2p256v1, HKDF-SM3, SM4-GCM. */
    SM2(CryptoSuite.SM2_SM3, "sm2p256v1", SM3Digest::new, SM4Engine::new, 16);

    /** Length of the GCM nonce in bytes. */
    static final int NONCE_LENGTH = 12;

    /** Length of the GCM tag in bits. */
    static final int TAG_BITS = 128;

    private final CryptoSuite suite;
    private final ECDomainParameters domain;
    private final Supplier<Digest> kdfDigest;
    private final Supplier<BlockCipher> cipher;
    private final int keyLength;

    SealScheme(CryptoSuite suite, String curveName, Supplier<Digest> kdfDigest,
            Supplier<BlockCipher> cipher, int keyLength) {
        this.suite = suite;
        this.domain = new ECDomainParameters(CustomNamedCurves.getByName(curveName));
        this.kdfDigest = kdfDigest;
        this.cipher = cipher;
        this.keyLength = keyLength;
    }

    static SealScheme of(CryptoSuite suite) {
        for (SealScheme scheme : values()) {
            if (scheme.suite == suite) {
                return scheme;
            }
        }
        throw new IllegalArgumentException("no sealing scheme for suite " + suite);
    }

    CryptoSuite suite() {
        return suite;
    }

    ECDomainParameters domain() {
        return domain;
    }

    Digest newKdfDigest() {
        return kdfDigest.get();
    }

    BlockCipher newCipher() {
        return cipher.get();
    }

    /** Length of the symmetric key: 32 bytes for AES-256, 16 for SM4. */
    int keyLength() {
        return keyLength;
    }

    /** Length of a field element, and so of the shared secret: 32 bytes for both curves. */
    int fieldLength() {
        return (domain.getCurve().getFieldSize() + 7) / 8;
    }
}
