package org.qcchain.ledger.embedded;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.simulator.ChaincodeRunner;

/**
 * How to open an {@link EmbeddedLedger}. Suite, channel, chaincode, node identity and the genesis
 * channel membership are fixed when the ledger is created (block 0 records them) and must be the
 * same on every later opening (the membership then changes only through config blocks, see {@link
 * EmbeddedLedger#updateMembership}); block size, timeout and workers may change between openings.
 *
 * <pre>{@code
 * LedgerOptions options = LedgerOptions.builder()
 *     .suite(CryptoSuite.SM2_SM3)
 *     .nodeIdentity(nodeIdentity)                  // signs every block
 *     .channel("qcchain").chaincode("qcchain")
 *     .membership(ChannelMembership.builder()
 *         .organisation("BureauMSP", bureauCaPem).organisation("BankMSP", bankCaPem).build())
 *     .maxBlockTransactions(200).blockTimeout(Duration.ofMillis(20))
 *     .build();
 * }</pre>
 */
public final class LedgerOptions {

    /**
     * How often H2 stores the ledger's committed pages by default: every 100 ms. Storing at every
     * block's commit (and forcing H2's file) was the largest part of the committer's time; storing
     * every 100 ms writes each hot page once for many blocks (docs/performance.md).
     */
    public static final Duration DEFAULT_DATABASE_STORE_INTERVAL = Duration.ofMillis(100);

    private final CryptoSuite suite;
    private final Identity nodeIdentity;
    private final String channel;
    private final String chaincode;
    private final ChannelMembership membership;
    private final int maxBlockTransactions;
    private final Duration blockTimeout;
    private final int workers;
    private final boolean syncEachBlock;
    private final Duration databaseStoreInterval;
    private final boolean cutWhenIdle;
    private final ChaincodeRunner runner;
    private final ReplayPlace verifyReplay;
    private final boolean readOnly;

    /**
     * Where {@link EmbeddedLedger#verify} keeps what its replay of the chain must remember (the
     * latest write of every state key, every transaction id), which grows with the ledger.
     */
    public enum ReplayPlace {
        /** On the heap if the ledger's estimated need is at most half the heap free, else in a file. */
        AUTO,
        /** On the heap: the fastest, ~500–600 bytes per state key; a ledger too large runs out of memory. */
        HEAP,
        /**
         * In a temporary file of the ledger's folder with a bounded cache: any size of ledger in a
         * small heap, at the cost of speed and disk space while it runs.
         */
        FILE
    }

    private LedgerOptions(Builder builder) {
        this.suite = builder.suite;
        this.nodeIdentity = builder.nodeIdentity;
        this.channel = builder.channel;
        this.chaincode = builder.chaincode;
        this.membership = builder.membership;
        this.maxBlockTransactions = builder.maxBlockTransactions;
        this.blockTimeout = builder.blockTimeout;
        this.workers = builder.workers;
        this.syncEachBlock = builder.syncEachBlock;
        this.databaseStoreInterval = builder.databaseStoreInterval;
        this.cutWhenIdle = builder.cutWhenIdle;
        this.runner = builder.runner;
        this.verifyReplay = builder.verifyReplay;
        this.readOnly = builder.readOnly;
    }

    /** A builder with defaults: 100 transactions or 20 ms per block, one worker per core. */
    public static Builder builder() {
        return new Builder();
    }

    /** The suite of every hash and signature. */
    public CryptoSuite suite() {
        return suite;
    }

    /** The node's certificate and key, which sign blocks. */
    public Identity nodeIdentity() {
        return nodeIdentity;
    }

    /** The channel name proposals must carry. */
    public String channel() {
        return channel;
    }

    /** The chaincode name proposals must carry. */
    public String chaincode() {
        return chaincode;
    }

    /** The genesis channel membership: who may submit and evaluate. */
    public ChannelMembership membership() {
        return membership;
    }

    /** The most transactions in one block. */
    public int maxBlockTransactions() {
        return maxBlockTransactions;
    }

    /**
     * How long the oldest transaction of a block may wait, from when it was queued, for more before
     * the block is cut.
     */
    public Duration blockTimeout() {
        return blockTimeout;
    }

    /** Threads that verify signatures and simulate. */
    public int workers() {
        return workers;
    }

    /**
     * One worker per core but one, and at least one. The committer is the ledger's one serial
     * thread and H2 serialises a block's pages on threads of its own while the committer waits:
     * with as many workers as cores they queue behind the workers and every block takes longer.
     * Measured on two cores: one worker gave about 10 % more commits per second than two, at a
     * lower p99 and less CPU per transaction (docs/performance.md).
     */
    public static int defaultWorkers() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /**
     * Whether a block is cut before its timeout as soon as nothing is queued and no endorsement is
     * under way (nothing more can come soon), instead of always waiting out {@link #blockTimeout()}.
     */
    public boolean cutWhenIdle() {
        return cutWhenIdle;
    }

    /**
     * Whether each block is forced to the disk (an fsync of its frame in the block file) before it
     * is committed and acknowledged, not only handed to the OS.
     */
    public boolean syncEachBlock() {
        return syncEachBlock;
    }

    /**
     * How long H2 may keep committed blocks' pages in memory before it stores them (the committer
     * has it store between blocks at most this often). Blocks are durable without it (the block
     * file holds them, forced); a crash loses at most about this much of H2's copy, which the next
     * opening replays from the block file. Longer means fewer, larger writes and more to replay
     * after a crash.
     */
    public Duration databaseStoreInterval() {
        return databaseStoreInterval;
    }

    /** The runner to use instead of scanning the classpath, if given. */
    public Optional<ChaincodeRunner> runner() {
        return Optional.ofNullable(runner);
    }

    /** Where a verification keeps its replay of the chain; default {@link ReplayPlace#AUTO}. */
    public ReplayPlace verifyReplay() {
        return verifyReplay;
    }

    /**
     * Whether the ledger is opened to be read and verified only; default false. Such an opening
     * adds nothing to the chain: {@link EmbeddedLedger#submit} and {@link
     * EmbeddedLedger#updateMembership} fail, and neither the committer nor the threads that keep
     * H2's file (its flusher, the space reclaimer) or the stored-key filter run. It still brings
     * H2's copy of the chain up to the block file after a crash, as every opening does, since that
     * copy is what is read; and it refuses a folder without a ledger instead of creating one.
     */
    public boolean readOnly() {
        return readOnly;
    }

    /** Builds {@link LedgerOptions}; every setter rejects {@code null} at once. */
    public static final class Builder {
        private CryptoSuite suite;
        private Identity nodeIdentity;
        private String channel;
        private String chaincode;
        private ChannelMembership membership;
        private int maxBlockTransactions = 100;
        private Duration blockTimeout = Duration.ofMillis(20);
        private int workers = defaultWorkers();
        private boolean syncEachBlock = true;
        private Duration databaseStoreInterval = DEFAULT_DATABASE_STORE_INTERVAL;
        private boolean cutWhenIdle = true;
        private ChaincodeRunner runner;
        private ReplayPlace verifyReplay = ReplayPlace.AUTO;
        private boolean readOnly;

        private Builder() {}

        /** Opens the ledger to be read and verified only (see {@link LedgerOptions#readOnly()}). */
        public Builder readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        /** Where a verification keeps its replay of the chain; default {@link ReplayPlace#AUTO}. */
        public Builder verifyReplay(ReplayPlace verifyReplay) {
            this.verifyReplay = Objects.requireNonNull(verifyReplay, "verifyReplay");
            return this;
        }

        /** The crypto suite; required. */
        public Builder suite(CryptoSuite suite) {
            this.suite = Objects.requireNonNull(suite, "suite");
            return this;
        }

        /** The node's identity, of the same suite; required. */
        public Builder nodeIdentity(Identity nodeIdentity) {
            this.nodeIdentity = Objects.requireNonNull(nodeIdentity, "nodeIdentity");
            return this;
        }

        /** The channel name; required. */
        public Builder channel(String channel) {
            this.channel = Objects.requireNonNull(channel, "channel");
            return this;
        }

        /** The chaincode name; required. */
        public Builder chaincode(String chaincode) {
            this.chaincode = Objects.requireNonNull(chaincode, "chaincode");
            return this;
        }

        /**
         * The organisations whose members may submit and evaluate, with their CAs; required.
         * Recorded in block 0 when the ledger is created; a later opening must give the same.
         */
        public Builder membership(ChannelMembership membership) {
            this.membership = Objects.requireNonNull(membership, "membership");
            return this;
        }

        /** The most transactions per block, at least 1; default 100. */
        public Builder maxBlockTransactions(int maxBlockTransactions) {
            if (maxBlockTransactions < 1) {
                throw new IllegalArgumentException("maxBlockTransactions must be at least 1, not "
                        + maxBlockTransactions);
            }
            this.maxBlockTransactions = maxBlockTransactions;
            return this;
        }

        /** How long a block waits to fill, positive; default 20 ms. */
        public Builder blockTimeout(Duration blockTimeout) {
            Objects.requireNonNull(blockTimeout, "blockTimeout");
            if (blockTimeout.isNegative() || blockTimeout.isZero()) {
                throw new IllegalArgumentException("blockTimeout must be positive, not " + blockTimeout);
            }
            this.blockTimeout = blockTimeout;
            return this;
        }

        /** Signature and simulation threads, at least 1; default {@link LedgerOptions#defaultWorkers()}. */
        public Builder workers(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be at least 1, not " + workers);
            }
            this.workers = workers;
            return this;
        }

        /** Whether to fsync each block; default true. Turn off only for throwaway ledgers. */
        public Builder syncEachBlock(boolean syncEachBlock) {
            this.syncEachBlock = syncEachBlock;
            return this;
        }

        /**
         * How long H2 may hold committed pages before storing them, from 1 ms to 10 minutes;
         * default {@link LedgerOptions#DEFAULT_DATABASE_STORE_INTERVAL} (see {@link
         * LedgerOptions#databaseStoreInterval()}).
         */
        public Builder databaseStoreInterval(Duration databaseStoreInterval) {
            Objects.requireNonNull(databaseStoreInterval, "databaseStoreInterval");
            if (databaseStoreInterval.toMillis() < 1 || databaseStoreInterval.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("databaseStoreInterval must be from 1 ms to 10 minutes, not "
                        + databaseStoreInterval);
            }
            this.databaseStoreInterval = databaseStoreInterval;
            return this;
        }

        /**
         * Whether to cut a block early once nothing is queued and no endorsement is under way;
         * default true. With false, a block waits out its timeout unless it fills (Fabric's batch
         * timeout), which only adds latency under a closed load, but makes grouping predictable.
         */
        public Builder cutWhenIdle(boolean cutWhenIdle) {
            this.cutWhenIdle = cutWhenIdle;
            return this;
        }

        /** A runner built already (building one scans the classpath, which is slow). */
        public Builder runner(ChaincodeRunner runner) {
            this.runner = Objects.requireNonNull(runner, "runner");
            return this;
        }

        /**
         * The options.
         *
         * @throws NullPointerException naming a missing required option
         * @throws IllegalArgumentException if the node identity or a membership CA is not of the
         *     suite, a name is blank, or the runner runs another chaincode
         */
        public LedgerOptions build() {
            Objects.requireNonNull(suite, "suite");
            Objects.requireNonNull(nodeIdentity, "nodeIdentity");
            Objects.requireNonNull(membership, "membership");
            membership.requireSuite(suite);
            requireText(Objects.requireNonNull(channel, "channel"), "channel");
            requireText(Objects.requireNonNull(chaincode, "chaincode"), "chaincode");
            if (nodeIdentity.suite() != suite) {
                throw new IllegalArgumentException("nodeIdentity is of suite " + nodeIdentity.suite()
                        + " but the ledger's suite is " + suite);
            }
            if (runner != null && !runner.chaincodeName().equals(chaincode)) {
                throw new IllegalArgumentException("runner runs chaincode '" + runner.chaincodeName()
                        + "' but the ledger's chaincode is '" + chaincode + "'");
            }
            return new LedgerOptions(this);
        }

        private static void requireText(String value, String name) {
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
        }
    }
}
