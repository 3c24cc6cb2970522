package org.qcchain.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.chaincode.model.Role;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;

/**
 * H2 stores in the background, so a crash can leave it without the last blocks the block file
 * holds. Here H2 is stopped the way a power cut stops it ({@code SHUTDOWN IMMEDIATELY}: nothing
 * more written), with a write delay long enough that it stored nothing after block 0; reopened,
 * the ledger replays every block from the block file, config blocks included, and verifies. A
 * frame the crash tore is cut off; a whole frame that is not the node's next block refuses the
 * opening.
 */
class BlockReplayTest {

    @TempDir
    Path folder;

    private final TestPlatform platform = new TestPlatform(CryptoSuite.P256_SHA256);
    private final Member insurer = new Member("InsurerMSP", CryptoSuite.P256_SHA256, Role.CONSUMER);

    @Test
    void replays_the_blocks_the_database_lost_and_verifies() throws Exception {
        Crashed crashed = crashAfterCommitting();
        assertThat(storedHeight()).as("the database lost every block after 0").isEqualTo(1);

        try (EmbeddedLedger ledger = platform.open(folder)) {
            assertThat(ledger.height()).isEqualTo(crashed.height());
            for (String txId : crashed.txIds()) {
                assertThat(ledger.transaction(txId)).as(txId).isPresent();
            }
            assertThat(ledger.membership().sequence()).as("the config block's update is in force again").isEqualTo(1);
            VerificationReport report = ledger.verify(ProgressListener.NONE);
            assertThat(report.height()).isEqualTo(crashed.height());
            // and it goes on: the new member's transaction needs the replayed membership
            platform.commit(ledger, insurer, "Organisations:getOrganisation", "InsurerMSP");
            assertThat(ledger.verify(ProgressListener.NONE).height()).isEqualTo(crashed.height() + 1);
        }
        try (EmbeddedLedger ledger = platform.open(folder)) {
            assertThat(ledger.height()).isEqualTo(crashed.height() + 1);
        }
    }

    @Test
    void cuts_off_a_frame_the_crash_tore_and_replays_the_whole_ones_before_it() throws Exception {
        Crashed crashed = crashAfterCommitting();
        Path file = folder.resolve(BlockFile.NAME);
        long size = Files.size(file);
        // the first half of the last block's frame again: the next block, cut short by the crash
        byte[] bytes = Files.readAllBytes(file);
        long lastFrame = frameStarts().get(frameStarts().size() - 1);
        Files.write(file, Arrays.copyOfRange(bytes, (int) lastFrame, (int) (lastFrame + size) / 2),
                StandardOpenOption.APPEND);

        try (EmbeddedLedger ledger = platform.open(folder)) {
            assertThat(Files.size(file)).isEqualTo(size);
            assertThat(ledger.height()).isEqualTo(crashed.height());
            ledger.verify(ProgressListener.NONE);
        }
    }

    @Test
    void cuts_off_a_torn_frame_whose_entries_hold_bytes_that_pass_for_a_frame_head() throws Exception {
        String fake = new String(asciiFrameHead(), java.nio.charset.StandardCharsets.US_ASCII);
        try (EmbeddedLedger ledger = EmbeddedLedger.open(folder, neverStoring())) {
            Scenario.ready(platform, ledger);
        }
        // a member's own words in a transaction: a frame head, checksum and all, that the node never signed
        Crashed crashed = crash(EmbeddedLedger.open(folder, neverStoring()), ledger -> List.of(platform.commit(
                ledger, platform.bank, "Agreements:terminateAgreement", Scenario.AGREEMENT, "stop " + fake).txId()));
        Path file = folder.resolve(BlockFile.NAME);
        long size = Files.size(file);
        byte[] bytes = Files.readAllBytes(file);
        long lastFrame = frameStarts().get(frameStarts().size() - 1);
        // that block's frame again, all but its last bytes: the next block, cut short by a crash
        Files.write(file, Arrays.copyOfRange(bytes, (int) lastFrame, (int) size - 8), StandardOpenOption.APPEND);

        try (EmbeddedLedger ledger = platform.open(folder)) {
            assertThat(Files.size(file)).isEqualTo(size);
            assertThat(ledger.height()).isEqualTo(crashed.height());
            assertThat(ledger.transaction(crashed.txIds().get(0))).isPresent();
        }
    }

    /**
     * A frame head whose bytes are all 7-bit, so that it fits in a string argument, and whose header
     * parses as a block of its number: only the (forged) signature tells it from the node's.
     */
    private static byte[] asciiFrameHead() {
        byte[] signature = {0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01};
        // every byte of the number below 0x80, and within what canonical JSON writes as a number
        for (long number = 0x0001010101010101L; ; number++) {
            byte[] header = new BlockHeader(number, new byte[32], new byte[32], 1_780_000_000_000L, List.of()).bytes();
            byte[] head = new BlockFrame(number, header, signature, new int[0]).encodeHead();
            boolean ascii = true;
            for (byte b : head) {
                ascii &= b >= 0;
            }
            if (ascii) {
                return head;
            }
        }
    }

    @Test
    void refuses_a_whole_frame_that_the_node_did_not_write() throws Exception {
        crashAfterCommitting();
        // block 1's frame with another signature of the same length, checksum made to match
        long block1 = frameStarts().get(1);
        BlockFrame original;
        try (BlockFile file = BlockFile.open(folder, BlockFile.START)) {
            original = file.headAt(block1).orElseThrow();
        }
        byte[] signature = original.signature();
        signature[signature.length - 1] ^= 1;
        byte[] forged = new BlockFrame(original.number(), original.header(), signature, original.entryLengths())
                .encodeHead();
        try (FileChannel channel = FileChannel.open(folder.resolve(BlockFile.NAME), StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(forged), block1);
        }

        assertThatThrownBy(() -> platform.open(folder)).isInstanceOf(LedgerException.class)
                .hasMessageContaining("block 1").hasMessageContaining("signature");
        assertThat(storedHeight()).as("nothing replayed").isEqualTo(1);
    }

    @Test
    void replays_on_top_of_blocks_the_database_stored_superseding_their_writes() throws Exception {
        String firstRequest;
        try (EmbeddedLedger ledger = EmbeddedLedger.open(folder, neverStoring())) {
            Scenario.ready(platform, ledger);
            firstRequest = platform.commit(ledger, platform.bank, "Access:requestAccess",
                    Scenario.signedRequest(platform, Scenario.CONSENT, Scenario.SUBJECT)).txId();
        }
        long stored = storedHeight();
        // a second request on the same consent rewrites its usage counter: history rows on replay
        Crashed crashed = crash(EmbeddedLedger.open(folder, neverStoring()), ledger -> List.of(
                platform.commit(ledger, platform.bank, "Access:requestAccess",
                        Scenario.signedRequest(platform, Scenario.CONSENT, Scenario.SUBJECT)).txId()));
        assertThat(storedHeight()).as("closing stored the first session, nothing after").isEqualTo(stored);
        assertThat(crashed.height()).isGreaterThan(stored);

        try (EmbeddedLedger ledger = platform.open(folder)) {
            assertThat(ledger.height()).isEqualTo(crashed.height());
            assertThat(ledger.transaction(firstRequest)).isPresent();
            assertThat(ledger.transaction(crashed.txIds().get(0))).isPresent();
            assertThat(ledger.verify(ProgressListener.NONE).historyEntries()).isPositive();
        }
    }

    @Test
    void refuses_to_cut_a_damaged_frame_that_whole_frames_follow() throws Exception {
        crashAfterCommitting();
        Path file = folder.resolve(BlockFile.NAME);
        long size = Files.size(file);
        // one bit of block 1's first entry: a disk fault, not a crash (which tears only the last append)
        long block1 = frameStarts().get(1);
        int headSize;
        try (BlockFile blocks = BlockFile.open(folder, BlockFile.START)) {
            headSize = blocks.headAt(block1).orElseThrow().headSize();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            long position = block1 + headSize + 20;
            channel.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 1)).rewind();
            channel.write(one, position);
        }

        assertThatThrownBy(() -> platform.open(folder)).isInstanceOf(LedgerException.class)
                .hasMessageContaining("damaged").hasMessageContaining("block 1");
        assertThat(Files.size(file)).as("nothing cut").isEqualTo(size);
    }

    @Test
    void refuses_a_database_whose_last_stored_block_is_not_whole() throws Exception {
        try (EmbeddedLedger ledger = platform.open(folder)) {
            Scenario.ready(platform, ledger);
        }
        // what a store that caught a block half-committed would leave: one transaction row gone
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM transactions WHERE block_no = (SELECT MAX(block_no) FROM blocks)"
                    + " AND tx_no = 0");
        }

        assertThatThrownBy(() -> platform.open(folder)).isInstanceOf(LedgerException.class)
                .hasMessageContaining("last block").hasMessageContaining("not whole");
    }

    /** What the crashed ledger had acknowledged. */
    private record Crashed(long height, List<String> txIds) {}

    /**
     * Commits the scenario, a config block and a data request with a write delay H2 never reaches,
     * then stops H2 without a store and closes what is left of the ledger.
     */
    private Crashed crashAfterCommitting() throws Exception {
        return crash(EmbeddedLedger.open(folder, neverStoring()), ledger -> {
            Scenario.ready(platform, ledger);
            ledger.updateMembership(MembershipUpdate.sign(TestPlatform.CHANNEL, 1, "InsurerMSP",
                    List.of(insurer.caPem()), platform.node)).join();
            return List.of(platform.commit(ledger, platform.bureau, "Organisations:registerOrganisation",
                            Json.write(insurer.registration())).txId(),
                    platform.commit(ledger, platform.bank, "Access:requestAccess",
                            Scenario.signedRequest(platform, Scenario.CONSENT, Scenario.SUBJECT)).txId());
        });
    }

    /** Options whose store interval no test reaches: H2 stores only at opening and closing. */
    private LedgerOptions neverStoring() {
        return platform.builder(platform.membership()).maxBlockTransactions(100)
                .blockTimeout(Duration.ofMillis(5)).databaseStoreInterval(Duration.ofMinutes(10)).build();
    }

    /** Work on an open ledger that returns the ids it committed. */
    private interface Work {
        List<String> on(EmbeddedLedger ledger) throws Exception;
    }

    /** Runs the work, then stops H2 without a store and closes what is left of the ledger. */
    private Crashed crash(EmbeddedLedger ledger, Work work) throws Exception {
        List<String> txIds;
        long height;
        try {
            txIds = work.on(ledger);
            height = ledger.height();
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN IMMEDIATELY");
            }
        } finally {
            try {
                ledger.close();
            } catch (LedgerException e) {
                // its connections went with the database: what a crash leaves
            }
        }
        return new Crashed(height, txIds);
    }

    /** Where each block's frame starts, from the block file alone. */
    private List<Long> frameStarts() {
        List<Long> starts = new ArrayList<>();
        try (BlockFile file = BlockFile.open(folder, BlockFile.START)) {
            long position = BlockFile.START;
            while (true) {
                var frame = file.frameAt(position);
                if (frame.isEmpty()) {
                    return starts;
                }
                starts.add(position);
                position = frame.get().end();
            }
        }
    }

    private long storedHeight() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM blocks")) {
            row.next();
            return row.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("ledger").toAbsolutePath(), "ledger", "");
    }
}
