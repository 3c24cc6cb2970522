package org.qcchain.ledger.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The 64-bit key the {@code transactions} table is indexed by instead of the transaction id: the
 * FNV-1a hash of the id's UTF-8 bytes. A lookup asks for rows with the id's key and the id itself,
 * so two ids with one key (possible, if very unlikely) only cost an extra row read.
 *
 * <p>Why not index the id: transaction ids are random, so every transaction put its index entry at
 * a random place of a large tree, and H2 rewrites each page a commit touches; the id index was a
 * fifth of all bytes H2 wrote per block, and comparing 64-character strings while descending the
 * tree showed in the committer's profile. A long is compared in one instruction and written in
 * eight bytes (docs/performance.md, "Transactions found by a 64-bit key"). The function is part of
 * the storage format: changing it would orphan every stored key.
 */
final class TransactionKeys {

    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private TransactionKeys() {}

    static long of(String txId) {
        long hash = FNV_OFFSET_BASIS;
        for (byte b : txId.getBytes(UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return hash;
    }
}
