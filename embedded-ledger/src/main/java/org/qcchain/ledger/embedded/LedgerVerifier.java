package org.qcchain.ledger.embedded;

import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.Optional;
import org.qcchain.common.crypto.Pem;

/**
 * {@link EmbeddedLedger#verify(ProgressListener)}: walks the chain from block 0 on one consistent
 * snapshot (the ledger keeps committing meanwhile), trusting nothing stored but the node
 * certificate of block 0, and names the first block that does not match. The channel membership
 * is replayed with the chain: block 0's, then each config block's update (checked as the
 * committer checked it), and every transaction's creator is checked against the membership in
 * force at its block.
 */
final class LedgerVerifier {

    private static final long PROGRESS_EVERY = 100;

    private final Database database;
    private final BlockReader reader;
    private final GenesisConfig genesis;
    private final ReplayChoice replayChoice;

    LedgerVerifier(Database database, BlockReader reader, GenesisConfig genesis, ReplayChoice replayChoice) {
        this.database = database;
        this.reader = reader;
        this.genesis = genesis;
        this.replayChoice = replayChoice;
    }

    VerificationReport verify(ProgressListener progress) throws LedgerTamperedException {
        Outcome outcome = database.read(connection -> run(connection, progress));
        if (outcome.tampered() != null) {
            throw outcome.tampered();
        }
        return outcome.report();
    }

    /** Lets the checked exception out of the read job. */
    private record Outcome(VerificationReport report, LedgerTamperedException tampered) {}

    private Outcome run(Connection connection, ProgressListener progress) throws SQLException {
        try {
            return new Outcome(walk(connection, progress), null);
        } catch (LedgerTamperedException e) {
            return new Outcome(null, e);
        }
    }

    private VerificationReport walk(Connection connection, ProgressListener progress)
            throws SQLException, LedgerTamperedException {
        try (ReplayStore store = replayChoice.open(connection)) {
            return walk(connection, progress, new ReplayCheck(store));
        }
    }

    private VerificationReport walk(Connection connection, ProgressListener progress, ReplayCheck replay)
            throws SQLException, LedgerTamperedException {
        long height = BlockReader.height(connection);
        PublicKey nodeKey = nodeCertificate().getPublicKey();
        ChainCheck chain = new ChainCheck(genesis.suite(), nodeKey,
                new ProposalVerifier(genesis.suite(), genesis.channel(), genesis.chaincode(), nodeKey,
                        new StageClock()));
        ConfigCheck configs = new ConfigCheck(genesis.channel(), genesis.suite(), nodeKey);
        ChannelMembership membership = genesis.membership();
        byte[] previousHash = new byte[32];
        long transactions = 0;
        long fileEnd = BlockFile.START;
        long framesFrom = framesFrom(connection);
        for (long number = 0; number < height; number++) {
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
            replay.apply(connection, number, txs, membership);
            previousHash = java.util.HexFormat.of().parseHex(block.hash());
            transactions += txs.size();
            if ((number + 1) % PROGRESS_EVERY == 0 || number + 1 == height) {
                progress.onProgress(number + 1, height);
            }
        }
        long keys = replay.checkState(connection, height);
        return new VerificationReport(height, transactions, replay.validTransactions(), keys,
                replay.historyEntries());
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

    private Block readBlock(Connection connection, long number) throws SQLException, LedgerTamperedException {
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

    private X509Certificate nodeCertificate() {
        try {
            return Pem.parseCertificate(genesis.nodeCertificatePem());
        } catch (CertificateException e) {
            throw new LedgerException("block 0 holds an unreadable node certificate", e);
        }
    }
}
