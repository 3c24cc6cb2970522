package org.qcchain.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;

/** Proposals the ledger refuses, before or at ordering, and what the submitter is told. */
class ProposalRejectionTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void refuses_a_replayed_transaction_id_at_submit(CryptoSuite suite) {
        TestPlatform platform = new TestPlatform(suite);
        try (EmbeddedLedger ledger = platform.open(folder)) {
            SignedProposal init = platform.proposal(platform.bureau, "Organisations:init",
                    Json.write(platform.bureau.registration()));
            assertThat(ledger.submit(init).join().code()).isEqualTo(ValidationCode.VALID);
            long height = ledger.height();

            CommitResult replay = ledger.submit(init).join();

            assertThat(replay.code()).isEqualTo(ValidationCode.DUPLICATE_TXID);
            assertThat(replay.blockNumber()).isEmpty();
            assertThat(ledger.height()).isEqualTo(height);
        }
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void refuses_a_replayed_transaction_id_after_reopening(CryptoSuite suite) {
        TestPlatform platform = new TestPlatform(suite);
        SignedProposal init = platform.proposal(platform.bureau, "Organisations:init",
                Json.write(platform.bureau.registration()));
        try (EmbeddedLedger ledger = platform.open(folder)) {
            assertThat(ledger.submit(init).join().code()).isEqualTo(ValidationCode.VALID);
        }
        // the in-memory id filter is rebuilt from the stored transactions
        try (EmbeddedLedger ledger = platform.open(folder)) {
            long height = ledger.height();

            CommitResult replay = ledger.submit(init).join();

            assertThat(replay.code()).isEqualTo(ValidationCode.DUPLICATE_TXID);
            assertThat(ledger.height()).isEqualTo(height);
        }
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void marks_the_second_of_two_identical_transactions_in_one_block_as_duplicate_or_refuses_it(CryptoSuite suite) {
        TestPlatform platform = new TestPlatform(suite);
        try (EmbeddedLedger ledger = EmbeddedLedger.open(folder, platform.options(2, Duration.ofMillis(200)))) {
            SignedProposal init = platform.proposal(platform.bureau, "Organisations:init",
                    Json.write(platform.bureau.registration()));
            CompletableFuture<CommitResult> first = ledger.submit(init);
            CompletableFuture<CommitResult> second = ledger.submit(init);

            assertThat(java.util.List.of(first.join().code(), second.join().code()))
                    .containsExactlyInAnyOrder(ValidationCode.VALID, ValidationCode.DUPLICATE_TXID);
            assertThat(ledger.transaction(init.txId())).hasValueSatisfying(tx -> assertThat(tx.isValid()).isTrue());
        }
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void refuses_a_proposal_whose_signature_does_not_verify(CryptoSuite suite) {
        TestPlatform platform = new TestPlatform(suite);
        try (EmbeddedLedger ledger = platform.open(folder)) {
            SignedProposal genuine = platform.proposal(platform.bureau, "Organisations:init",
                    Json.write(platform.bureau.registration()));
            // signed by the bank's key, claiming the bureau's certificate
            SignedProposal forged = SignedProposal.of(genuine.proposalBytes(),
                    platform.bank.client.sign(genuine.proposalBytes()));

            CommitResult result = ledger.submit(forged).join();

            assertThat(result.code()).isEqualTo(ValidationCode.BAD_PROPOSAL_SIGNATURE);
            assertThat(result.blockNumber()).isEmpty();
            assertThat(ledger.height()).isEqualTo(1);
            assertThatThrownBy(() -> ledger.evaluate(forged)).isInstanceOfSatisfying(ProposalRejectedException.class,
                    e -> assertThat(e.code()).isEqualTo(ValidationCode.BAD_PROPOSAL_SIGNATURE));
        }
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void checks_a_proposal_from_another_process_and_stores_it_as_one_signed_here(CryptoSuite suite)
            throws LedgerTamperedException {
        TestPlatform platform = new TestPlatform(suite);
        try (EmbeddedLedger ledger = platform.open(folder)) {
            SignedProposal signedHere = platform.proposal(platform.bureau, "Organisations:init",
                    Json.write(platform.bureau.registration()));
            // what a remote client sends: the same bytes and signature, without the signer
            SignedProposal fromElsewhere = SignedProposal.of(signedHere.proposalBytes(), signedHere.signature());

            assertThat(ledger.submit(fromElsewhere).join().code()).isEqualTo(ValidationCode.VALID);
            assertThat(ledger.transaction(signedHere.txId()))
                    .hasValueSatisfying(tx -> assertThat(tx.proposal()).isEqualTo(signedHere));
            assertThat(ledger.verify(ProgressListener.NONE).validTransactions()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void refuses_a_proposal_for_another_channel(CryptoSuite suite) {
        TestPlatform platform = new TestPlatform(suite);
        try (EmbeddedLedger ledger = platform.open(folder)) {
            SignedProposal other = SignedProposal.builder(platform.bureau.client, "BureauMSP").channel("other")
                    .chaincode(TestPlatform.CHAINCODE).function("Organisations:listOrganisations").build();

            assertThat(ledger.submit(other).join().code()).isEqualTo(ValidationCode.BAD_PROPOSAL);
        }
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void answers_a_chaincode_error_without_ordering_it(CryptoSuite suite) {
        TestPlatform platform = new TestPlatform(suite);
        try (EmbeddedLedger ledger = platform.open(folder)) {
            platform.start(ledger);
            long height = ledger.height();

            CommitResult result = platform.submit(ledger, platform.bank, "Organisations:registerOrganisation",
                    Json.write(platform.bank.registration()));

            assertThat(result.code()).isEqualTo(ValidationCode.ENDORSEMENT_POLICY_FAILURE);
            assertThat(result.status()).isEqualTo(500);
            assertThat(result.chaincodeMessage()).startsWith(ErrorCode.NOT_AUTHORIZED.code() + ": ");
            assertThat(result.blockNumber()).isEmpty();
            assertThat(ledger.height()).isEqualTo(height);
            assertThat(ledger.transaction(result.txId())).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void refuses_to_open_a_ledger_with_another_suite(CryptoSuite suite) {
        new TestPlatform(suite).open(folder).close();
        CryptoSuite other = suite == CryptoSuite.P256_SHA256 ? CryptoSuite.SM2_SM3 : CryptoSuite.P256_SHA256;

        assertThatThrownBy(() -> new TestPlatform(other).open(folder)).isInstanceOf(LedgerException.class)
                .hasMessageContaining("created with suite " + suite);
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void refuses_to_open_a_ledger_with_another_node_identity(CryptoSuite suite) {
        new TestPlatform(suite).open(folder).close();

        assertThatThrownBy(() -> new TestPlatform(suite).open(folder)).isInstanceOf(LedgerException.class)
                .hasMessageContaining("node identity");
    }
}
