package org.qcchain.ledger.embedded;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.qcchain.simulator.HistoryEntry;
import org.qcchain.simulator.VersionedKeyValue;
import org.qcchain.simulator.VersionedValue;

/**
 * A single-node ledger in one process: Fabric Java chaincode simulated in-process, transactions
 * validated as a Fabric committer does and cut into hash-chained, Merkle-rooted blocks signed by
 * the node, committed atomically with world state and key history in an H2 file, the bulky
 * transaction data (signed proposals, read/write sets, responses) in an append-only block file
 * forced to disk first.
 *
 * <pre>{@code
 * try (EmbeddedLedger ledger = EmbeddedLedger.open(folder, options)) {
 *     SignedProposal proposal = SignedProposal.builder(bank, "BankMSP")
 *         .channel("qcchain").chaincode("qcchain")
 *         .function("Access:requestAccess").arguments(json).build();
 *     CommitResult result = ledger.submit(proposal).join();   // after the block is durable
 *     if (result.isRetryable()) { ... build a new proposal and submit again ... }
 * }
 * }</pre>
 *
 * <p>Thread-safe: submit from many threads. Signature checks and simulations run on a pool of
 * {@link LedgerOptions#workers()} threads; blocks are committed by one committer thread.
 */
public interface EmbeddedLedger extends AutoCloseable {

    /**
     * Opens the ledger in {@code folder}, creating it (with its genesis block) if it is empty.
     *
     * @throws LedgerException if the database cannot be opened (e.g. another process has it), or
     *     the options contradict the ledger's genesis block (suite, channel, chaincode, node,
     *     genesis membership)
     */
    static EmbeddedLedger open(Path folder, LedgerOptions options) {
        return EmbeddedLedgerImpl.open(folder, options);
    }

    /**
     * Whether {@code folder} holds a ledger: its database, or its block file alone (the database
     * is then made again from it when the ledger opens).
     */
    static boolean exists(Path folder) {
        return EmbeddedLedgerImpl.exists(folder);
    }

    /**
     * Submits a transaction: verifies its signature, simulates it, and orders it into a block.
     *
     * @return completes once the transaction's block is durably committed (or at once if the
     *     proposal is refused before ordering), with the {@link ValidationCode}; completes
     *     exceptionally with a {@link LedgerException} only if the ledger itself failed or closed
     */
    CompletableFuture<CommitResult> submit(SignedProposal proposal);

    /**
     * Runs a query against the latest committed state; nothing is ordered or written.
     *
     * @throws ProposalRejectedException if the proposal is malformed or badly signed, or its
     *     creator is not a member ({@link ValidationCode#CREATOR_NOT_MEMBER}, {@link
     *     ValidationCode#CREATOR_CERTIFICATE_EXPIRED})
     */
    EvaluateResult evaluate(SignedProposal proposal);

    /**
     * Adds an organisation to the channel membership, or replaces its CA certificates, with a
     * config block of its own; proposals are checked against the new membership from the next
     * block on.
     *
     * @param update signed by the node identity of block 0, for sequence {@code
     *     membership().sequence() + 1}
     * @return completes with the config block once it is durable; exceptionally with a {@link
     *     ProposalRejectedException} ({@link ValidationCode#BAD_CONFIG_UPDATE}) if the update may
     *     not follow the membership in force, or a {@link LedgerException} if the ledger failed
     */
    CompletableFuture<Block> updateMembership(MembershipUpdate update);

    /** The channel membership in force: block 0's, changed by every config block since. */
    ChannelMembership membership();

    /** The number of committed blocks, the genesis block included. */
    long height();

    /** The genesis configuration: channel, chaincode, suite, node certificate, genesis membership. */
    GenesisConfig genesis();

    /** The committed value of a key. */
    Optional<VersionedValue> state(String key);

    /** Committed keys in {@code [startKey, endKey)} in Fabric's key order; {@code ""} = no end. */
    List<VersionedKeyValue> stateRange(String startKey, String endKey, int limit);

    /** Every committed change of a key, newest first. */
    List<HistoryEntry> history(String key);

    /** A block by number. */
    Optional<Block> block(long number);

    /** A block by its hash, 64 hex characters. */
    Optional<Block> blockByHash(String hashHex);

    /** The transactions of a block, in order. */
    List<TransactionRecord> blockTransactions(long number);

    /** An ordered transaction with its validation code and block number. */
    Optional<TransactionRecord> transaction(String txId);

    /** The time spent in each {@link Stage} since the ledger was opened: an always-on profile. */
    StageTimings stageTimings();

    /** Registers a listener for blocks committed from now on. */
    Subscription addListener(LedgerListener listener);

    /**
     * Checks the whole ledger: every block hash, link, Merkle root and node signature, every
     * config block's update, every transaction's hash, proposal signature, creator membership (in
     * the membership of its block) and validation code, and the world state and key history
     * against a replay of the valid write sets.
     *
     * @param progress hears how far it has come
     * @return what was checked
     * @throws LedgerTamperedException naming the first block that does not match
     */
    VerificationReport verify(ProgressListener progress) throws LedgerTamperedException;

    /** Commits what is queued, then stops the threads and closes the database. */
    @Override
    void close();
}
