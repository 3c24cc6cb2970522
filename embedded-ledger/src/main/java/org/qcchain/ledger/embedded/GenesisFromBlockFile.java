package org.qcchain.ledger.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.qcchain.common.crypto.InvalidSignatureException;
import org.qcchain.common.crypto.Pem;

/**
 * A database without a ledger beside a block file that holds one: the database was lost or moved
 * away (H2 files have been found unreadable after a crash), or a crash came after block 0's frame
 * was forced but before H2 stored its row. The block file frames every block, so the database is
 * made again from it: this puts block 0 (the ledger's settings, from its genesis) into the empty
 * database, and the opening then replays every later frame as it replays those a crash left
 * ({@link BlockReplay}: each checked for its number, its link, the node's signature and its Merkle
 * root). Nothing is taken from the block file that the node did not sign.
 */
final class GenesisFromBlockFile {

    private static final Logger LOGGER = Logger.getLogger(GenesisFromBlockFile.class.getName());

    private GenesisFromBlockFile() {}

    /**
     * If {@code folder} has a block file with a whole frame at its start (block 0's place), writes
     * the ledger's settings and block 0, as that frame holds it, into the connection's database
     * (which has the tables and nothing else), commits and stores it. A file a crash cut inside its
     * header, or before block 0's frame was whole, holds no block.
     *
     * @param largestFirstFrame the most bytes the block 0 of this opening's options can take in
     *     the file, bounding what may be a torn first append
     * @return whether block 0 was restored; {@code false}: there is no block to restore from, the
     *     file holding at most what a crash leaves of a first opening's block 0
     * @throws LedgerException if there is a file of that name that is not a block file, its first
     *     frame is not a genesis block signed by the certificate it names, or it cannot be read and
     *     the file holds more than a torn block 0
     */
    static boolean restore(Connection connection, Path folder, long largestFirstFrame) throws SQLException {
        Path path = folder.resolve(BlockFile.NAME);
        long size;
        try {
            size = Files.exists(path) ? Files.size(path) : 0;
        } catch (IOException e) {
            throw new LedgerException("cannot read " + path + ": " + e.getMessage(), e);
        }
        if (size <= BlockFile.START) {
            return false;
        }
        try (BlockFile file = BlockFile.open(folder, BlockFile.START)) {
            Optional<BlockFile.StoredFrame> first = file.frameAt(BlockFile.START);
            if (first.isEmpty()) {
                // a crash tears only the last append: what cannot be a torn first block 0 holds data,
                // and starting a new chain would throw it away
                if (!file.mayHoldOnlyATornFirstFrame(largestFirstFrame)
                        || file.frameAfter(BlockFile.START, frame -> true)) {
                    throw new LedgerException(path + " holds " + size + " bytes but no block 0 that"
                            + " can be read, and they are not what a crash leaves of a first opening (the file is"
                            + " damaged, or is of a ledger from before storage format 6, whose first blocks are"
                            + " known only to its database); restore the ledger folder from a backup");
                }
                return false;
            }
            BlockFile.StoredFrame stored = first.get();
            BlockHeader header;
            try {
                header = BlockHeader.parse(stored.frame().header());
            } catch (IllegalArgumentException e) {
                throw refused(e.getMessage());
            }
            GenesisConfig genesis = Optional.ofNullable(header.genesis())
                    .filter(g -> header.number() == 0 && stored.entries().isEmpty())
                    .orElseThrow(() -> refused("it is not a genesis block"));
            try {
                genesis.suite().verify(Pem.parseCertificate(genesis.nodeCertificatePem()).getPublicKey(),
                        stored.frame().header(), stored.frame().signature());
            } catch (CertificateException | InvalidSignatureException e) {
                throw refused("it is not signed by the node certificate it names");
            }
            LOGGER.warning("the ledger's database holds no ledger but " + BlockFile.NAME + " does: making the"
                    + " database again from it, block by block");
            Bootstrap.insertSettings(connection, genesis);
            BlockWriter.insertRows(connection, header, genesis.suite().hash(stored.frame().header()),
                    stored.frame().signature(), List.of(), new long[0], stored.end());
            connection.commit();
            Database.storeNow(connection);
            return true;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private static LedgerException refused(String why) {
        return new LedgerException("the ledger's database is empty and the first frame of " + BlockFile.NAME
                + " cannot make it again: " + why + "; the ledger was not opened (restore the folder from a backup)");
    }
}
