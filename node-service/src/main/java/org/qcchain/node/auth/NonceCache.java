package org.qcchain.node.auth;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.qcchain.common.auth.RequestAuthenticationException;
import org.qcchain.common.error.ErrorCode;

/**
 * Remembers the nonces of accepted requests until their timestamps leave the skew window, so a
 * captured request cannot be replayed while it is still fresh. Nonces are scoped by MSP id.
 *
 * <p>Memory is bounded by {@code capacity}. When the cache is full of nonces that are still
 * needed, new requests are refused with {@link ErrorCode#RATE_LIMITED} rather than forgetting a
 * live nonce, which would open a replay window: the cache fails closed. Thread-safe.
 */
public final class NonceCache {

    private final int capacity;
    /** Insertion order is nearly expiry order, so expired entries are found at the head. */
    private final LinkedHashMap<String, Instant> expiries = new LinkedHashMap<>();

    /**
     * Creates an empty cache.
     *
     * @param capacity the most nonces kept at once, at least 1
     */
    public NonceCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Records a nonce as used, or refuses it.
     *
     * @param mspId the caller's organisation
     * @param nonce the request's nonce
     * @param expiresAt when the request's timestamp leaves the skew window
     * @param now the current time
     * @throws RequestAuthenticationException {@code REQUEST_REPLAYED} if the nonce is still
     *     remembered, {@code RATE_LIMITED} if the cache is full
     */
    public synchronized void use(String mspId, String nonce, Instant expiresAt, Instant now)
            throws RequestAuthenticationException {
        evictExpired(now);
        String key = mspId + '\n' + nonce;
        Instant known = expiries.get(key);
        if (known != null && !known.isBefore(now)) {
            throw new RequestAuthenticationException(ErrorCode.REQUEST_REPLAYED,
                    "nonce " + nonce + " of " + mspId + " was used before; sign every request anew");
        }
        if (known == null && expiries.size() >= capacity) {
            throw new RequestAuthenticationException(ErrorCode.RATE_LIMITED,
                    "too many requests within the replay window; retry later");
        }
        expiries.put(key, expiresAt);
    }

    /**
     * How many nonces are remembered, for metrics.
     *
     * @return the number of entries, expired ones not yet evicted included
     */
    public synchronized int size() {
        return expiries.size();
    }

    private void evictExpired(Instant now) {
        Iterator<Map.Entry<String, Instant>> entries = expiries.entrySet().iterator();
        while (entries.hasNext()) {
            if (!entries.next().getValue().isBefore(now)) {
                return;
            }
            entries.remove();
        }
    }
}
