package org.qcchain.ledger.embedded;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import org.qcchain.common.crypto.Pem;

/**
 * {@link EmbeddedLedger#verify(ProgressListener)}: walks the chain from block 0 up to the height
 * of one consistent snapshot (the ledger keeps committing meanwhile), trusting nothing stored but
 * the node certificate of block 0, and names the first block that does not match. The channel membership
 * is replayed with the chain: block 0's, then each config block's update (checked as the
 * committer checked it), and every transaction's creator is checked against the membership in
 * force at its block. A {@link ChainReader} reads and checks the blocks on a thread of its own
 * ahead of the replay ({@link ReplayCheck}), which runs on the caller's.
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
        long transactions = 0;
        try (ChainReader chain = ChainReader.start(database, reader, genesis, nodeCertificate().getPublicKey(),
                height)) {
            for (long number = 0; number < height; number++) {
                ChainReader.Checked block = chain.next();
                replay.apply(connection, number, block.transactions(), block.membership());
                transactions += block.transactions().size();
                if ((number + 1) % PROGRESS_EVERY == 0 || number + 1 == height) {
                    progress.onProgress(number + 1, height);
                }
            }
        }
        long keys = replay.checkState(connection, height);
        return new VerificationReport(height, transactions, replay.validTransactions(), keys,
                replay.historyEntries());
    }

    private X509Certificate nodeCertificate() {
        try {
            return Pem.parseCertificate(genesis.nodeCertificatePem());
        } catch (CertificateException e) {
            throw new LedgerException("block 0 holds an unreadable node certificate", e);
        }
    }
}
