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
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.chaincode.model.Role;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;

/**
 * A ledger whose database is gone (deleted here; lost or unreadable in life) is made again from
 * its block file alone: every table as the committer wrote it, then it verifies and goes on. A
 * block file that is not this node's ledger is refused and left as it is.
 */
class GenesisFromBlockFileTest {

    /** Every table of the ledger, ordered by its key, as the committer and the replay write them. */
    private static final String[] TABLES = {
        "SELECT block_no, block_hash, previous_hash, transactions_root, committed_at, genesis, config, signature,"
                + " file_end FROM blocks ORDER BY block_no",
        "SELECT block_no, tx_no, tx_id, tx_hash, validation_code, file_offset, file_length, tx_key"
                + " FROM transactions ORDER BY block_no, tx_no",
        "SELECT state_key, state_value, block_no, tx_no, tx_id, tx_seconds, tx_nanos, is_delete, previous_seq"
                + " FROM state ORDER BY state_key",
        "SELECT history_seq, state_key, block_no, tx_no, tx_id, tx_seconds, tx_nanos, is_delete, state_value,"
                + " previous_seq FROM history ORDER BY history_seq",
        "SELECT name, meta_value FROM ledger_meta ORDER BY name",
    };

    @TempDir
    Path folder;

    private final TestPlatform platform = new TestPlatform(CryptoSuite.P256_SHA256);
    private final Member insurer = new Member("InsurerMSP", CryptoSuite.P256_SHA256, Role.CONSUMER);

    @Test
    void a_deleted_database_is_made_again_from_the_block_file_table_for_table() throws Exception {
        List<String> txIds = new ArrayList<>();
        try (EmbeddedLedger ledger = platform.open(folder)) {
            Scenario.ready(platform, ledger);
            ledger.updateMembership(MembershipUpdate.sign(TestPlatform.CHANNEL, 1, "InsurerMSP",
                    List.of(insurer.caPem()), platform.node)).join();
            txIds.add(platform.commit(ledger, platform.bureau, "Organisations:registerOrganisation",
                    Json.write(insurer.registration())).txId());
            // two requests on one consent: its use counter is overwritten, so the history has rows
            for (int i = 0; i < 2; i++) {
                txIds.add(platform.commit(ledger, platform.bank, "Access:requestAccess",
                        Scenario.signedRequest(platform, Scenario.CONSENT, Scenario.SUBJECT)).txId());
            }
        }
        List<List<String>> before = tables();
        long blockFileSize = Files.size(folder.resolve(BlockFile.NAME));
        deleteDatabase();

        long height;
        try (EmbeddedLedger ledger = platform.open(folder)) {
            height = ledger.height();
            VerificationReport report = ledger.verify(ProgressListener.NONE);
            assertThat(report.historyEntries()).isPositive();
            assertThat(ledger.membership().sequence()).isEqualTo(1);
            for (String txId : txIds) {
                assertThat(ledger.transaction(txId)).as(txId).isPresent();
            }
        }
        assertThat(Files.size(folder.resolve(BlockFile.NAME))).isEqualTo(blockFileSize);
        assertThat(tables()).isEqualTo(before);

        try (EmbeddedLedger ledger = platform.open(folder)) {
            platform.commit(ledger, insurer, "Organisations:getOrganisation", "InsurerMSP");
            assertThat(ledger.verify(ProgressListener.NONE).height()).isEqualTo(height + 1);
        }
    }

    @Test
    void a_block_0_framed_but_never_stored_is_kept_instead_of_a_new_chain_started() throws Exception {
        String genesisHash;
        try (EmbeddedLedger ledger = platform.open(folder)) {
            genesisHash = ledger.block(0).orElseThrow().hash();
        }
        deleteDatabase();

        try (EmbeddedLedger ledger = platform.open(folder)) {
            assertThat(ledger.height()).isEqualTo(1);
            assertThat(ledger.block(0).orElseThrow().hash()).isEqualTo(genesisHash);
            Scenario.ready(platform, ledger);
            assertThat(ledger.verify(ProgressListener.NONE).height()).isEqualTo(ledger.height());
        }
    }

    @Test
    void the_block_file_of_another_node_is_refused_and_left_as_it_is() throws Exception {
        try (EmbeddedLedger ledger = platform.open(folder)) {
            Scenario.ready(platform, ledger);
        }
        deleteDatabase();
        byte[] blocks = Files.readAllBytes(folder.resolve(BlockFile.NAME));

        TestPlatform other = new TestPlatform(CryptoSuite.P256_SHA256);
        assertThatThrownBy(() -> other.open(folder)).isInstanceOf(LedgerException.class)
                .hasMessageContaining("node identity");
        assertThat(Files.readAllBytes(folder.resolve(BlockFile.NAME))).isEqualTo(blocks);
    }

    @Test
    void a_damaged_block_0_with_blocks_after_it_is_refused_and_no_new_chain_replaces_them() throws Exception {
        try (EmbeddedLedger ledger = platform.open(folder)) {
            Scenario.ready(platform, ledger);
        }
        deleteDatabase();
        // one bit of block 0's frame head: its checksum no longer matches, the frames after it are whole
        long position = BlockFile.START + BlockFrame.PREFIX + 16;
        try (FileChannel channel = FileChannel.open(folder.resolve(BlockFile.NAME), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            channel.write(ByteBuffer.wrap(new byte[] {(byte) (one.get(0) ^ 1)}), position);
        }
        byte[] blocks = Files.readAllBytes(folder.resolve(BlockFile.NAME));

        for (LedgerOptions options : List.of(platform.options(),
                platform.builder(platform.membership()).readOnly(true).build())) {
            assertThatThrownBy(() -> EmbeddedLedger.open(folder, options)).isInstanceOf(LedgerException.class)
                    .hasMessageContaining("no block 0 that can be read");
            assertThat(Files.readAllBytes(folder.resolve(BlockFile.NAME))).isEqualTo(blocks);
        }
    }

    @Test
    void a_ledger_from_before_frames_whose_database_is_lost_is_refused_and_its_block_file_kept() throws Exception {
        try (EmbeddedLedger ledger = platform.open(folder)) {
            Scenario.ready(platform, ledger);
        }
        UnframedLedger.unframe(folder);
        try (EmbeddedLedger ledger = platform.open(folder)) {
            assertThat(ledger.height()).as("upgraded in place, no block framed since").isEqualTo(10);
        }
        deleteDatabase();
        byte[] blocks = Files.readAllBytes(folder.resolve(BlockFile.NAME));

        for (LedgerOptions options : List.of(platform.options(),
                platform.builder(platform.membership()).readOnly(true).build())) {
            assertThatThrownBy(() -> EmbeddedLedger.open(folder, options)).isInstanceOf(LedgerException.class)
                    .hasMessageContaining("no block 0 that can be read")
                    .hasMessageContaining("before storage format 6");
            assertThat(Files.readAllBytes(folder.resolve(BlockFile.NAME))).isEqualTo(blocks);
        }
    }

    @Test
    void what_a_crash_leaves_of_a_first_block_0_gives_way_to_a_new_chain_and_is_kept_aside() throws Exception {
        try (EmbeddedLedger ledger = platform.open(folder)) {
            assertThat(ledger.height()).isEqualTo(1);
        }
        Path file = folder.resolve(BlockFile.NAME);
        byte[] first = Files.readAllBytes(file);
        int start = (int) BlockFile.START;
        // what a torn append may leave: the frame's start; its start, then zeros up to its length
        // (sectors written, others not); zeros, then its later bytes (the first page not written)
        byte[] startThenZeros = Arrays.copyOf(Arrays.copyOf(first, start + 512), first.length);
        byte[] zerosThenRest = first.clone();
        Arrays.fill(zerosThenRest, start, start + 1024, (byte) 0);
        List<byte[]> torn = List.of(Arrays.copyOf(first, start + 20), startThenZeros, zerosThenRest,
                Arrays.copyOf(Arrays.copyOf(first, start), first.length));
        for (int i = 0; i < torn.size(); i++) {
            deleteDatabase();
            Files.write(file, torn.get(i));

            try (EmbeddedLedger ledger = platform.open(folder)) {
                assertThat(ledger.height()).isEqualTo(1);
                Scenario.ready(platform, ledger);
            }
            Path aside = folder.resolve(BlockFile.NAME + ".torn" + (i == 0 ? "" : "." + i));
            assertThat(Files.readAllBytes(aside)).as("kept aside, never overwritten").isEqualTo(torn.get(i));
        }
    }

    @Test
    void a_small_ledger_whose_first_page_is_lost_is_refused_not_taken_for_a_torn_first_opening() throws Exception {
        try (EmbeddedLedger ledger = platform.open(folder)) {
            platform.start(ledger);
        }
        deleteDatabase();
        // zeros over block 0 and the head of block 1: no frame left to see, but more than a block 0
        Path file = folder.resolve(BlockFile.NAME);
        byte[] blocks = Files.readAllBytes(file);
        Arrays.fill(blocks, (int) BlockFile.START, 4096, (byte) 0);
        Files.write(file, blocks);

        assertThatThrownBy(() -> platform.open(folder)).isInstanceOf(LedgerException.class)
                .hasMessageContaining("no block 0 that can be read");
        assertThat(Files.readAllBytes(file)).isEqualTo(blocks);
    }

    @Test
    void a_damaged_block_0_with_a_block_after_it_is_refused_even_within_the_size_of_a_block_0() throws Exception {
        // a ledger of one genesis member and a config block: smaller in all than the block 0 of
        // the four members the opening below is given, so only the frame after block 0 tells
        ChannelMembership bureauOnly = ChannelMembership.builder()
                .organisation(platform.bureau.mspId, platform.bureau.caPem()).build();
        Member insurer = new Member("InsurerMSP", CryptoSuite.P256_SHA256, Role.CONSUMER);
        try (EmbeddedLedger ledger = EmbeddedLedger.open(folder, platform.builder(bureauOnly).build())) {
            ledger.updateMembership(MembershipUpdate.sign(TestPlatform.CHANNEL, 1, "InsurerMSP",
                    List.of(insurer.caPem()), platform.node)).join();
        }
        deleteDatabase();
        Path file = folder.resolve(BlockFile.NAME);
        byte[] blocks = Files.readAllBytes(file);
        blocks[100] ^= 1;
        Files.write(file, blocks);
        assertThat(blocks.length - BlockFile.START).isLessThan(Bootstrap.largestGenesisFrame(platform.options()));

        assertThatThrownBy(() -> platform.open(folder)).isInstanceOf(LedgerException.class)
                .hasMessageContaining("no block 0 that can be read");
        assertThat(Files.readAllBytes(file)).isEqualTo(blocks);
    }

    @Test
    void a_genesis_frame_whose_signature_does_not_verify_is_refused() throws Exception {
        try (EmbeddedLedger ledger = platform.open(folder)) {
            Scenario.ready(platform, ledger);
        }
        deleteDatabase();
        // block 0's frame with another signature of the same length, its checksum made to match
        BlockFrame original;
        try (BlockFile file = BlockFile.open(folder, BlockFile.START)) {
            original = file.headAt(BlockFile.START).orElseThrow();
        }
        byte[] signature = original.signature();
        signature[signature.length - 1] ^= 1;
        byte[] forged = new BlockFrame(0, original.header(), signature, original.entryLengths()).encodeHead();
        try (FileChannel channel = FileChannel.open(folder.resolve(BlockFile.NAME), StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(forged), BlockFile.START);
        }

        assertThatThrownBy(() -> platform.open(folder)).isInstanceOf(LedgerException.class)
                .hasMessageContaining("not signed by the node certificate");
    }

    private void deleteDatabase() throws Exception {
        Files.delete(Database.file(folder));
        Files.deleteIfExists(folder.resolve("ledger.trace.db"));
    }

    /** Each table's rows as text, in key order. */
    private List<List<String>> tables() throws SQLException {
        List<List<String>> tables = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:file:" + folder.resolve("ledger").toAbsolutePath(), "ledger", "");
                Statement statement = connection.createStatement()) {
            for (String query : TABLES) {
                List<String> rows = new ArrayList<>();
                try (ResultSet row = statement.executeQuery(query)) {
                    ResultSetMetaData columns = row.getMetaData();
                    while (row.next()) {
                        StringBuilder text = new StringBuilder();
                        for (int i = 1; i <= columns.getColumnCount(); i++) {
                            Object value = row.getObject(i);
                            text.append(value instanceof byte[] bytes ? Arrays.toString(bytes) : String.valueOf(value))
                                    .append('|');
                        }
                        rows.add(text.toString());
                    }
                }
                assertThat(rows).as(query).isNotEmpty();
                tables.add(rows);
            }
        }
        return tables;
    }
}
