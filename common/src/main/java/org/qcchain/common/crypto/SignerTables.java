package org.qcchain.common.crypto;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.math.ec.ECPoint;

/**
 * {@link PointMultiples} of the public keys that verify signatures again and again: a platform has
 * few signers (the organisations' certificates) and each signs many requests and transactions. A
 * key gets its table at its {@value #USES_BEFORE_TABLE}th verification (until then it is verified
 * as Bouncy Castle does it); at most {@value #CAPACITY} tables are kept (about 270 KB each), and
 * when that many keys have been seen the set starts again empty, which costs at most a rebuild per
 * key. Keys are told apart by their uncompressed encoding, so two certificate objects of one key
 * share a table. The base point's table, which every verification uses, is built at the first
 * verification with a key table. Thread-safe.
 *
 * <p>Why so many uses first: a signature is verified before anyone knows whether its certificate
 * is trusted, so anyone can make a key verify. Building a table costs about as much as 60
 * verifications; after {@value #USES_BEFORE_TABLE} verifications of one key, a sender who brings
 * new keys to force new tables (or to push the real signers' tables out) makes the node do at most
 * about twice the work his requests cost anyway, while a real signer, with thousands of
 * signatures, loses nothing.
 */
final class SignerTables {

    static final int CAPACITY = 64;
    static final int USES_BEFORE_TABLE = 64;

    /** A key's verifications so far and, once it has verified often enough, its table. */
    private static final class Signer {
        private final AtomicInteger uses = new AtomicInteger();
        private volatile PointMultiples table;
    }

    private final ConcurrentHashMap<ByteBuffer, Signer> signers = new ConcurrentHashMap<>();
    private final EcCurve curve;
    private volatile PointMultiples base;

    /** Tables for keys of {@code curve}. */
    SignerTables(EcCurve curve) {
        this.curve = curve;
    }

    /** The table of the curve's base point. */
    PointMultiples base() {
        PointMultiples built = base;
        if (built == null) {
            synchronized (this) {
                if (base == null) {
                    base = PointMultiples.of(curve.domain().getG());
                }
                built = base;
            }
        }
        return built;
    }

    /**
     * The table of {@code key} (a point of this curve, from any of Bouncy Castle's curve objects),
     * or {@code null} while the key has verified fewer than {@value #USES_BEFORE_TABLE} signatures;
     * counts this use.
     */
    PointMultiples tableFor(ECPoint publicKey) {
        // tables of one curve object add up with the base point's
        ECPoint key = curve.domain().getCurve().importPoint(publicKey);
        ByteBuffer encoded = ByteBuffer.wrap(key.getEncoded(false));
        Signer signer = signers.get(encoded);
        if (signer == null) {
            if (signers.size() >= CAPACITY) {
                signers.clear();
            }
            signer = signers.computeIfAbsent(encoded, k -> new Signer());
        }
        PointMultiples table = signer.table;
        if (table != null || signer.uses.incrementAndGet() < USES_BEFORE_TABLE) {
            return table;
        }
        synchronized (signer) {
            if (signer.table == null) {
                signer.table = PointMultiples.of(key);
            }
            return signer.table;
        }
    }

    /** Whether {@code key} has its table (for tests; does not count as a use). */
    boolean hasTable(ECPoint publicKey) {
        Signer signer = signers.get(ByteBuffer.wrap(publicKey.getEncoded(false)));
        return signer != null && signer.table != null;
    }

    /** The number of keys seen (for tests). */
    int size() {
        return signers.size();
    }
}
