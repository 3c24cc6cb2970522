package org.qcchain.ledger.embedded;

/**
 * What {@link EmbeddedLedger#verify(ProgressListener)} checked on an intact ledger.
 *
 * @param height the number of blocks verified, the genesis block included
 * @param transactions ordered transactions whose hash, signature and validation code were checked
 * @param validTransactions of those, the valid ones whose writes were replayed
 * @param stateKeys keys of the world state compared with the replay
 * @param historyEntries key-history rows compared with the replay
 */
public record VerificationReport(long height, long transactions, long validTransactions,
        long stateKeys, long historyEntries) {}
