package org.qcchain.sdk.verify;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers checks that are pure functions of public bytes and succeeded: "this key signed these
 * bytes" (block signatures, which every answer from the same block repeats) and "this CA issued
 * this certificate". A hit skips an elliptic-curve verification; only successes are stored, so a
 * failure is always recomputed and reported. Keys are SHA-256 digests of length-prefixed inputs,
 * so two different inputs never share an entry. Bounded, least recently used out first.
 */
final class SignatureCache {

    private final int capacity;
    private final Map<ByteBuffer, Boolean> verified;

    SignatureCache(int capacity) {
        this.capacity = capacity;
        this.verified = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Boolean> eldest) {
                return size() > SignatureCache.this.capacity;
            }
        };
    }

    /** @return whether the cache keeps anything at all */
    boolean enabled() {
        return capacity > 0;
    }

    /** The key of a check over the given parts. */
    static ByteBuffer key(byte[]... parts) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        for (byte[] part : parts) {
            digest.update(ByteBuffer.allocate(4).putInt(part.length).array());
            digest.update(part);
        }
        return ByteBuffer.wrap(digest.digest());
    }

    synchronized boolean contains(ByteBuffer key) {
        return enabled() && verified.get(key) != null;
    }

    synchronized void add(ByteBuffer key) {
        if (enabled()) {
            verified.put(key, Boolean.TRUE);
        }
    }
}
