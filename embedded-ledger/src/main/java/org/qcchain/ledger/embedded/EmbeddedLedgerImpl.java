package org.qcchain.ledger.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.h2.mvstore.MVStore;
import org.qcchain.simulator.ChaincodeRunner;
import org.qcchain.simulator.HistoryEntry;
import org.qcchain.simulator.SimulationResult;
import org.qcchain.simulator.VersionedKeyValue;
import org.qcchain.simulator.VersionedValue;

/** Wires the parts of a ledger together; each part does one job. */
final class EmbeddedLedgerImpl implements EmbeddedLedger {

    private static final Logger LOGGER = Logger.getLogger(EmbeddedLedgerImpl.class.getName());

    private final Database database;
    private final GenesisConfig genesis;
    private final BlockReader reader;
    private final MembershipState membership;
    private final ConfigCheck configCheck;
    private final Endorser endorser;
    private final Committer committer;
    private final BlockWriter writer;
    private final Listeners listeners;
    private final ExecutorService workers;
    private final LedgerVerifier ledgerVerifier;
    /** Loads the keys stored before opening into the filter that spares lookups of new keys. */
    private final Thread keyLoader;
    private final StageClock clock = new StageClock();
    /** Submissions accepted but not yet queued for a block or answered: the committer cuts early at 0. */
    private final AtomicInteger endorsing = new AtomicInteger();
    private final DatabaseFlusher flusher;
    private final SpaceReclaimer reclaimer;
    private final boolean readOnly;
    private volatile boolean closed;

    private EmbeddedLedgerImpl(Path folder, LedgerOptions options, Database database, BlockSealer sealer,
            Bootstrap.Tip tip) throws SQLException {
        this.database = database;
        this.reader = new BlockReader(options.chaincode(), tip.blockFile());
        this.genesis = tip.genesis();
        ProposalVerifier verifier = new ProposalVerifier(options.suite(), options.channel(), options.chaincode(),
                options.nodeIdentity().certificate().getPublicKey(), clock);
        this.membership = new MembershipState(tip.membership());
        this.configCheck = new ConfigCheck(options.channel(), options.suite(),
                options.nodeIdentity().certificate().getPublicKey());
        ChaincodeRunner runner = options.runner()
                .orElseGet(() -> ChaincodeRunner.forContractsOnClasspath(options.chaincode()));
        this.listeners = new Listeners();
        StateCache cache = new StateCache(StateCache.DEFAULT_CAPACITY, StateCache.DEFAULT_ADMISSION_WINDOW,
                tip.height() - 1);
        StoredKeys storedKeys = new StoredKeys();
        this.writer = new BlockWriter(options.syncEachBlock(), options.databaseStoreInterval(), tip.blockFile(),
                StateChanges.load(database.writer(), storedKeys), cache);
        Set<String> inFlight = ConcurrentHashMap.newKeySet();
        CommittedIds committedIds = database.read(CommittedIds::load);
        this.committer = new Committer(database.writer(), new BlockValidator(committedIds, cache, storedKeys), sealer, writer,
                new Committer.Limits(options.maxBlockTransactions(), options.blockTimeout(), options.cutWhenIdle()), inFlight, endorsing, membership,
                configCheck, tip, clock, committedIds, committed -> listeners.dispatch(Records.committed(committed)));
        this.endorser = new Endorser(verifier, membership, runner, database, inFlight, committer, options.suite(),
                clock, committedIds, cache, storedKeys);
        this.workers = Executors.newFixedThreadPool(options.workers(), namedThreads("qcchain-ledger-worker-"));
        this.ledgerVerifier = new LedgerVerifier(database, reader, genesis,
                new ReplayChoice(folder, options.verifyReplay()));
        MVStore store = Database.mvStore(database.writer());
        this.flusher = new DatabaseFlusher(store);
        this.reclaimer = new SpaceReclaimer(store);
        this.keyLoader = new Thread(() -> loadKeys(storedKeys), "qcchain-ledger-key-loader");
        keyLoader.setDaemon(true);
        this.readOnly = options.readOnly();
        if (!readOnly) {
            // opened to be read only, nothing commits: the threads stay unstarted (stopping them is then a no-op)
            if (options.syncEachBlock()) {
                // without forced blocks nothing waits for a journal commit
                flusher.start();
            }
            reclaimer.start();
            committer.start();
            keyLoader.start();
        }
    }

    /** Fills the stored-key filter from a snapshot; the ledger works (with more lookups) meanwhile. */
    private void loadKeys(StoredKeys storedKeys) {
        try {
            database.read(connection -> storedKeys.load(connection, () -> closed));
        } catch (LedgerException e) {
            if (!closed) {
                // every key stays "maybe": correct, only slower
                LOGGER.log(Level.WARNING, "could not load the stored state keys: " + e.getMessage(), e);
            }
        }
    }

    static EmbeddedLedger open(Path folder, LedgerOptions options) {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(options, "options");
        if (options.readOnly()) {
            if (!exists(folder)) {
                throw new LedgerException("no ledger in " + folder + " to read (neither "
                        + Database.file(folder).getFileName() + " nor " + BlockFile.NAME + ")");
            }
        } else {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new LedgerException("cannot create the ledger folder " + folder, e);
            }
        }
        boolean hadDatabase = Files.exists(Database.file(folder));
        // the committer's connection, one per worker, and two for queries and verification
        Database database = Database.open(folder, options.workers() + 2);
        Bootstrap.Tip tip = null;
        try {
            BlockSealer sealer = new BlockSealer(options.nodeIdentity());
            tip = Bootstrap.openOrCreate(database.writer(), folder, options, sealer);
            return new EmbeddedLedgerImpl(folder, options, database, sealer, tip);
        } catch (SQLException | RuntimeException e) {
            if (tip != null) {
                tip.blockFile().close();
            }
            database.close();
            if (options.readOnly() && !hadDatabase) {
                // a refused read-only opening leaves the folder as it found it
                deleteQuietly(Database.file(folder));
            }
            if (e instanceof LedgerException ledgerException) {
                throw ledgerException;
            }
            throw new LedgerException("cannot open the ledger in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "could not remove " + file + ": " + e.getMessage(), e);
        }
    }

    /** See {@link EmbeddedLedger#exists}. */
    static boolean exists(Path folder) {
        return Files.isRegularFile(Database.file(folder)) || Files.isRegularFile(folder.resolve(BlockFile.NAME));
    }

    @Override
    public CompletableFuture<CommitResult> submit(SignedProposal proposal) {
        Objects.requireNonNull(proposal, "proposal");
        CompletableFuture<CommitResult> result = new CompletableFuture<>();
        if (closed || readOnly) {
            result.completeExceptionally(notWritable());
            return result;
        }
        endorsing.incrementAndGet();
        try {
            workers.execute(() -> {
                try {
                    endorser.endorse(proposal, result);
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                } finally {
                    // after the transaction is queued (or answered), never before
                    endorsing.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            endorsing.decrementAndGet();
            result.completeExceptionally(new LedgerException("the ledger is closed", e));
        }
        return result;
    }

    @Override
    public EvaluateResult evaluate(SignedProposal proposal) {
        requireOpen();
        SimulationResult simulation = endorser.simulate(endorser.admit(Objects.requireNonNull(proposal, "proposal")));
        return new EvaluateResult(simulation.txId(), simulation.status(), simulation.message(), simulation.payload());
    }

    @Override
    public CompletableFuture<Block> updateMembership(MembershipUpdate update) {
        Objects.requireNonNull(update, "update");
        CompletableFuture<Block> result = new CompletableFuture<>();
        if (closed || readOnly) {
            result.completeExceptionally(notWritable());
            return result;
        }
        try {
            // fail fast; the committer checks again against the membership of the config block
            configCheck.apply(update, membership.current());
        } catch (ProposalRejectedException e) {
            result.completeExceptionally(e);
            return result;
        }
        committer.enqueue(new PendingConfig(update, result));
        return result;
    }

    @Override
    public StageTimings stageTimings() {
        return clock.snapshot();
    }

    @Override
    public ChannelMembership membership() {
        return membership.current();
    }

    @Override
    public long height() {
        return committer.height();
    }

    @Override
    public GenesisConfig genesis() {
        return genesis;
    }

    @Override
    public Optional<VersionedValue> state(String key) {
        requireOpen();
        return database.read(c -> new H2StateStore(c).get(key));
    }

    @Override
    public List<VersionedKeyValue> stateRange(String startKey, String endKey, int limit) {
        requireOpen();
        return database.read(c -> new H2StateStore(c).range(startKey, endKey, limit));
    }

    @Override
    public List<HistoryEntry> history(String key) {
        requireOpen();
        return database.read(c -> new H2StateStore(c).history(key));
    }

    @Override
    public Optional<Block> block(long number) {
        requireOpen();
        return database.read(c -> BlockReader.block(c, number));
    }

    @Override
    public Optional<Block> blockByHash(String hashHex) {
        requireOpen();
        byte[] hash = HexFormat.of().parseHex(Objects.requireNonNull(hashHex, "hashHex"));
        return database.read(c -> BlockReader.blockByHash(c, hash));
    }

    @Override
    public List<TransactionRecord> blockTransactions(long number) {
        requireOpen();
        return database.read(c -> reader.transactions(c, number));
    }

    @Override
    public Optional<TransactionRecord> transaction(String txId) {
        requireOpen();
        return database.read(c -> reader.transaction(c, Objects.requireNonNull(txId, "txId")));
    }

    @Override
    public Subscription addListener(LedgerListener listener) {
        return listeners.add(listener);
    }

    @Override
    public VerificationReport verify(ProgressListener progress) throws LedgerTamperedException {
        requireOpen();
        return ledgerVerifier.verify(Objects.requireNonNull(progress, "progress"));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // endorsements under way still reach the committer, which commits them before stopping
        workers.shutdown();
        try {
            workers.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        committer.stop();
        reclaimer.close();
        flusher.close();
        joinKeyLoader();
        listeners.close();
        writer.close();
        database.close();
    }

    /** Waits until the keys stored before opening are in the filter (or loading gave up); for tests. */
    void awaitStoredKeys() throws InterruptedException {
        keyLoader.join();
    }

    private void joinKeyLoader() {
        try {
            // it sees closed and stops within a few thousand keys
            awaitStoredKeys();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private LedgerException notWritable() {
        return new LedgerException(closed ? "the ledger is closed" : "the ledger is open to be read and verified only");
    }

    private void requireOpen() {
        if (closed) {
            throw new LedgerException("the ledger is closed");
        }
    }

    private static java.util.concurrent.ThreadFactory namedThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
