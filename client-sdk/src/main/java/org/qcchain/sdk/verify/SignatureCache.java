package org.qcchain.sdk.verify;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.qcchain.common.cache.LruCache;

/**
 * Remembers signature checks that succeeded: "the key of this certificate signed these bytes"
 * (block, anchor, orderer and endorsement signatures, which every answer from the same block or
 * batch repeats), a pure function of public bytes. A hit skips an elliptic-curve verification;
 * only successes are stored, so a failure is always recomputed and reported. Keys are SHA-256
 * digests of length-prefixed inputs (the certificate by its SHA-256 fingerprint), so two
 * different inputs never share an entry. Bounded, least recently used out first. Which CA issued
 * which certificate is remembered by common's {@code IssuanceCache}, beside this one.
 */
final class SignatureCache {

    private final LruCache<ByteBuffer, Boolean> verified;

    SignatureCache(int capacity) {
        this.verified = new LruCache<>(capacity);
    }

    /** @return whether the cache keeps anything at all */
    boolean enabled() {
        return verified.enabled();
    }

    /** The key of a check over the given parts. */
    static ByteBuffer key(byte[]... parts) {
        MessageDigest digest = sha256();
        byte[] length = new byte[4];
        for (byte[] part : parts) {
            ByteBuffer.wrap(length).putInt(part.length);
            digest.update(length);
            digest.update(part);
        }
        return ByteBuffer.wrap(digest.digest());
    }

    /** @return SHA-256 of {@code bytes} */
    static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    boolean contains(ByteBuffer key) {
        return verified.get(key) != null;
    }

    void add(ByteBuffer key) {
        verified.put(key, Boolean.TRUE);
    }
}
