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
import org.qcchain.common.crypto.Pem;

/**
 * Opens a ledger's storage: creates the tables, the block file and block 0 on first use;
 * afterwards refuses options that contradict what block 0 recorded (format version, suite,
 * channel, chaincode, node certificate, genesis membership), since every later block and signature
 * depends on them, and storage formats before 4 (format 4 is upgraded in place); replays the
 * config blocks to find the membership in force, and opens the block file at the end H2 recorded
 * (cutting off a tail a crash left).
 */
final class Bootstrap {

    /**
     * Where the chain ends: the next block number, the hash to link it to, the membership in force,
     * and the block file, open for appending.
     */
    record Tip(long height, byte[] hash, GenesisConfig genesis, ChannelMembership membership, BlockFile blockFile) {}

    /** The one earlier storage format {@link StorageUpgrade} turns into the current one. */
    static final int UPGRADABLE_STORAGE_FORMAT = 4;

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
            return createGenesis(connection, folder, options, sealer);
        }
        String format = meta(connection, "formatVersion").orElse("1");
        if (!format.equals(Integer.toString(GenesisConfig.FORMAT_VERSION))) {
            throw new LedgerException("the ledger has format version " + format + "; this code reads version "
                    + GenesisConfig.FORMAT_VERSION + " (with a channel membership); rebuild it");
        }
        String storage = meta(connection, "storageFormat").orElse("1");
        boolean upgradable = storage.equals(Integer.toString(UPGRADABLE_STORAGE_FORMAT));
        if (!storage.equals(Integer.toString(Schema.STORAGE_FORMAT)) && !upgradable) {
            throw new LedgerException("the ledger has storage format " + storage + "; this code reads storage"
                    + " format " + Schema.STORAGE_FORMAT + " (transactions in " + BlockFile.NAME + ", a key's"
                    + " latest write in state and only superseded writes in history) and upgrades format "
                    + UPGRADABLE_STORAGE_FORMAT + "; rebuild it, its blocks cannot be read in place");
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
            StorageUpgrade.upgrade(connection);
        }
        Schema.create(connection);
        connection.commit();
        ChannelMembership membership = genesis.membership();
        for (MembershipUpdate update : BlockReader.membershipUpdates(connection)) {
            membership = membership.apply(update.change(), options.suite());
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT block_no, block_hash, file_end FROM blocks ORDER BY block_no DESC LIMIT 1");
                ResultSet row = select.executeQuery()) {
            row.next();
            return new Tip(row.getLong(1) + 1, row.getBytes(2), genesis, membership,
                    BlockFile.open(folder, row.getLong(3)));
        } finally {
            connection.rollback();
        }
    }

    private static Tip createGenesis(Connection connection, Path folder, LedgerOptions options, BlockSealer sealer)
            throws SQLException {
        GenesisConfig genesis = new GenesisConfig(GenesisConfig.FORMAT_VERSION, options.channel(),
                options.chaincode(), options.suite(), options.nodeIdentity().certificatePem(), options.membership());
        BlockHeader header = new BlockHeader(0, new byte[32], MerkleTree.root(options.suite(), List.of()),
                System.currentTimeMillis(), List.of(), genesis, null);
        BlockSealer.Sealed sealed = sealer.seal(header);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ledger_meta (name, meta_value) VALUES (?, ?)")) {
            for (String[] entry : new String[][] {{"suite", options.suite().name()},
                    {"channel", options.channel()}, {"chaincode", options.chaincode()},
                    {"formatVersion", Integer.toString(GenesisConfig.FORMAT_VERSION)},
                    {"storageFormat", Integer.toString(Schema.STORAGE_FORMAT)}}) {
                insert.setString(1, entry[0]);
                insert.setString(2, entry[1]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        // a block file left by an earlier attempt that never committed block 0 holds nothing committed
        try {
            Files.deleteIfExists(folder.resolve(BlockFile.NAME));
        } catch (IOException e) {
            throw new LedgerException("cannot remove a stale " + BlockFile.NAME + ": " + e.getMessage(), e);
        }
        BlockFile blockFile = BlockFile.open(folder, BlockFile.START);
        try {
            BlockWriter.insertRows(connection, sealed, List.of(), new long[0], blockFile.end());
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            blockFile.close();
            throw e;
        }
        return new Tip(1, sealed.hash(), genesis, genesis.membership(), blockFile);
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
