package org.qcchain.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.chaincode.model.ConsentView;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;

/**
 * Two transactions in one block: the ledger is reopened with blocks of exactly two transactions
 * and a long timeout, so both are simulated on the same state and land in the same block.
 */
class MvccTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void two_requests_on_one_consent_in_one_block_conflict_and_the_second_writes_nothing(CryptoSuite suite)
            throws Exception {
        TestPlatform platform = new TestPlatform(suite);
        try (EmbeddedLedger ledger = platform.open(folder)) {
            Scenario.ready(platform, ledger);
        }
        try (EmbeddedLedger ledger = EmbeddedLedger.open(folder, platform.options(2, Duration.ofMinutes(1)))) {
            long height = ledger.height();
            CompletableFuture<CommitResult> first = ledger.submit(platform.proposal(platform.bank,
                    "Access:requestAccess", Scenario.signedRequest(platform, Scenario.CONSENT, Scenario.SUBJECT)));
            CompletableFuture<CommitResult> second = ledger.submit(platform.proposal(platform.bank,
                    "Access:requestAccess", Scenario.signedRequest(platform, Scenario.CONSENT, Scenario.SUBJECT)));
            // whichever simulation finished first was ordered first and won
            boolean firstWon = first.join().isValid();
            CommitResult firstResult = firstWon ? first.join() : second.join();
            CommitResult secondResult = firstWon ? second.join() : first.join();

            assertThat(firstResult.code()).isEqualTo(ValidationCode.VALID);
            assertThat(secondResult.code()).isEqualTo(ValidationCode.MVCC_READ_CONFLICT);
            assertThat(secondResult.isRetryable()).isTrue();
            assertThat(secondResult.validationMessage()).contains("qc.consent");
            assertThat(secondResult.blockNumber()).isEqualTo(firstResult.blockNumber());
            assertThat(ledger.height()).isEqualTo(height + 1);

            assertThat(ledger.transaction(secondResult.txId())).hasValueSatisfying(tx -> {
                assertThat(tx.code()).isEqualTo(ValidationCode.MVCC_READ_CONFLICT);
                assertThat(tx.blockNumber()).isEqualTo(height);
            });
            assertThat(ledger.state("\u0000qc.access\u0000" + secondResult.txId() + "\u0000")).isEmpty();
            assertThat(uses(platform, ledger)).isEqualTo(1);
            ledger.verify(ProgressListener.NONE);
        }
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void requests_about_different_subjects_in_one_block_are_both_valid(CryptoSuite suite) throws Exception {
        TestPlatform platform = new TestPlatform(suite);
        try (EmbeddedLedger ledger = platform.open(folder)) {
            Scenario.ready(platform, ledger);
        }
        try (EmbeddedLedger ledger = EmbeddedLedger.open(folder, platform.options(2, Duration.ofMinutes(1)))) {
            CompletableFuture<CommitResult> first = ledger.submit(platform.proposal(platform.bank,
                    "Access:requestAccess", Scenario.signedRequest(platform, Scenario.CONSENT, Scenario.SUBJECT)));
            CompletableFuture<CommitResult> second = ledger.submit(platform.proposal(platform.bank,
                    "Access:requestAccess",
                    Scenario.signedRequest(platform, Scenario.OTHER_CONSENT, Scenario.OTHER_SUBJECT)));

            assertThat(first.join().code()).isEqualTo(ValidationCode.VALID);
            assertThat(second.join().code()).isEqualTo(ValidationCode.VALID);
            assertThat(first.join().blockNumber()).isEqualTo(second.join().blockNumber());
            ledger.verify(ProgressListener.NONE);
        }
    }

    private static long uses(TestPlatform platform, EmbeddedLedger ledger) {
        EvaluateResult view = ledger.evaluate(platform.proposal(platform.citizenApp, "Consents:getConsent",
                Scenario.CONSENT));
        return Json.parse(view.payloadAsString(), ConsentView.class).usage().uses();
    }
}
