package org.qcchain.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.chaincode.model.OrganisationRegistration;
import org.qcchain.chaincode.model.Role;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;

/** Compacting a closed ledger keeps every block, transaction and state row, and shrinks the file. */
class LedgerCompactionTest {

    private static final int TRANSACTIONS = 400;

    @TempDir
    Path folder;

    @Test
    void keeps_a_ledger_that_verifies_as_before_in_a_smaller_file() throws Exception {
        TestPlatform platform = new TestPlatform(CryptoSuite.P256_SHA256);
        long height;
        VerificationReport before;
        // blocks of one transaction: a commit, and so a rewrite of the changed pages, per transaction
        try (EmbeddedLedger ledger = EmbeddedLedger.open(folder, platform.options(1, Duration.ofMillis(5)))) {
            platform.start(ledger);
            List<CompletableFuture<CommitResult>> results = new ArrayList<>();
            for (int i = 0; i < TRANSACTIONS; i++) {
                String mspId = "Org" + i + "MSP";
                results.add(ledger.submit(platform.proposal(platform.bureau, "Organisations:registerOrganisation",
                        Json.write(new OrganisationRegistration(mspId, mspId, List.of(Role.CONSUMER),
                                List.of(platform.bank.caPem()))))));
            }
            assertThat(results).allSatisfy(r -> assertThat(r.join().code()).isEqualTo(ValidationCode.VALID));
            height = ledger.height();
            before = ledger.verify(ProgressListener.NONE);
        }
        byte[] blockFile = Files.readAllBytes(folder.resolve("blocks.dat"));

        LedgerCompaction.Result result = LedgerCompaction.compact(folder);

        assertThat(result.bytesAfter()).isLessThan(result.bytesBefore());
        assertThat(Files.size(folder.resolve("ledger.mv.db"))).isEqualTo(result.bytesAfter());
        assertThat(Files.readAllBytes(folder.resolve("blocks.dat"))).isEqualTo(blockFile);
        try (EmbeddedLedger ledger = platform.open(folder)) {
            assertThat(ledger.height()).isEqualTo(height);
            VerificationReport after = ledger.verify(ProgressListener.NONE);
            assertThat(after.validTransactions()).isEqualTo(before.validTransactions());
            assertThat(after.stateKeys()).isEqualTo(before.stateKeys());
        }
    }

    @Test
    void refuses_a_ledger_that_is_open() {
        TestPlatform platform = new TestPlatform(CryptoSuite.P256_SHA256);
        try (EmbeddedLedger ledger = platform.open(folder)) {
            assertThatThrownBy(() -> LedgerCompaction.compact(folder)).isInstanceOf(LedgerException.class)
                    .hasMessageContaining("a running node holds it open");
            // the open ledger was not shut down underneath: it still commits
            platform.start(ledger);
            assertThat(ledger.height()).isGreaterThan(1);
        }
    }

    @Test
    void refuses_a_folder_without_a_ledger(@TempDir Path empty) {
        assertThatThrownBy(() -> LedgerCompaction.compact(empty)).isInstanceOf(LedgerException.class)
                .hasMessageContaining("holds no ledger");
        assertThat(empty.resolve("ledger.mv.db")).doesNotExist();
    }
}
