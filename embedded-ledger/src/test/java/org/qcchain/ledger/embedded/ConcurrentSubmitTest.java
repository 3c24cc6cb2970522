package org.qcchain.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.chaincode.model.OrganisationRegistration;
import org.qcchain.chaincode.model.Role;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;

/** Many submitters at once: every independent transaction is committed, grouped into blocks. */
class ConcurrentSubmitTest {

    private static final int TRANSACTIONS = 300;

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void commits_every_independent_transaction_of_many_concurrent_submitters(CryptoSuite suite) throws Exception {
        TestPlatform platform = new TestPlatform(suite);
        List<CommittedBlock> blocks = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (EmbeddedLedger ledger = platform.open(folder)) {
            platform.start(ledger);
            ledger.addListener(new LedgerListener() {
                @Override
                public void onBlock(CommittedBlock block) {
                    blocks.add(block);
                }
            });
            List<SignedProposal> proposals = new ArrayList<>();
            for (int i = 0; i < TRANSACTIONS; i++) {
                String mspId = "Org" + i + "MSP";
                proposals.add(platform.proposal(platform.bureau, "Organisations:registerOrganisation", Json.write(
                        new OrganisationRegistration(mspId, mspId, List.of(Role.CONSUMER),
                                List.of(platform.bank.caPem())))));
            }
            long start = System.nanoTime();
            List<CompletableFuture<CommitResult>> results = proposals.stream().map(ledger::submit).toList();
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).join();
            double seconds = (System.nanoTime() - start) / 1e9;
            // informal, for orientation only; never asserted
            System.out.printf("%s: %d transactions in %.2f s, %.0f tx/s, %d blocks%n", suite, TRANSACTIONS, seconds,
                    TRANSACTIONS / seconds, ledger.height());

            assertThat(results).allSatisfy(r -> assertThat(r.join().code()).isEqualTo(ValidationCode.VALID));
            assertThat(ledger.verify(ProgressListener.NONE).validTransactions()).isEqualTo(TRANSACTIONS + 4);
        }
        assertThat(blocks.stream().mapToInt(b -> b.transactions().size()).sum()).isEqualTo(TRANSACTIONS);
        assertThat(blocks.size()).isLessThan(TRANSACTIONS);

        // the same report whether the replay is kept on the heap or in a file, which is deleted after
        VerificationReport onHeap;
        VerificationReport inFile;
        try (EmbeddedLedger ledger = platform.open(folder, LedgerOptions.ReplayPlace.HEAP)) {
            onHeap = ledger.verify(ProgressListener.NONE);
        }
        try (EmbeddedLedger ledger = platform.open(folder, LedgerOptions.ReplayPlace.FILE)) {
            inFile = ledger.verify(ProgressListener.NONE);
        }
        assertThat(inFile).isEqualTo(onHeap);
        assertThat(inFile.validTransactions()).isEqualTo(TRANSACTIONS + 4);
        assertThat(LedgerEdits.replayFiles(folder)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void cuts_a_block_without_waiting_out_its_timeout_once_nothing_more_is_coming(CryptoSuite suite) {
        TestPlatform platform = new TestPlatform(suite);
        LedgerOptions options = platform.builder(platform.membership()).maxBlockTransactions(100)
                .blockTimeout(Duration.ofHours(1)).build();
        try (EmbeddedLedger ledger = EmbeddedLedger.open(folder, options)) {
            CommitResult result = platform.submit(ledger, platform.bureau, "Organisations:init",
                    Json.write(platform.bureau.registration()));

            assertThat(result.code()).isEqualTo(ValidationCode.VALID);
            assertThat(ledger.block(result.blockNumber().getAsLong()).orElseThrow().transactionCount()).isEqualTo(1);
        }
    }
}
