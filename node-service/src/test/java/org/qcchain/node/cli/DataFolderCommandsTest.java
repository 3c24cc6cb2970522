package org.qcchain.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.node.TestFolders;
import org.qcchain.node.demo.DemoCatalogue;
import org.qcchain.node.demo.DemoOrganisation;
import org.qcchain.node.demo.DemoPlatform;
import org.qcchain.node.store.PlatformKey;

/**
 * {@code verify}, {@code import} and {@code start} on a data folder a small demo made, run through
 * the real command line on real H2 files.
 */
@Timeout(120)
class DataFolderCommandsTest extends CommandLineTest {

    /** A resident id that must never reach the provider's database in clear. */
    static final String RESIDENT_ID = "370102199912310077";

    @TempDir
    static Path demo;

    @BeforeAll
    static void demoFolder() throws Exception {
        DemoPlatform.create(demo, 70, 7L, new PrintStream(OutputStream.nullOutputStream())).close();
    }

    @Nested
    class Verify {

        @Test
        void reports_an_intact_ledger_with_its_progress() {
            assertThat(run(Map.of(), "verify", "--data", demo.toString())).as(err()).isEqualTo(ExitCodes.OK);

            assertThat(out()).contains("blocks verified", "ledger intact",
                    "each holding every batch the ledger anchors for it").containsPattern("verified in \\S+ s: "
                    + "\\S+ transactions/s");
        }

        @Test
        void names_the_first_bad_block_of_an_edited_ledger(@TempDir Path copy) throws Exception {
            TestFolders.copy(demo, copy);
            // the transaction's hash as indexed in the database, no longer that of its entry in the block file
            long block = edit(copy, "UPDATE transactions SET tx_hash = ? WHERE block_no = ?", new byte[32]);

            assertThat(run(Map.of(), "verify", "--data", copy.toString())).isEqualTo(VerifyCommand.NOT_INTACT);

            assertThat(err()).contains("ledger NOT intact: first bad block " + block + ":");
        }

        @Test
        void names_a_provider_store_that_lacks_a_batch_the_ledger_anchors(@TempDir Path copy) throws Exception {
            TestFolders.copy(demo, copy);
            String provider = DemoOrganisation.SOCIAL_INSURANCE;
            Path store = copy.resolve("providers").resolve(provider);
            try (Connection connection = DriverManager.getConnection("jdbc:h2:file:"
                    + store.resolve("records").toAbsolutePath(), "qcchain", "");
                    PreparedStatement delete = connection.prepareStatement("DELETE FROM batches")) {
                assertThat(delete.executeUpdate()).isPositive();
            }

            assertThat(run(Map.of(), "verify", "--data", copy.toString())).isEqualTo(VerifyCommand.STORE_NOT_ANCHORED);

            assertThat(out()).contains("ledger intact", "record store of " + DemoOrganisation.VEHICLES + ": ");
            assertThat(err()).contains("the record store of " + provider + " does not hold what the ledger anchors",
                    "is anchored on the ledger but not in the store", "provider stores NOT as anchored");
        }

        @Test
        void makes_a_lost_ledger_database_again_from_the_block_file(@TempDir Path copy) throws Exception {
            TestFolders.copy(demo, copy);
            Files.delete(copy.resolve("ledger").resolve("ledger.mv.db"));

            assertThat(run(Map.of(), "verify", "--data", copy.toString())).as(err()).isEqualTo(ExitCodes.OK);

            assertThat(out()).contains("ledger intact");
            assertThat(copy.resolve("ledger").resolve("ledger.mv.db")).exists();
        }

        @Test
        void refuses_a_folder_without_a_ledger(@TempDir Path empty) {
            assertThat(run(Map.of(), "verify", "--data", empty.toString())).isEqualTo(ExitCodes.CONFIG);

            assertThat(err()).contains("holds no ledger");
        }
    }

    @Nested
    class Compact {

        @Test
        void rewrites_the_ledger_which_then_verifies_as_before(@TempDir Path copy) throws Exception {
            TestFolders.copy(demo, copy);
            byte[] blocks = Files.readAllBytes(copy.resolve("ledger").resolve("blocks.dat"));

            assertThat(run(Map.of(), "compact", "--data", copy.toString())).as(err()).isEqualTo(ExitCodes.OK);

            assertThat(out()).contains("ledger compacted:", " MB -> ");
            assertThat(Files.readAllBytes(copy.resolve("ledger").resolve("blocks.dat"))).isEqualTo(blocks);
            assertThat(run(Map.of(), "verify", "--data", copy.toString())).as(err()).isEqualTo(ExitCodes.OK);
            assertThat(out()).contains("ledger intact");
        }

        @Test
        void refuses_a_folder_without_a_ledger(@TempDir Path empty) {
            assertThat(run(Map.of(), "compact", "--data", empty.toString())).isEqualTo(ExitCodes.CONFIG);

            assertThat(err()).contains("holds no ledger");
            assertThat(empty.resolve("ledger")).doesNotExist();
        }
    }

    @Nested
    class Import {

        @Test
        void pseudonymises_stores_and_anchors_ndjson_records(@TempDir Path files) throws Exception {
            Path records = files.resolve("records.ndjson");
            Files.writeString(records, line(RESIDENT_ID, 0) + "\n\n" + line(RESIDENT_ID, 1) + "\n"
                    + line("370102199912310078", 0) + "\n");

            int code = run(Map.of(), "import", "--data", demo.toString(), "--provider", DemoOrganisation.SOCIAL_INSURANCE,
                    "--dataset", DemoCatalogue.SOCIAL_INSURANCE, "--file", records.toString(), "--batch", "2");

            assertThat(code).as(err()).isEqualTo(ExitCodes.OK);
            assertThat(out()).contains("2 batches anchored", "imported 3 records");
            assertThat(out() + err()).doesNotContain(RESIDENT_ID);
            byte[] database = Files.readAllBytes(demo.resolve("providers").resolve(DemoOrganisation.SOCIAL_INSURANCE)
                    .resolve("records.mv.db"));
            assertThat(new String(database, StandardCharsets.ISO_8859_1)).doesNotContain(RESIDENT_ID);
            assertThat(run(Map.of(), "verify", "--data", demo.toString())).isEqualTo(ExitCodes.OK);
        }

        @Test
        void refuses_a_line_naming_its_number_but_not_its_content(@TempDir Path files) throws Exception {
            Path records = files.resolve("records.ndjson");
            Files.writeString(records, "{\"subjectType\":\"RESIDENT_ID\",\"subjectNumber\":\"" + RESIDENT_ID
                    + "\",\"fields\":{\"amount\":1.5}}\n");

            int code = run(Map.of(), "import", "--data", demo.toString(), "--provider", DemoOrganisation.SOCIAL_INSURANCE,
                    "--dataset", DemoCatalogue.SOCIAL_INSURANCE, "--file", records.toString());

            assertThat(code).isEqualTo(ExitCodes.FAILURE);
            assertThat(err()).contains("line 1", "'amount'").doesNotContain(RESIDENT_ID);
        }

        @Test
        void needs_the_provider_the_dataset_and_the_file() {
            assertThat(run(Map.of(), "import", "--data", demo.toString(), "--dataset", "x")).isEqualTo(ExitCodes.USAGE);

            assertThat(err()).contains("--provider is required");
        }

        private String line(String residentId, int sequence) {
            return "{\"subjectType\":\"RESIDENT_ID\",\"subjectNumber\":\"" + residentId + "\",\"sequence\":" + sequence
                    + ",\"fields\":{\"employer\":\"Jinan Steel\",\"monthsPaid\":" + (12 + sequence)
                    + ",\"status\":\"ACTIVE\",\"baseSalary\":null}}";
        }
    }

    @Nested
    class Start {

        @Test
        void refuses_a_data_folder_without_a_ledger_with_exit_78(@TempDir Path empty) {
            assertThat(run(Map.of("QCCHAIN_DATA_DIR", empty.toString()), "start")).isEqualTo(ExitCodes.CONFIG);

            assertThat(err()).contains("holds no ledger", "qcchain demo");
        }

        @Test
        void refuses_a_damaged_platform_key_with_exit_78_and_leaves_it_for_a_restore(@TempDir Path copy)
                throws Exception {
            TestFolders.copy(demo, copy);
            Path key = copy.resolve(PlatformKey.FILE);
            Files.writeString(key, "c2hvcnQ=\n");

            assertThat(run(Map.of("QCCHAIN_DATA_DIR", copy.toString()), "start")).isEqualTo(ExitCodes.CONFIG);

            assertThat(err()).contains(PlatformKey.FILE, "does not hold a key of at least 32 bytes",
                    "restore it from the backup");
            assertThat(Files.readString(key)).isEqualTo("c2hvcnQ=\n");
        }

        @Test
        void refuses_a_missing_platform_key_with_exit_78(@TempDir Path copy) throws Exception {
            TestFolders.copy(demo, copy);
            Files.delete(copy.resolve(PlatformKey.FILE));

            assertThat(run(Map.of("QCCHAIN_DATA_DIR", copy.toString()), "start")).isEqualTo(ExitCodes.CONFIG);

            assertThat(err()).contains(PlatformKey.FILE + " is missing; restore it from the backup");
            assertThat(copy.resolve(PlatformKey.FILE)).doesNotExist();
        }

        @Test
        void refuses_the_fabric_backend_without_its_settings() {
            assertThat(run(Map.of("QCCHAIN_LEDGER_BACKEND", "fabric"), "start")).isEqualTo(ExitCodes.CONFIG);

            assertThat(err()).contains("ledger.fabric must be set when ledger.backend is fabric");
        }

        @Test
        void refuses_a_suite_other_than_the_ledger_s() {
            Map<String, String> env = Map.of("QCCHAIN_DATA_DIR", demo.toString(), "QCCHAIN_CRYPTO_SUITE", "SM2_SM3");

            assertThat(run(env, "start")).isEqualTo(ExitCodes.CONFIG);

            assertThat(err()).contains("is of suite P256_SHA256");
        }
    }

    /** verify and import open the ledger of the configuration, as start does; paths that need no network. */
    @Nested
    class Configuration {

        /** A Fabric backend whose MSP folder does not exist: refused before any connection is tried. */
        private Map<String, String> fabric(Path data, Path mspFolder) {
            return Map.of("QCCHAIN_DATA_DIR", data.toString(), "QCCHAIN_LEDGER_BACKEND", "fabric",
                    "QCCHAIN_FABRIC_GATEWAY_ENDPOINT", "127.0.0.1:7051",
                    "QCCHAIN_FABRIC_TLS_ROOT_CERTIFICATE", mspFolder.resolve("tls-ca.crt").toString(),
                    "QCCHAIN_FABRIC_CHANNEL", "datashare", "QCCHAIN_FABRIC_CHAINCODE", "qcchain",
                    "QCCHAIN_FABRIC_MSP_ID", "BureauMSP", "QCCHAIN_FABRIC_MSP_DIRECTORY", mspFolder.toString());
        }

        @Test
        void verify_reads_the_data_folder_from_the_configuration_file(@TempDir Path files) throws Exception {
            Path config = Files.writeString(files.resolve("node.json"), "{\"dataDir\": \"" + demo.toString()
                    .replace("\\", "\\\\") + "\"}");

            assertThat(run(Map.of(), "verify", "--config", config.toString())).as(err()).isEqualTo(ExitCodes.OK);
            assertThat(out()).contains("ledger intact");
        }

        @Test
        void data_overrides_the_configuration_s_data_folder(@TempDir Path files, @TempDir Path empty)
                throws Exception {
            Path config = Files.writeString(files.resolve("node.json"), "{\"dataDir\": \"" + empty.toString()
                    .replace("\\", "\\\\") + "\"}");

            assertThat(run(Map.of(), "verify", "--config", config.toString(), "--data", demo.toString()))
                    .as(err()).isEqualTo(ExitCodes.OK);
        }

        @Test
        void verify_refuses_the_fabric_backend_without_its_settings() {
            assertThat(run(Map.of("QCCHAIN_LEDGER_BACKEND", "fabric"), "verify", "--data", demo.toString()))
                    .isEqualTo(ExitCodes.CONFIG);

            assertThat(err()).contains("ledger.fabric must be set when ledger.backend is fabric");
        }

        @Test
        void verify_on_fabric_opens_the_node_s_msp_folder_first(@TempDir Path data, @TempDir Path nowhere) {
            Path missing = nowhere.resolve("msp");

            assertThat(run(fabric(data, missing), "verify")).isEqualTo(ExitCodes.CONFIG);

            assertThat(err()).contains(missing.toString());
        }

        @Test
        void import_on_fabric_opens_the_node_s_msp_folder_first(@TempDir Path data, @TempDir Path nowhere)
                throws Exception {
            Path missing = nowhere.resolve("msp");
            Path records = Files.writeString(nowhere.resolve("r.ndjson"), "");

            int code = run(fabric(data, missing), "import", "--provider", DemoOrganisation.SOCIAL_INSURANCE,
                    "--dataset", DemoCatalogue.SOCIAL_INSURANCE, "--file", records.toString());

            assertThat(code).isEqualTo(ExitCodes.CONFIG);
            assertThat(err()).contains(missing.toString());
        }

        @Test
        void import_takes_the_provider_from_an_msp_folder_or_a_certificate_not_both(@TempDir Path files)
                throws Exception {
            Path records = Files.writeString(files.resolve("r.ndjson"), "");

            int code = run(Map.of(), "import", "--data", demo.toString(), "--provider",
                    DemoOrganisation.SOCIAL_INSURANCE, "--dataset", DemoCatalogue.SOCIAL_INSURANCE, "--file",
                    records.toString(), "--msp", files.toString(), "--certificate", "c.pem", "--key", "c.key");

            assertThat(code).isEqualTo(ExitCodes.USAGE);
            assertThat(err()).contains("either --msp or --certificate");
        }

        @Test
        void import_refuses_an_msp_folder_without_the_provider_s_certificate(@TempDir Path files) throws Exception {
            Path records = Files.writeString(files.resolve("r.ndjson"), "");
            Path msp = Files.createDirectories(files.resolve("msp"));

            int code = run(Map.of(), "import", "--data", demo.toString(), "--provider",
                    DemoOrganisation.SOCIAL_INSURANCE, "--dataset", DemoCatalogue.SOCIAL_INSURANCE, "--file",
                    records.toString(), "--msp", msp.toString());

            assertThat(code).isEqualTo(ExitCodes.CONFIG);
            assertThat(err()).contains(msp.toString());
        }
    }

    /** Edits the transactions of the chain's last block holding any, as an intruder with file access could. */
    static long edit(Path dataDir, String sql, byte[] payload) throws SQLException {
        String url = "jdbc:h2:file:" + dataDir.resolve("ledger").resolve("ledger").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(url, "ledger", "");
                ResultSet last = connection.createStatement().executeQuery("SELECT MAX(block_no) FROM transactions");
                PreparedStatement update = connection.prepareStatement(sql)) {
            assertThat(last.next()).isTrue();
            long block = last.getLong(1);
            update.setBytes(1, payload);
            update.setLong(2, block);
            assertThat(update.executeUpdate()).as("rows edited").isPositive();
            return block;
        }
    }
}
