package org.qcchain.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.chaincode.model.Role;
import org.qcchain.common.crypto.CertificateProfile;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.json.Json;

/** The channel membership: who may submit, how it is recorded, changed by config blocks and verified. */
class MembershipTest {

    @TempDir
    Path folder;

    @Nested
    class Creators {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void refuses_a_certificate_of_another_organisations_CA_claiming_an_MSP_id(CryptoSuite suite) {
            TestPlatform platform = new TestPlatform(suite);
            try (EmbeddedLedger ledger = platform.open(folder)) {
                // a genuine bank certificate and signature, claiming to be the bureau
                SignedProposal impostor = SignedProposal.builder(platform.bank.client, "BureauMSP")
                        .channel(TestPlatform.CHANNEL).chaincode(TestPlatform.CHAINCODE)
                        .function("Organisations:init").arguments(Json.write(platform.bureau.registration()))
                        .timestamp(TestPlatform.NOW).build();

                CommitResult result = ledger.submit(impostor).join();

                assertThat(result.code()).isEqualTo(ValidationCode.CREATOR_NOT_MEMBER);
                assertThat(result.validationMessage()).contains("BureauMSP");
                assertThat(result.blockNumber()).isEmpty();
                assertThat(ledger.height()).isEqualTo(1);
                assertThatThrownBy(() -> ledger.evaluate(impostor)).isInstanceOfSatisfying(
                        ProposalRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(ValidationCode.CREATOR_NOT_MEMBER));
            }
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void refuses_an_organisation_that_is_not_a_member(CryptoSuite suite) {
            TestPlatform platform = new TestPlatform(suite);
            Member rogue = new Member("RogueMSP", suite, Role.CONSUMER);
            try (EmbeddedLedger ledger = platform.open(folder)) {
                CommitResult result = platform.submit(ledger, rogue, "Organisations:listOrganisations", "{}");

                assertThat(result.code()).isEqualTo(ValidationCode.CREATOR_NOT_MEMBER);
                assertThat(result.validationMessage()).contains("RogueMSP");
            }
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void refuses_a_creator_certificate_expired_at_the_proposal_time(CryptoSuite suite) {
            TestPlatform platform = new TestPlatform(suite);
            Identity expired = platform.bureau.ca.issueIdentity("CN=old.client,O=BureauMSP", CertificateProfile.CLIENT,
                    Member.CA_START, Duration.ofDays(30));
            try (EmbeddedLedger ledger = platform.open(folder)) {
                SignedProposal proposal = SignedProposal.builder(expired, "BureauMSP").channel(TestPlatform.CHANNEL)
                        .chaincode(TestPlatform.CHAINCODE).function("Organisations:init")
                        .arguments(Json.write(platform.bureau.registration())).timestamp(TestPlatform.NOW).build();

                CommitResult result = ledger.submit(proposal).join();

                assertThat(result.code()).isEqualTo(ValidationCode.CREATOR_CERTIFICATE_EXPIRED);
                assertThat(result.blockNumber()).isEmpty();
                assertThat(ledger.height()).isEqualTo(1);
            }
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void accepts_a_member_issued_by_an_intermediate_CA_the_membership_lists(CryptoSuite suite) {
            TestPlatform platform = new TestPlatform(suite);
            var intermediate = platform.bureau.ca.issueIntermediate("CN=ica.bureau,O=BureauMSP", Member.CA_START,
                    Member.CA_VALIDITY);
            Member bureau = new Member("BureauMSP", intermediate, Role.OPERATOR);
            ChannelMembership membership = ChannelMembership.builder()
                    .organisation("BureauMSP", platform.bureau.caPem(), bureau.caPem()).build();
            try (EmbeddedLedger ledger = EmbeddedLedger.open(folder, platform.options(membership, 10,
                    Duration.ofMillis(5)))) {
                CommitResult result = platform.submit(ledger, bureau, "Organisations:init",
                        Json.write(platform.bureau.registration()));

                assertThat(result.code()).as(result.validationMessage()).isEqualTo(ValidationCode.VALID);
            }
        }
    }

    @Nested
    class Genesis {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void records_the_membership_in_block_0_and_keeps_it_across_a_reopen(CryptoSuite suite) {
            TestPlatform platform = new TestPlatform(suite);
            try (EmbeddedLedger ledger = platform.open(folder)) {
                platform.start(ledger);
            }
            try (EmbeddedLedger reopened = platform.open(folder)) {
                assertThat(reopened.membership()).isEqualTo(platform.membership());
                assertThat(reopened.block(0).orElseThrow().genesis()).hasValueSatisfying(genesis -> {
                    assertThat(genesis.formatVersion()).isEqualTo(2);
                    assertThat(genesis.membership().mspIds())
                            .containsExactly("BankMSP", "BureauMSP", "CitizenAppMSP", "SocialInsuranceMSP");
                    assertThat(genesis.membership().caCertificates("BankMSP")).containsExactly(platform.bank.caPem());
                });
                assertThat(platform.commit(reopened, platform.bank, "Organisations:getOrganisation", "BankMSP")
                        .isValid()).isTrue();
            }
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void refuses_to_reopen_with_another_membership(CryptoSuite suite) {
            TestPlatform platform = new TestPlatform(suite);
            platform.open(folder).close();
            ChannelMembership fewer = ChannelMembership.builder()
                    .organisation("BureauMSP", platform.bureau.caPem()).build();

            assertThatThrownBy(() -> EmbeddedLedger.open(folder, platform.options(fewer, 10, Duration.ofMillis(5))))
                    .isInstanceOf(LedgerException.class).hasMessageContaining("membership");
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void detects_a_CA_slipped_into_the_genesis_membership(CryptoSuite suite) throws Exception {
            TestPlatform platform = new TestPlatform(suite);
            try (EmbeddedLedger ledger = platform.open(folder)) {
                platform.start(ledger);
            }
            Member attacker = new Member("BankMSP", suite, Role.CONSUMER);
            ChannelMembership forged = ChannelMembership.builder()
                    .organisation("BankMSP", platform.bank.caPem(), attacker.caPem())
                    .organisation("BureauMSP", platform.bureau.caPem())
                    .organisation("CitizenAppMSP", platform.citizenApp.caPem())
                    .organisation("SocialInsuranceMSP", platform.socialInsurance.caPem()).build();
            GenesisConfig original;
            try (EmbeddedLedger ledger = platform.open(folder)) {
                original = ledger.genesis();
            }
            GenesisConfig edited = new GenesisConfig(original.formatVersion(), original.channel(), original.chaincode(),
                    original.suite(), original.nodeCertificatePem(), forged);
            sql(folder, "UPDATE blocks SET genesis = ? WHERE block_no = 0", edited.toCanonicalJson());

            assertThatThrownBy(() -> platform.open(folder)).isInstanceOf(LedgerException.class)
                    .hasMessageContaining("membership");
            try (EmbeddedLedger ledger = EmbeddedLedger.open(folder, platform.options(forged, 10,
                    Duration.ofMillis(5)))) {
                assertThatThrownBy(() -> ledger.verify(ProgressListener.NONE)).isInstanceOfSatisfying(
                        LedgerTamperedException.class, e -> assertThat(e.blockNumber()).isZero());
            }
        }
    }

    @Nested
    class ConfigBlocks {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void adds_an_organisation_whose_members_can_then_submit_and_verify_replays_it(CryptoSuite suite)
                throws Exception {
            TestPlatform platform = new TestPlatform(suite);
            Member insurer = new Member("InsurerMSP", suite, Role.CONSUMER);
            long configBlock;
            try (EmbeddedLedger ledger = platform.open(folder)) {
                platform.start(ledger);
                assertThat(platform.submit(ledger, insurer, "Organisations:getOrganisation", "InsurerMSP").code())
                        .isEqualTo(ValidationCode.CREATOR_NOT_MEMBER);

                Block block = ledger.updateMembership(MembershipUpdate.sign(TestPlatform.CHANNEL, 1, "InsurerMSP",
                        List.of(insurer.caPem()), platform.node)).join();

                configBlock = block.number();
                assertThat(block.type()).isEqualTo(BlockType.CONFIG);
                assertThat(block.transactionCount()).isZero();
                assertThat(ledger.membership().sequence()).isEqualTo(1);
                platform.commit(ledger, platform.bureau, "Organisations:registerOrganisation",
                        Json.write(insurer.registration()));
                platform.commit(ledger, insurer, "Organisations:getOrganisation", "InsurerMSP");
                assertThat(ledger.verify(ProgressListener.NONE).validTransactions()).isEqualTo(6);
            }
            try (EmbeddedLedger reopened = platform.open(folder)) {
                assertThat(reopened.membership().mspIds()).contains("InsurerMSP");
                assertThat(reopened.block(configBlock).orElseThrow().config()).hasValueSatisfying(update ->
                        assertThat(update.mspId()).isEqualTo("InsurerMSP"));
                platform.commit(reopened, insurer, "Organisations:getOrganisation", "InsurerMSP");
            }
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void replacing_an_organisations_CAs_shuts_out_its_old_certificates_but_keeps_the_past_valid(
                CryptoSuite suite) throws Exception {
            TestPlatform platform = new TestPlatform(suite);
            Member renewedBank = new Member("BankMSP", suite, Role.CONSUMER);
            try (EmbeddedLedger ledger = platform.open(folder)) {
                platform.start(ledger);
                platform.commit(ledger, platform.bank, "Organisations:getOrganisation", "BankMSP");

                ledger.updateMembership(MembershipUpdate.sign(TestPlatform.CHANNEL, 1, "BankMSP",
                        List.of(renewedBank.caPem()), platform.node)).join();

                assertThat(platform.submit(ledger, platform.bank, "Organisations:getOrganisation", "BankMSP").code())
                        .isEqualTo(ValidationCode.CREATOR_NOT_MEMBER);
                assertThatThrownBy(() -> ledger.evaluate(platform.proposal(platform.bank,
                        "Organisations:getOrganisation", "BankMSP"))).isInstanceOf(ProposalRejectedException.class);
                // the bank's earlier transaction stays valid: verify checks it against the membership of its block
                assertThat(ledger.verify(ProgressListener.NONE).validTransactions()).isEqualTo(5);
            }
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void refuses_an_update_not_signed_by_the_node_or_for_a_used_sequence(CryptoSuite suite) {
            TestPlatform platform = new TestPlatform(suite);
            Member insurer = new Member("InsurerMSP", suite, Role.CONSUMER);
            try (EmbeddedLedger ledger = platform.open(folder)) {
                MembershipUpdate byBureau = MembershipUpdate.sign(TestPlatform.CHANNEL, 1, "InsurerMSP",
                        List.of(insurer.caPem()), platform.bureau.client);
                MembershipUpdate genuine = MembershipUpdate.sign(TestPlatform.CHANNEL, 1, "InsurerMSP",
                        List.of(insurer.caPem()), platform.node);

                assertRefused(ledger, byBureau, "not signed by the node");
                ledger.updateMembership(genuine).join();
                assertRefused(ledger, genuine, "sequence");
                assertRefused(ledger, MembershipUpdate.sign(TestPlatform.CHANNEL, 2, "InsurerMSP",
                        List.of(insurer.client.certificatePem()), platform.node), "not a CA");
                assertThat(ledger.height()).isEqualTo(2);
            }
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void detects_an_edited_config_block(CryptoSuite suite) throws Exception {
            TestPlatform platform = new TestPlatform(suite);
            Member insurer = new Member("InsurerMSP", suite, Role.CONSUMER);
            Member attacker = new Member("InsurerMSP", suite, Role.CONSUMER);
            long configBlock;
            try (EmbeddedLedger ledger = platform.open(folder)) {
                platform.start(ledger);
                configBlock = ledger.updateMembership(MembershipUpdate.sign(TestPlatform.CHANNEL, 1, "InsurerMSP",
                        List.of(insurer.caPem()), platform.node)).join().number();
                platform.commit(ledger, platform.bureau, "Organisations:getOrganisation", "BureauMSP");
            }
            // the attacker's CA in place of the insurer's, the signature left as it was
            MembershipUpdate edited = MembershipUpdate.of(TestPlatform.CHANNEL, 1, "InsurerMSP",
                    List.of(attacker.caPem()), new byte[] {1, 2, 3});
            sql(folder, "UPDATE blocks SET config = ? WHERE block_no = ?", edited.toCanonicalJson(), configBlock);

            try (EmbeddedLedger ledger = EmbeddedLedger.open(folder, platform.options())) {
                assertThatThrownBy(() -> ledger.verify(ProgressListener.NONE)).isInstanceOfSatisfying(
                        LedgerTamperedException.class, e -> assertThat(e.blockNumber()).isEqualTo(configBlock));
            }
        }

        private void assertRefused(EmbeddedLedger ledger, MembershipUpdate update, String messagePart) {
            assertThat(ledger.updateMembership(update)).failsWithin(Duration.ofSeconds(10))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause().isInstanceOfSatisfying(ProposalRejectedException.class, e -> {
                        assertThat(e.code()).isEqualTo(ValidationCode.BAD_CONFIG_UPDATE);
                        assertThat(e.getMessage()).contains(messagePart);
                    });
        }
    }

    static void sql(Path folder, String statement, Object... parameters) throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve("ledger").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url, "ledger", "");
                PreparedStatement update = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            assertThat(update.executeUpdate()).as("rows edited").isPositive();
        }
    }
}
