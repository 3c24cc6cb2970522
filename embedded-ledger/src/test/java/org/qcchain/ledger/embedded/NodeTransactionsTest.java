package org.qcchain.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;

/**
 * The ledger's own node submits without a signature of its own: its block signature covers its
 * transactions. Nobody else may, and the node may not from outside its process.
 */
class NodeTransactionsTest {

    @TempDir
    Path folder;

    /** A ledger whose node is the bureau's member identity, so that its transactions pass membership. */
    private static EmbeddedLedger open(TestPlatform platform, Path folder) {
        return EmbeddedLedger.open(folder, platform.builder(platform.membership()).nodeIdentity(platform.bureau.client)
                .maxBlockTransactions(100).blockTimeout(Duration.ofMillis(5)).build());
    }

    private static SignedProposal unsigned(TestPlatform platform, Member as, String function, String... args) {
        return SignedProposal.builder(as.client, as.mspId).channel(TestPlatform.CHANNEL)
                .chaincode(TestPlatform.CHAINCODE).function(function).arguments(args).timestamp(TestPlatform.NOW)
                .buildForOwnLedger();
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void commits_the_node_s_unsigned_transactions_and_verifies_the_chain(CryptoSuite suite) throws Exception {
        TestPlatform platform = new TestPlatform(suite);
        try (EmbeddedLedger ledger = open(platform, folder)) {
            SignedProposal init = unsigned(platform, platform.bureau, "Organisations:init",
                    Json.write(platform.bureau.registration()));

            CommitResult result = ledger.submit(init).join();

            assertThat(result.code()).as(result.validationMessage()).isEqualTo(ValidationCode.VALID);
            assertThat(ledger.transaction(init.txId())).hasValueSatisfying(tx ->
                    assertThat(tx.proposal().signature()).isEmpty());
            // a signed transaction of the node next to it
            platform.commit(ledger, platform.bureau, "Organisations:registerOrganisation",
                    Json.write(platform.bank.registration()));
            EvaluateResult listed = ledger.evaluate(unsigned(platform, platform.bureau,
                    "Organisations:listOrganisations", "{}"));
            assertThat(listed.isSuccess()).as(listed.message()).isTrue();
            assertThat(listed.payloadAsString()).contains("BankMSP");
            assertThat(ledger.verify(ProgressListener.NONE).validTransactions()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void refuses_an_unsigned_proposal_of_anyone_but_the_node(CryptoSuite suite) {
        TestPlatform platform = new TestPlatform(suite);
        try (EmbeddedLedger ledger = open(platform, folder)) {
            SignedProposal bank = unsigned(platform, platform.bank, "Organisations:listOrganisations", "{}");

            CommitResult result = ledger.submit(bank).join();

            assertThat(result.code()).isEqualTo(ValidationCode.BAD_PROPOSAL_SIGNATURE);
            assertThat(result.validationMessage()).contains("no signature");
            assertThat(ledger.height()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void refuses_the_node_s_unsigned_proposal_when_it_comes_from_outside_the_process(CryptoSuite suite) {
        TestPlatform platform = new TestPlatform(suite);
        try (EmbeddedLedger ledger = open(platform, folder)) {
            SignedProposal built = unsigned(platform, platform.bureau, "Organisations:init",
                    Json.write(platform.bureau.registration()));
            SignedProposal fromElsewhere = SignedProposal.of(built.proposalBytes(), new byte[0]);

            assertThat(ledger.submit(fromElsewhere).join().code()).isEqualTo(ValidationCode.BAD_PROPOSAL_SIGNATURE);
            assertThatThrownBy(() -> ledger.evaluate(fromElsewhere)).isInstanceOfSatisfying(
                    ProposalRejectedException.class,
                    e -> assertThat(e.code()).isEqualTo(ValidationCode.BAD_PROPOSAL_SIGNATURE));
            assertThat(ledger.height()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void a_stored_unsigned_transaction_verifies_only_as_the_node_s(CryptoSuite suite) throws Exception {
        TestPlatform platform = new TestPlatform(suite);
        ProposalVerifier stored = new ProposalVerifier(suite, TestPlatform.CHANNEL, TestPlatform.CHAINCODE,
                platform.bureau.client.certificate().getPublicKey(), new StageClock());
        // as read back from the block file: bytes and an empty signature, no signer in this process
        SignedProposal node = SignedProposal.of(unsigned(platform, platform.bureau, "Organisations:listOrganisations", "{}")
                .proposalBytes(), new byte[0]);
        SignedProposal bank = SignedProposal.of(unsigned(platform, platform.bank, "Organisations:listOrganisations", "{}")
                .proposalBytes(), new byte[0]);

        assertThat(stored.verifyStored(node).mspId()).isEqualTo("BureauMSP");
        assertThatThrownBy(() -> stored.verifyStored(bank)).isInstanceOfSatisfying(ProposalRejectedException.class,
                e -> assertThat(e.code()).isEqualTo(ValidationCode.BAD_PROPOSAL_SIGNATURE));
    }
}
