package org.qcchain.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.qcchain.chaincode.model.Role;
import org.qcchain.common.crypto.CertificateAuthority;
import org.qcchain.common.crypto.CertificateProfile;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.json.Json;
import org.qcchain.simulator.ChaincodeRunner;

/**
 * The platform's organisations in one suite, the node's identity, and helpers to submit to a
 * ledger as any member. Every proposal carries the fixed time {@link #NOW}, so consents and
 * agreements are in force whatever the machine's clock says.
 */
final class TestPlatform {
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final String CHANNEL = "datashare";
    static final String CHAINCODE = "qcchain";
    /** Building a runner scans the classpath: once per JVM. */
    static final ChaincodeRunner RUNNER = ChaincodeRunner.forContractsOnClasspath(CHAINCODE);

    final CryptoSuite suite;
    final Identity node;
    final Member bureau;
    final Member socialInsurance;
    final Member bank;
    final Member citizenApp;

    TestPlatform(CryptoSuite suite) {
        this.suite = suite;
        CertificateAuthority nodeCa = CertificateAuthority.createRoot(suite, "CN=ca.node,O=BureauMSP",
                Member.CA_START, Member.CA_VALIDITY);
        this.node = nodeCa.issueIdentity("CN=peer0.bureau,O=BureauMSP", CertificateProfile.SIGNING, Member.CA_START,
                Member.CA_VALIDITY);
        this.bureau = new Member("BureauMSP", suite, Role.OPERATOR);
        this.socialInsurance = new Member("SocialInsuranceMSP", suite, Role.PROVIDER);
        this.bank = new Member("BankMSP", suite, Role.CONSUMER);
        this.citizenApp = new Member("CitizenAppMSP", suite, Role.IDENTITY_PROVIDER);
    }

    /** Blocks of up to 100, cut 5 ms after the first transaction or as soon as nothing more is coming. */
    LedgerOptions options() {
        return options(LedgerOptions.ReplayPlace.AUTO);
    }

    /** {@link #options()} with the verification's replay kept where {@code place} says. */
    LedgerOptions options(LedgerOptions.ReplayPlace place) {
        return builder(membership()).maxBlockTransactions(100).blockTimeout(Duration.ofMillis(5)).verifyReplay(place)
                .build();
    }

    /**
     * Options for blocks of exactly {@code size} transactions when submitted together: no early
     * cut, so a block waits out {@code timeout} for the rest.
     */
    LedgerOptions options(int size, Duration timeout) {
        return options(membership(), size, timeout);
    }

    /** Options with another genesis membership. */
    LedgerOptions options(ChannelMembership membership, int size, Duration timeout) {
        return builder(membership).maxBlockTransactions(size).blockTimeout(timeout).cutWhenIdle(false).build();
    }

    LedgerOptions.Builder builder(ChannelMembership membership) {
        return LedgerOptions.builder().suite(suite).nodeIdentity(node).channel(CHANNEL).chaincode(CHAINCODE)
                .membership(membership).runner(RUNNER);
    }

    /** The four organisations, each with its own root CA. */
    ChannelMembership membership() {
        ChannelMembership.Builder builder = ChannelMembership.builder();
        for (Member member : new Member[] {bureau, socialInsurance, bank, citizenApp}) {
            builder.organisation(member.mspId, member.caPem());
        }
        return builder.build();
    }

    EmbeddedLedger open(Path folder) {
        return EmbeddedLedger.open(folder, options());
    }

    EmbeddedLedger open(Path folder, LedgerOptions.ReplayPlace place) {
        return EmbeddedLedger.open(folder, options(place));
    }

    SignedProposal proposal(Member caller, String function, String... args) {
        return SignedProposal.builder(caller.client, caller.mspId).channel(CHANNEL).chaincode(CHAINCODE)
                .function(function).arguments(args).timestamp(NOW).build();
    }

    CommitResult submit(EmbeddedLedger ledger, Member caller, String function, String... args) {
        return ledger.submit(proposal(caller, function, args)).join();
    }

    CommitResult commit(EmbeddedLedger ledger, Member caller, String function, String... args) {
        CommitResult result = submit(ledger, caller, function, args);
        assertThat(result.code()).as("%s: %s / %s", function, result.validationMessage(), result.chaincodeMessage())
                .isEqualTo(ValidationCode.VALID);
        return result;
    }

    /** Initialises the platform and registers the other members. */
    void start(EmbeddedLedger ledger) {
        commit(ledger, bureau, "Organisations:init", Json.write(bureau.registration()));
        for (Member member : new Member[] {socialInsurance, bank, citizenApp}) {
            commit(ledger, bureau, "Organisations:registerOrganisation", Json.write(member.registration()));
        }
    }
}
