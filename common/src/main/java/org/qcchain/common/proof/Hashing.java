package org.qcchain.common.proof;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.Map;
import org.qcchain.common.crypto.CryptoSuite;

/**
 * Tagged hashes with one reusable digest per suite and thread: a Merkle build over a million
 * leaves would otherwise clone two million digests.
 */
final class Hashing {

    private static final Map<CryptoSuite, ThreadLocal<MessageDigest>> DIGESTS = digests();

    private Hashing() {}

    /** This thread's digest of {@code suite}, reset; never hand it to another thread. */
    static MessageDigest digest(CryptoSuite suite) {
        MessageDigest digest = DIGESTS.get(suite).get();
        digest.reset();
        return digest;
    }

    /** {@code H(tag || data)}. */
    static byte[] tagged(CryptoSuite suite, byte tag, byte[] data) {
        MessageDigest digest = digest(suite);
        digest.update(tag);
        digest.update(data);
        return digest.digest();
    }

    /** RFC 6962 leaf hash {@code H(0x00 || leaf)}. */
    static byte[] leaf(CryptoSuite suite, byte[] leaf) {
        return tagged(suite, ProofFormat.LEAF_TAG, leaf);
    }

    /** RFC 6962 node hash {@code H(0x01 || left || right)}. */
    static byte[] node(CryptoSuite suite, byte[] left, byte[] right) {
        MessageDigest digest = digest(suite);
        digest.update(ProofFormat.NODE_TAG);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /**
     * Writes {@code H(tag || in[inOffset .. inOffset+length))} to {@code out[outOffset ..]} without
     * allocating; {@code in} and {@code out} may overlap, as the input is consumed first.
     */
    static void tagged(MessageDigest digest, byte tag, byte[] in, int inOffset, int length,
            byte[] out, int outOffset) {
        digest.update(tag);
        digest.update(in, inOffset, length);
        try {
            digest.digest(out, outOffset, digest.getDigestLength());
        } catch (DigestException e) {
            throw new IllegalStateException("digest output does not fit its buffer", e);
        }
    }

    private static Map<CryptoSuite, ThreadLocal<MessageDigest>> digests() {
        Map<CryptoSuite, ThreadLocal<MessageDigest>> digests = new EnumMap<>(CryptoSuite.class);
        for (CryptoSuite suite : CryptoSuite.values()) {
            digests.put(suite, ThreadLocal.withInitial(suite::newDigest));
        }
        return digests;
    }
}
