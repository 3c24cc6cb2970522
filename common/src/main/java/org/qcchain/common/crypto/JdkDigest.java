package org.qcchain.common.crypto;

import java.security.DigestException;
import java.security.MessageDigest;
import org.bouncycastle.crypto.ExtendedDigest;

/**
 * The JDK's SHA-256 behind Bouncy Castle's {@code Digest} interface, for the places
 * where Bouncy Castle wants one: HMAC (record salts) and the RFC 6979 nonce of ECDSA signing. The
 * JDK's SHA-256 uses the CPU's SHA instructions where there are any; Bouncy Castle's
 * {@code SHA256Digest} is plain Java, and HMAC through it was ~6 % of the node's time answering a
 * data request. The function and its output are the same.
 */
final class JdkDigest implements ExtendedDigest {

    private static final DigestPrototype SHA_256 = DigestPrototype.sha256();
    /** SHA-256's block: HMAC pads its key to this length. */
    private static final int SHA_256_BLOCK_BYTES = 64;

    private final MessageDigest digest = SHA_256.newDigest();

    private JdkDigest() {}

    /** A fresh SHA-256 digest (one per HMAC or signer: it is not thread-safe). */
    static JdkDigest sha256() {
        return new JdkDigest();
    }

    @Override
    public String getAlgorithmName() {
        return digest.getAlgorithm();
    }

    @Override
    public int getDigestSize() {
        return digest.getDigestLength();
    }

    @Override
    public int getByteLength() {
        return SHA_256_BLOCK_BYTES;
    }

    @Override
    public void update(byte in) {
        digest.update(in);
    }

    @Override
    public void update(byte[] in, int inOff, int len) {
        digest.update(in, inOff, len);
    }

    @Override
    public int doFinal(byte[] out, int outOff) {
        try {
            // digest(...) also resets, as Bouncy Castle's doFinal must
            return digest.digest(out, outOff, digest.getDigestLength());
        } catch (DigestException e) {
            throw new IllegalArgumentException("no room for a " + digest.getDigestLength() + "-byte digest at "
                    + outOff + " in a buffer of " + out.length, e);
        }
    }

    @Override
    public void reset() {
        digest.reset();
    }
}
