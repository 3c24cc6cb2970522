package org.qcchain.ledger.embedded;

import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The part of a verification that needs no replayed state, run ahead of the replay on a thread of
 * its own ({@code qcchain-verify-reader}) with a database connection of its own, outside the pool
 * (a verification holding a pooled connection must never wait for a second one): reads each block,
 * its frame and its transactions, and checks the frame against the database, the hash chain, the
 * block and proposal signatures, the transactions' lookup keys and the membership updates. The
 * replay takes the blocks in order ({@link #next}); a finding of the reader at block n reaches it
 * only after blocks before n replayed clean, and within a block the reader's checks come before
 * the replay's, as when one thread did both, so the first bad block named is the same. (On two
 * cores the reader and the replay each took about half of a verification's time.) Committed
 * blocks never change, so the reader's snapshot, taken after the replay's, holds the same blocks
 * below the height the replay's snapshot gave.
 */
final class ChainReader implements AutoCloseable {

    /** How many checked blocks may wait for the replay. */
    private static final int AHEAD = 8;
    private static final long POLL_MILLIS = 100;

    /**
     * A block read and checked, with the membership in force for its transactions; or, in place of
     * the next block, why reading stopped.
     */
    record Checked(long number, List<TransactionRecord> transactions, ChannelMembership membership,
            Throwable failure) {

        /** In place of the next block: why reading stopped. */
        static Checked failed(long number, Throwable failure) {
            return new Checked(number, null, null, failure);
        }
    }

    private final Database database;
    private final BlockReader reader;
    private final GenesisConfig genesis;
    private final PublicKey nodeKey;
    private final long height;
    private final BlockingQueue<Checked> ready = new ArrayBlockingQueue<>(AHEAD);
    private final Thread thread;
    /** The number of the block {@link #next} hands out next. */
    private long expected;
    private volatile boolean stopped;
    /** What ended the reader early, if anything did. */
    private volatile Throwable failure;

    private ChainReader(Database database, BlockReader reader, GenesisConfig genesis, PublicKey nodeKey,
            long height) {
        this.database = database;
        this.reader = reader;
        this.genesis = genesis;
        this.nodeKey = nodeKey;
        this.height = height;
        this.thread = new Thread(this::run, "qcchain-verify-reader");
        thread.setDaemon(true);
    }

    /** Starts reading blocks 0 to {@code height - 1}. */
    static ChainReader start(Database database, BlockReader reader, GenesisConfig genesis, PublicKey nodeKey,
            long height) {
        ChainReader chain = new ChainReader(database, reader, genesis, nodeKey, height);
        chain.thread.start();
        return chain;
    }

    /**
     * The next block, checked.
     *
     * @throws LedgerTamperedException if the reader found the block does not match
     */
    Checked next() throws LedgerTamperedException {
        Checked checked;
        try {
            do {
                checked = ready.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (checked == null && !thread.isAlive() && ready.isEmpty()) {
                    checked = Checked.failed(-1, failure != null ? failure
                            : new LedgerException("the verification's block reader stopped without a word"));
                }
            } while (checked == null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException("interrupted while verifying", e);
        }
        Throwable problem = checked.failure();
        if (problem instanceof LedgerTamperedException tampered) {
            throw tampered;
        }
        if (problem instanceof RuntimeException e) {
            throw e;
        }
        if (problem instanceof Error e) {
            throw e;
        }
        if (problem != null) {
            throw new LedgerException("verification failed: " + problem.getMessage(), problem);
        }
        if (checked.number() != expected) {
            throw new LedgerException("the verification's block reader handed over block " + checked.number()
                    + " for block " + expected);
        }
        expected++;
        return checked;
    }

    /**
     * Stops the reader and waits for it. It is told, never interrupted: an interrupt during H2's
     * file I/O closes H2's file channel.
     */
    @Override
    public void close() {
        stopped = true;
        Joins.uninterruptibly(thread);
    }

    private void run() {
        try {
            database.readOnOwnConnection(connection -> {
                walk(connection);
                return null;
            });
        } catch (RuntimeException | Error e) {
            // kept first: handing it over may itself fail (out of memory), and next() looks here then
            failure = e;
            hand(Checked.failed(-1, e));
        }
    }

    private void walk(Connection connection) throws SQLException {
        ChainCheck chain = new ChainCheck(genesis.suite(), nodeKey,
                new ProposalVerifier(genesis.suite(), genesis.channel(), genesis.chaincode(), nodeKey,
                        new StageClock()));
        ConfigCheck configs = new ConfigCheck(genesis.channel(), genesis.suite(), nodeKey);
        ChannelMembership membership = genesis.membership();
        byte[] previousHash = new byte[32];
        long fileEnd = BlockFile.START;
        try {
            long framesFrom = framesFrom(connection);
            for (long number = 0; number < height && !stopped; number++) {
                Block block = readBlock(connection, number);
                if (number == 0 && !block.genesis().equals(Optional.of(genesis))) {
                    throw new LedgerTamperedException(0, "the genesis configuration changed");
                }
                BlockFrame frame = number < framesFrom ? null : frameAt(number, fileEnd);
                BlockReader.Layout layout = BlockReader.layout(connection, number);
                if (frame != null) {
                    checkFrameEntries(number, frame, layout);
                }
                fileEnd = checkEntries(number, layout, frame == null ? fileEnd : fileEnd + frame.headSize());
                List<TransactionRecord> txs = readTransactions(connection, number);
                chain.check(block, txs, previousHash);
                if (frame != null) {
                    // after the chain check, which names an edited header or signature more precisely
                    checkFrameHeader(block, frame);
                }
                // after the chain check: an edited id is reported there, as not the block file's
                checkLookupKeys(connection, number);
                membership = nextMembership(block, membership, configs);
                previousHash = HexFormat.of().parseHex(block.hash());
                hand(new Checked(number, txs, membership, null));
            }
        } catch (LedgerTamperedException e) {
            hand(Checked.failed(e.blockNumber(), e));
        }
    }

    /** Queues an item for the replay, unless the replay has stopped listening. */
    private void hand(Checked checked) {
        try {
            while (!stopped && !ready.offer(checked, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                // the replay is behind: wait for room
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ChannelMembership nextMembership(Block block, ChannelMembership current, ConfigCheck configs)
            throws LedgerTamperedException {
        if (block.config().isEmpty()) {
            return current;
        }
        try {
            return configs.apply(block.config().get(), current);
        } catch (ProposalRejectedException e) {
            throw new LedgerTamperedException(block.number(), "the config update does not apply: " + e.getMessage());
        }
    }

    private static Block readBlock(Connection connection, long number) throws SQLException, LedgerTamperedException {
        try {
            return BlockReader.block(connection, number)
                    .orElseThrow(() -> new LedgerTamperedException(number, "is missing"));
        } catch (RuntimeException e) {
            throw new LedgerTamperedException(number, "cannot be read: " + e.getMessage());
        }
    }

    /** The first block the block file holds as a frame (blocks before it were written unframed). */
    private static long framesFrom(Connection connection) throws SQLException, LedgerTamperedException {
        OptionalLong framesFrom = StorageUpgrade.framesFrom(connection);
        if (framesFrom.isEmpty()) {
            throw new LedgerTamperedException(0, "the ledger does not record which blocks are framed in "
                    + BlockFile.NAME);
        }
        return framesFrom.getAsLong();
    }

    /**
     * A framed block's frame, which must start where the previous block ended: then with {@link
     * #checkFrameEntries} and {@link #checkFrameHeader} the block file alone holds the same chain
     * as the database.
     */
    private BlockFrame frameAt(long number, long previousEnd) throws LedgerTamperedException {
        return reader.frameHeadAt(previousEnd).orElseThrow(() -> new LedgerTamperedException(number,
                "no whole frame in " + BlockFile.NAME + " where the previous block ends"));
    }

    /** The frame lists the entries the database points to (their places are checked next). */
    private static void checkFrameEntries(long number, BlockFrame frame, BlockReader.Layout layout)
            throws LedgerTamperedException {
        if (frame.number() != number || !Arrays.equals(frame.entryLengths(), layout.lengths())) {
            throw new LedgerTamperedException(number, "its frame in " + BlockFile.NAME + " is not of this block or"
                    + " lists other entries than the database");
        }
    }

    /** The frame holds the header bytes and signature the database holds. */
    private static void checkFrameHeader(Block block, BlockFrame frame) throws LedgerTamperedException {
        if (!frame.holds(block)) {
            throw new LedgerTamperedException(block.number(), "its frame in " + BlockFile.NAME + " does not hold the"
                    + " header and signature the database holds");
        }
    }

    /**
     * The block's entries follow one another in the block file from {@code first} to where the
     * block says it ends: then every byte of the file up to the last block is a frame head checked
     * above or an entry that is read, checksummed and hashed below. Returns this block's end.
     * (Blocks written before frames start their entries where the previous block ended.)
     */
    private static long checkEntries(long number, BlockReader.Layout layout, long first)
            throws LedgerTamperedException {
        long position = first;
        for (int i = 0; i < layout.offsets().length; i++) {
            if (layout.offsets()[i] != position) {
                throw new LedgerTamperedException(number, "transaction " + i + " is not where the previous entry of "
                        + BlockFile.NAME + " ends");
            }
            position += layout.lengths()[i];
        }
        if (layout.end() != position) {
            throw new LedgerTamperedException(number, "its entries in " + BlockFile.NAME + " end at " + position
                    + ", not at " + layout.end() + " as recorded");
        }
        return position;
    }

    /** Each transaction row's lookup key must be its id's: a lookup by id would miss the row otherwise. */
    private static void checkLookupKeys(Connection connection, long number)
            throws SQLException, LedgerTamperedException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT tx_no, tx_id, tx_key FROM transactions WHERE block_no = ? ORDER BY tx_no")) {
            select.setLong(1, number);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    if (row.getLong(3) != TransactionKeys.of(row.getString(2))) {
                        throw new LedgerTamperedException(number, "transaction " + row.getInt(1)
                                + " is indexed under another id's lookup key");
                    }
                }
            }
        }
    }

    private List<TransactionRecord> readTransactions(Connection connection, long number)
            throws SQLException, LedgerTamperedException {
        try {
            return reader.transactions(connection, number);
        } catch (RuntimeException e) {
            throw new LedgerTamperedException(number, "a transaction cannot be read: " + e.getMessage());
        }
    }
}
