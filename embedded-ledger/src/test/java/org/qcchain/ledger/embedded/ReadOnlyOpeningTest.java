package org.qcchain.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.chaincode.model.ConsentView;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;
import org.qcchain.simulator.VersionedKeyValue;

/**
 * A ledger opened to be read and verified only ({@link LedgerOptions#readOnly()}), as {@code
 * qcchain verify} opens it: it answers reads, evaluations and a verification of everything a node
 * committed, and adds nothing: submissions and membership updates fail, none of the threads that
 * commit or keep H2's file runs, and a folder without a ledger is refused untouched.
 */
class ReadOnlyOpeningTest {

    /** The threads of a ledger open to commit, which one opened to read must not start. */
    private static final List<String> WRITING_THREADS = List.of("qcchain-ledger-committer",
            "qcchain-ledger-announcer", "qcchain-ledger-flusher", "qcchain-ledger-reclaimer",
            "qcchain-ledger-key-loader");

    private final TestPlatform platform = new TestPlatform(CryptoSuite.P256_SHA256);

    @TempDir
    Path folder;

    @Test
    void reads_evaluates_and_verifies_what_a_node_committed_and_adds_no_block() throws LedgerTamperedException {
        long height;
        List<VersionedKeyValue> state;
        try (EmbeddedLedger ledger = platform.open(folder)) {
            Scenario.ready(platform, ledger);
            platform.commit(ledger, platform.bank, "Access:requestAccess",
                    Scenario.signedRequest(platform, Scenario.CONSENT, Scenario.SUBJECT));
            height = ledger.height();
            state = ledger.stateRange("", "", 0);
        }
        Set<Thread> before = writingThreads();

        try (EmbeddedLedger ledger = EmbeddedLedger.open(folder, readOnly())) {
            assertThat(writingThreads()).as("threads that commit or keep H2's file").isEqualTo(before);
            assertThat(ledger.height()).isEqualTo(height);
            assertThat(ledger.stateRange("", "", 0)).isEqualTo(state);
            EvaluateResult consent = ledger.evaluate(platform.proposal(platform.citizenApp, "Consents:getConsent",
                    Scenario.CONSENT));
            assertThat(Json.parse(consent.payloadAsString(), ConsentView.class).usage().uses()).isEqualTo(1);
            VerificationReport report = ledger.verify(ProgressListener.NONE);
            assertThat(report.height()).isEqualTo(height);
            assertThat(report.stateKeys()).isEqualTo(state.size());

            assertThatThrownBy(() -> platform.submit(ledger, platform.bank, "Access:requestAccess",
                    Scenario.signedRequest(platform, Scenario.OTHER_CONSENT, Scenario.OTHER_SUBJECT)))
                    .isInstanceOf(CompletionException.class).cause().isInstanceOf(LedgerException.class)
                    .hasMessageContaining("read and verified only");
            assertThatThrownBy(() -> ledger.updateMembership(MembershipUpdate.sign(TestPlatform.CHANNEL, 1,
                    "BankMSP", List.of(platform.bank.caPem()), platform.node)).join())
                    .isInstanceOf(CompletionException.class).cause().isInstanceOf(LedgerException.class)
                    .hasMessageContaining("read and verified only");
            assertThat(ledger.height()).isEqualTo(height);
        }

        try (EmbeddedLedger ledger = platform.open(folder)) {
            assertThat(ledger.height()).as("the chain a node finds next").isEqualTo(height);
            assertThat(ledger.stateRange("", "", 0)).isEqualTo(state);
        }
    }

    @Test
    void makes_a_lost_database_again_from_the_block_file_as_every_opening_does() throws Exception {
        long height;
        try (EmbeddedLedger ledger = platform.open(folder)) {
            Scenario.ready(platform, ledger);
            height = ledger.height();
        }
        Files.delete(Database.file(folder));

        try (EmbeddedLedger ledger = EmbeddedLedger.open(folder, readOnly())) {
            assertThat(ledger.height()).isEqualTo(height);
            assertThat(ledger.verify(ProgressListener.NONE).height()).isEqualTo(height);
        }
    }

    @Test
    void refuses_a_block_file_without_a_block_0_instead_of_starting_a_chain_in_it() throws Exception {
        // what a first opening that a crash interrupted leaves: the file's header, no frame
        try (EmbeddedLedger ledger = platform.open(folder)) {
            assertThat(ledger.height()).isEqualTo(1);
        }
        Files.delete(Database.file(folder));
        try (FileChannel channel = FileChannel.open(folder.resolve(BlockFile.NAME), StandardOpenOption.WRITE)) {
            channel.truncate(BlockFile.START);
        }

        assertThatThrownBy(() -> EmbeddedLedger.open(folder, readOnly())).isInstanceOf(LedgerException.class)
                .hasMessageContaining("holds a block 0");
        assertThat(Files.size(folder.resolve(BlockFile.NAME))).isEqualTo(BlockFile.START);
    }

    @Test
    void refuses_a_folder_without_a_ledger_and_creates_nothing_there() {
        Path none = folder.resolve("none");

        assertThatThrownBy(() -> EmbeddedLedger.open(none, readOnly())).isInstanceOf(LedgerException.class)
                .hasMessageContaining("no ledger in " + none);
        assertThat(none).doesNotExist();
    }

    private LedgerOptions readOnly() {
        return platform.builder(platform.membership()).readOnly(true).build();
    }

    private static Set<Thread> writingThreads() {
        Set<Thread> threads = new HashSet<>();
        WRITING_THREADS.forEach(name -> threads.addAll(LiveThreads.named(name)));
        return threads;
    }
}
