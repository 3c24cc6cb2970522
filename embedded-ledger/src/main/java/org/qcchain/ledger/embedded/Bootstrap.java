package org.qcchain.ledger.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.qcchain.common.crypto.Pem;

/**
 * Opens a ledger's storage: creates the tables, the block file and block 0 on first use;
 * afterwards refuses options that contradict what block 0 recorded (format version, suite,
 * channel, chaincode, node certificate, genesis membership), since every later block and signature
 * depends on them, and storage formats before 4 (formats 4 and 5 are upgraded in place); opens
 * the block file at the end H2 recorded and replays into H2 the blocks it holds beyond that end
 * (those a crash caught before H2 stored them), cutting off a tail the crash tore; then replays the
 * config blocks to find the membership in force.
 */
final class Bootstrap {

    private static final Logger LOGGER = Logger.getLogger(Bootstrap.class.getName());
    /** Room beyond a block 0's header in its frame: a DER signature (at most 72 bytes) and a longer timestamp. */
    private static final int GENESIS_FRAME_SLACK = 128;

    /**
     * Where the chain ends: the next block number, the hash to link it to, the membership in force,
     * and the block file, open for appending.
     */
    record Tip(long height, byte[] hash, GenesisConfig genesis, ChannelMembership membership, BlockFile blockFile) {}

    /** The oldest storage format {@link StorageUpgrade} turns into the current one. */
    static final int OLDEST_UPGRADABLE_STORAGE_FORMAT = 4;

    private Bootstrap() {}

    static Tip openOrCreate(Connection connection, Path folder, LedgerOptions options, BlockSealer sealer)
            throws SQLException {
        boolean hasTables = StorageUpgrade.tableExists(connection, "LEDGER_META");
        Optional<String> suite = hasTables ? meta(connection, "suite") : Optional.empty();
        if (suite.isEmpty()) {
            // tables an earlier opening made without committing block 0 are empty: give them today's layout
            if (StorageUpgrade.tableExists(connection, "TRANSACTIONS")) {
                StorageUpgrade.reshape(connection);
            }
            Schema.create(connection);
            connection.commit();
            // a database lost (or one that never stored block 0) is made again from the block file
            if (!GenesisFromBlockFile.restore(connection, folder, largestGenesisFrame(options))) {
                if (options.readOnly()) {
                    throw new LedgerException("no ledger in " + folder + " to read: neither its database nor "
                            + BlockFile.NAME + " holds a block 0");
                }
                return createGenesis(connection, folder, options, sealer);
            }
            suite = meta(connection, "suite");
        }
        String format = meta(connection, "formatVersion").orElse("1");
        if (!format.equals(Integer.toString(GenesisConfig.FORMAT_VERSION))) {
            throw new LedgerException("the ledger has format version " + format + "; this code reads version "
                    + GenesisConfig.FORMAT_VERSION + " (with a channel membership); rebuild it");
        }
        String storage = meta(connection, "storageFormat").orElse("1");
        int storageFormat = storage.matches("[0-9]{1,3}") ? Integer.parseInt(storage) : -1;
        boolean upgradable = storageFormat >= OLDEST_UPGRADABLE_STORAGE_FORMAT
                && storageFormat < Schema.STORAGE_FORMAT;
        if (storageFormat != Schema.STORAGE_FORMAT && !upgradable) {
            throw new LedgerException("the ledger has storage format " + storage + "; this code reads storage"
                    + " format " + Schema.STORAGE_FORMAT + " (blocks framed in " + BlockFile.NAME + ", a key's"
                    + " latest write in state and only superseded writes in history) and upgrades formats "
                    + OLDEST_UPGRADABLE_STORAGE_FORMAT + " to " + (Schema.STORAGE_FORMAT - 1) + " into it"
                    + "; rebuild it, its blocks cannot be read in place");
        }
        if (!suite.get().equals(options.suite().name())) {
            throw new LedgerException("the ledger was created with suite " + suite.get()
                    + "; it cannot be opened with " + options.suite());
        }
        GenesisConfig genesis = BlockReader.block(connection, 0).flatMap(Block::genesis)
                .orElseThrow(() -> new LedgerException("the ledger has no genesis block"));
        check("channel", genesis.channel(), options.channel());
        check("chaincode", genesis.chaincode(), options.chaincode());
        if (!sameCertificate(genesis.nodeCertificatePem(), options.nodeIdentity().certificate())) {
            throw new LedgerException("the node identity is not the one block 0 names; blocks it signs would not"
                    + " verify");
        }
        if (!genesis.membership().equals(options.membership())) {
            throw new LedgerException("the ledger's genesis membership is " + genesis.membership().mspIds()
                    + " with their CA certificates, not the membership given " + options.membership().mspIds()
                    + "; it changes only through config blocks");
        }
        // only a ledger this node may open is upgraded
        if (upgradable) {
            StorageUpgrade.upgrade(connection, folder, storageFormat);
        }
        Schema.create(connection);
        connection.commit();
        StoredTip stored = storedTip(connection);
        BlockFile blockFile = BlockFile.open(folder, stored.fileEnd());
        try {
            checkLastStoredBlock(connection, blockFile, stored.height() - 1);
            BlockReplay.Tip tip = new BlockReplay(options.suite(), options.nodeIdentity().certificate().getPublicKey())
                    .replay(connection, blockFile, new BlockReplay.Tip(stored.height(), stored.hash()));
            ChannelMembership membership = genesis.membership();
            for (MembershipUpdate update : BlockReader.membershipUpdates(connection)) {
                membership = membership.apply(update.change(), options.suite());
            }
            connection.rollback();
            return new Tip(tip.height(), tip.hash(), genesis, membership, blockFile);
        } catch (SQLException | RuntimeException e) {
            blockFile.close();
            throw e;
        }
    }

    /**
     * The last block H2 stored must be whole and the block its frame holds (header bytes, hence
     * every validation code, i.e. every transaction row, and the signature): a store that caught a
     * block half-committed would show here first. (Its state rows are checked by {@code verify}.)
     */
    private static void checkLastStoredBlock(Connection connection, BlockFile blockFile, long number)
            throws SQLException {
        long framesFrom = StorageUpgrade.framesFrom(connection).orElseThrow(() -> new LedgerException(
                "the ledger does not record which blocks are framed in " + BlockFile.NAME));
        if (number < framesFrom) {
            return;
        }
        long start = BlockFile.START;
        if (number > 0) {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT file_end FROM blocks WHERE block_no = ?")) {
                select.setLong(1, number - 1);
                try (ResultSet row = select.executeQuery()) {
                    start = row.next() ? row.getLong(1) : -1;
                }
            }
        }
        Optional<BlockFrame> frame = start < 0 ? Optional.empty() : blockFile.headAt(start);
        Optional<Block> block = BlockReader.block(connection, number);
        if (frame.isEmpty() || block.isEmpty() || !frame.get().holds(block.get())) {
            throw new LedgerException("the database's last block, " + number + ", is not whole or not the block"
                    + " its frame in " + BlockFile.NAME + " holds; the ledger was not opened (restore the folder"
                    + " from a backup)");
        }
    }

    /** The last block H2 holds: the next number, its hash, where its frame ends in the block file. */
    record StoredTip(long height, byte[] hash, long fileEnd) {}

    static StoredTip storedTip(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT block_no, block_hash, file_end FROM blocks ORDER BY block_no DESC LIMIT 1");
                ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new LedgerException("the ledger has no blocks");
            }
            return new StoredTip(row.getLong(1) + 1, row.getBytes(2), row.getLong(3));
        }
    }

    /** The block 0 these options make, stamped {@code millis}. */
    private static BlockHeader genesisHeader(LedgerOptions options, long millis) {
        GenesisConfig genesis = new GenesisConfig(GenesisConfig.FORMAT_VERSION, options.channel(),
                options.chaincode(), options.suite(), options.nodeIdentity().certificatePem(), options.membership());
        return new BlockHeader(0, new byte[32], MerkleTree.root(options.suite(), List.of()), millis, List.of(),
                genesis, null);
    }

    /**
     * The most bytes the block 0 of these options takes in the block file: its frame with room for
     * the longest signature and a longer timestamp. A first opening that a crash cut short, opened
     * again with the same settings, left at most this.
     */
    static long largestGenesisFrame(LedgerOptions options) {
        return BlockFrame.PREFIX + BlockFrame.MIN_HEAD + genesisHeader(options, System.currentTimeMillis()).bytes().length
                + GENESIS_FRAME_SLACK;
    }

    private static Tip createGenesis(Connection connection, Path folder, LedgerOptions options, BlockSealer sealer)
            throws SQLException {
        BlockHeader header = genesisHeader(options, System.currentTimeMillis());
        GenesisConfig genesis = header.genesis();
        BlockSealer.Sealed sealed = sealer.seal(header);
        insertSettings(connection, genesis);
        // a block file left by an earlier attempt that never framed block 0 whole: at most the
        // size of one, no entry, no frame after (GenesisFromBlockFile); kept aside, never deleted
        Path stale = folder.resolve(BlockFile.NAME);
        if (Files.exists(stale)) {
            Path aside = folder.resolve(BlockFile.NAME + ".torn");
            for (int n = 1; Files.exists(aside); n++) {
                aside = folder.resolve(BlockFile.NAME + ".torn." + n);
            }
            try {
                Files.move(stale, aside);
            } catch (IOException e) {
                throw new LedgerException("cannot move a stale " + BlockFile.NAME + " aside: " + e.getMessage(), e);
            }
            LOGGER.warning(BlockFile.NAME + " held no readable block 0, only what a crash may leave of a first"
                    + " opening; moved to " + aside + " and a new chain started");
        }
        BlockFile blockFile = BlockFile.open(folder, BlockFile.START);
        try {
            blockFile.append(BlockFrame.of(sealed, List.of()), List.of());
            blockFile.force();
            BlockWriter.insertRows(connection, header, sealed.hash(), sealed.signature(), List.of(), new long[0],
                    blockFile.end());
            connection.commit();
            // the block file cannot replay block 0 into a database that lacks the ledger's tables
            Database.storeNow(connection);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            blockFile.close();
            throw e;
        }
        return new Tip(1, sealed.hash(), genesis, genesis.membership(), blockFile);
    }

    /**
     * Records a new ledger's settings in {@code ledger_meta} (suite, channel, chaincode, format
     * version, storage format, blocks framed from 0), as its genesis states them.
     */
    static void insertSettings(Connection connection, GenesisConfig genesis) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ledger_meta (name, meta_value) VALUES (?, ?)")) {
            for (String[] entry : new String[][] {{"suite", genesis.suite().name()},
                    {"channel", genesis.channel()}, {"chaincode", genesis.chaincode()},
                    {"formatVersion", Integer.toString(genesis.formatVersion())},
                    {"storageFormat", Integer.toString(Schema.STORAGE_FORMAT)},
                    {StorageUpgrade.FRAMES_FROM, "0"}}) {
                insert.setString(1, entry[0]);
                insert.setString(2, entry[1]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static Optional<String> meta(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT meta_value FROM ledger_meta WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    private static void check(String what, String recorded, String given) {
        if (!recorded.equals(given)) {
            throw new LedgerException("the ledger's " + what + " is '" + recorded + "', not '" + given + "'");
        }
    }

    private static boolean sameCertificate(String pem, X509Certificate certificate) {
        try {
            return Arrays.equals(Pem.parseCertificate(pem).getEncoded(), certificate.getEncoded());
        } catch (CertificateException e) {
            throw new LedgerException("block 0 holds an unreadable node certificate", e);
        }
    }
}
