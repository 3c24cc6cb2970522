package org.qcchain.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.chaincode.model.OrganisationRegistration;
import org.qcchain.chaincode.model.Role;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;

/**
 * A verification reads and checks blocks ahead of its replay ({@link ChainReader}); the block it
 * names is still the first that does not match, whichever side finds it, and verifications at
 * once do not starve each other of database connections.
 */
class VerificationOrderTest {

    @TempDir
    Path folder;

    private TestPlatform platform;
    /** The block whose replay finds a superseded write without its history row. */
    private long replayFinds;
    private long laterBlock;

    private void prepare() throws Exception {
        platform = new TestPlatform(CryptoSuite.P256_SHA256);
        try (EmbeddedLedger ledger = platform.open(folder)) {
            Scenario.ready(platform, ledger);
            platform.commit(ledger, platform.bank, "Access:requestAccess",
                    Scenario.signedRequest(platform, Scenario.CONSENT, Scenario.SUBJECT));
        }
        // the newest superseded write loses its history row: only the replay of the block that
        // superseded it finds that (the state row of its key names the row)
        String newest = "(SELECT MAX(history_seq) FROM history)";
        replayFinds = LedgerEdits.queryLong(folder, "SELECT block_no FROM state WHERE previous_seq = " + newest);
        LedgerEdits.edit(folder, "DELETE FROM history WHERE history_seq = " + newest);
        try (EmbeddedLedger ledger = platform.open(folder)) {
            laterBlock = register(ledger, "LateMSP");
            // and one after it: opening refuses a ledger whose last block does not match its frame
            register(ledger, "LastMSP");
        }
    }

    @Test
    void names_the_replays_finding_before_a_later_block_the_reader_found_first() throws Exception {
        prepare();
        copySignatureInto(laterBlock);

        LedgerEdits.assertTamperedAt(platform, folder, replayFinds, "history");
    }

    @Test
    void names_the_readers_finding_at_an_earlier_block_than_the_replays() throws Exception {
        prepare();
        copySignatureInto(replayFinds - 1);

        LedgerEdits.assertTamperedAt(platform, folder, replayFinds - 1, "signature");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void as_many_verifications_at_once_as_the_ledger_has_pooled_read_connections_each_finish() throws Exception {
        platform = new TestPlatform(CryptoSuite.P256_SHA256);
        // one worker: three pooled read connections, each verification holding one
        LedgerOptions options = platform.builder(platform.membership()).workers(1).build();
        try (EmbeddedLedger ledger = EmbeddedLedger.open(folder, options)) {
            Scenario.ready(platform, ledger);
            int verifications = 3;
            CyclicBarrier together = new CyclicBarrier(verifications);
            ExecutorService threads = Executors.newFixedThreadPool(verifications);
            try {
                List<Future<VerificationReport>> reports = new ArrayList<>();
                for (int i = 0; i < verifications; i++) {
                    reports.add(threads.submit(() -> {
                        together.await();
                        return ledger.verify(ProgressListener.NONE);
                    }));
                }
                VerificationReport first = reports.get(0).get();
                for (Future<VerificationReport> report : reports) {
                    assertThat(report.get()).isEqualTo(first);
                }
                assertThat(first.height()).isEqualTo(ledger.height());
            } finally {
                threads.shutdownNow();
            }
        }
    }

    private long register(EmbeddedLedger ledger, String mspId) {
        return platform.commit(ledger, platform.bureau, "Organisations:registerOrganisation",
                Json.write(new OrganisationRegistration(mspId, mspId, List.of(Role.CONSUMER),
                        List.of(platform.bank.caPem())))).blockNumber().getAsLong();
    }

    private void copySignatureInto(long block) throws Exception {
        LedgerEdits.edit(folder, "UPDATE blocks SET signature = (SELECT signature FROM blocks WHERE block_no = 1)"
                + " WHERE block_no = " + block);
    }
}
