package org.qcchain.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.node.demo.DemoCatalogue;
import org.qcchain.node.demo.DemoOrganisation;
import org.qcchain.node.demo.DemoPlatform;
import org.qcchain.node.platform.NodePlatform;
import org.qcchain.node.store.ProviderStore;

/**
 * {@code qcchain import} from a department's own database (JDBC, an H2 file database with the
 * department's layout standing in for its system) and from CSV, on a data folder a small demo made.
 */
@Timeout(120)
class SourceImportCommandTest extends CommandLineTest {

    static final String RESIDENT_ID = "370102198805050055";
    static final String PASSWORD = "dept-secret-42";
    static final String CASE_HOLDER = "370102198805050211";
    /** A key with quotes and spaces, as SQL writes it and as the department keeps it. */
    static final String CASE_WITH_QUOTES = "Xu''s case \"A 17\"";
    /** An identifier and a value of a bad row: an error message must show neither. */
    static final String SECRET_ID = "370102198805050199";
    static final String SECRET_VALUE = "private-remark-9";
    /** The social insurance centre's table SI_CONTRIB mapped to the dataset, with its own row versions. */
    static final String CONTRIBUTIONS_MAPPING = "{\"table\":\"SI_CONTRIB\",\"subjectType\":\"RESIDENT_ID\","
            + "\"subjectNumberColumn\":\"ID_NO\",\"recordKeyColumn\":\"ACCT_NO\",\"recordVersionColumn\":\"ROW_REV\","
            + "\"fields\":{\"employer\":\"UNIT_NAME\",\"monthsPaid\":\"PAID_MONTHS\",\"baseSalary\":\"BASE_WAGE\","
            + "\"status\":\"ACCT_STATE\"}}";

    @TempDir
    static Path demo;
    @TempDir
    static Path department;
    static String url;

    @BeforeAll
    static void demoFolderAndDepartmentDatabase() throws Exception {
        DemoPlatform.create(demo, 70, 7L, new PrintStream(OutputStream.nullOutputStream())).close();
        url = "jdbc:h2:file:" + department.resolve("sipc").toAbsolutePath();
        try (Connection db = DriverManager.getConnection(url, "sipc", PASSWORD); Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE SI_CONTRIB (ID_NO VARCHAR(18), ACCT_NO INT, ROW_REV INT, UNIT_NAME VARCHAR(64), "
                    + "PAID_MONTHS SMALLINT, BASE_WAGE DECIMAL(10,2), ACCT_STATE VARCHAR(8))");
            sql.execute("INSERT INTO SI_CONTRIB VALUES ('" + RESIDENT_ID + "', 1, 1, '浪潮集团', 36, 8800.00, 'ACTIVE'),"
                    + " ('" + RESIDENT_ID + "', 2, 3, '齐鲁制药', 12, 9100.50, 'CLOSED'),"
                    + " ('370102198805050066', 1, 1, '鲁商集团', 7, NULL, 'ACTIVE')");
            // a system that keys its rows by case number, not by an integer
            sql.execute("CREATE TABLE SI_CASES (CASE_NO VARCHAR(64), ID_NO VARCHAR(18), ROW_REV INT, "
                    + "UNIT_NAME VARCHAR(64), ACCT_STATE VARCHAR(8))");
            sql.execute("INSERT INTO SI_CASES VALUES ('" + CASE_WITH_QUOTES + "', '" + CASE_HOLDER + "', 1, '浪潮集团',"
                    + " 'OPEN'), ('(2024)鲁0102民初123号', '" + CASE_HOLDER + "', 1, '齐鲁制药', 'OPEN'),"
                    + " ('007', '" + CASE_HOLDER + "', 1, '鲁商集团', 'CLOSED'), ('7', '" + CASE_HOLDER + "', 1,"
                    + " '鲁商集团', 'CLOSED')");
        }
    }

    @Test
    void imports_from_the_departments_database_through_a_mapping_and_skips_rows_it_has_on_a_second_run(
            @TempDir Path files) throws Exception {
        Path mapping = files.resolve("mapping.json");
        Files.writeString(mapping, CONTRIBUTIONS_MAPPING);
        Map<String, String> env = Map.of("QCCHAIN_SOURCE_USER", "sipc", "QCCHAIN_SOURCE_PASSWORD", PASSWORD);
        String[] args = {"import", "--data", demo.toString(), "--provider", DemoOrganisation.SOCIAL_INSURANCE,
            "--dataset", DemoCatalogue.SOCIAL_INSURANCE, "--jdbc-url", url, "--mapping", mapping.toString(),
            "--batch", "2", "--fetch-size", "2"};

        assertThat(run(env, args)).as(err()).isEqualTo(ExitCodes.OK);
        assertThat(out()).contains("2 batches anchored", "imported 3 records").doesNotContain(PASSWORD, RESIDENT_ID);

        assertThat(run(env, args)).as(err()).isEqualTo(ExitCodes.OK);
        assertThat(out()).contains("imported 0 records", "3 rows skipped");
        byte[] store = Files.readAllBytes(demo.resolve("providers").resolve(DemoOrganisation.SOCIAL_INSURANCE)
                .resolve("records.mv.db"));
        assertThat(new String(store, StandardCharsets.ISO_8859_1)).doesNotContain(RESIDENT_ID);
        assertThat(run(Map.of(), "verify", "--data", demo.toString())).isEqualTo(ExitCodes.OK);
    }

    @Test
    void imports_rows_keyed_by_case_numbers_and_knows_them_again_on_a_second_run(@TempDir Path files)
            throws Exception {
        Path mapping = files.resolve("cases.json");
        Files.writeString(mapping, "{\"table\":\"SI_CASES\",\"subjectType\":\"RESIDENT_ID\","
                + "\"subjectNumberColumn\":\"ID_NO\",\"recordKeyColumn\":\"CASE_NO\",\"recordVersionColumn\":\"ROW_REV\","
                + "\"fields\":{\"employer\":\"UNIT_NAME\",\"monthsPaid\":\"ROW_REV\",\"baseSalary\":\"ROW_REV\","
                + "\"status\":\"ACCT_STATE\"}}");
        Map<String, String> env = Map.of("QCCHAIN_SOURCE_USER", "sipc", "QCCHAIN_SOURCE_PASSWORD", PASSWORD);
        String[] args = {"import", "--data", demo.toString(), "--provider", DemoOrganisation.SOCIAL_INSURANCE,
            "--dataset", DemoCatalogue.SOCIAL_INSURANCE, "--jdbc-url", url, "--mapping", mapping.toString()};
        long[] before = storedState();

        assertThat(run(env, args)).as(err()).isEqualTo(ExitCodes.OK);
        assertThat(out()).contains("imported 4 records").doesNotContain("Xu's", "民初", CASE_HOLDER);
        assertThat(storedState()[0]).as("four keys, four records: '007' is not 7").isEqualTo(before[0] + 4);

        assertThat(run(env, args)).as(err()).isEqualTo(ExitCodes.OK);
        assertThat(out()).contains("imported 0 records", "4 rows skipped");
        assertThat(storedState()[0]).isEqualTo(before[0] + 4);
        String store = new String(Files.readAllBytes(demo.resolve("providers")
                .resolve(DemoOrganisation.SOCIAL_INSURANCE).resolve("records.mv.db")), StandardCharsets.ISO_8859_1);
        assertThat(store).as("no key in clear in the store").doesNotContain("Xu's case",
                new String("民初123号".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        assertThat(run(Map.of(), "verify", "--data", demo.toString())).isEqualTo(ExitCodes.OK);
    }

    @Test
    void refuses_a_query_column_that_is_no_catalogue_field_before_storing_anything() {
        Map<String, String> env = Map.of("QCCHAIN_SOURCE_USER", "sipc", "QCCHAIN_SOURCE_PASSWORD", PASSWORD);

        int code = run(env, "import", "--data", demo.toString(), "--provider", DemoOrganisation.SOCIAL_INSURANCE,
                "--dataset", DemoCatalogue.SOCIAL_INSURANCE, "--jdbc-url", url, "--query",
                "SELECT 'RESIDENT_ID' AS subject_type, ID_NO AS subject_number, UNIT_NAME AS employer, "
                        + "PAID_MONTHS AS months_paid, BASE_WAGE AS salary, ACCT_STATE AS status FROM SI_CONTRIB");

        assertThat(code).isEqualTo(ExitCodes.FAILURE);
        assertThat(err()).contains("row 1: column 'SALARY' is no field of " + DemoCatalogue.SOCIAL_INSURANCE)
                .doesNotContain(PASSWORD);
    }

    @Test
    void refuses_a_wrong_password_without_showing_it() {
        int code = run(Map.of("QCCHAIN_SOURCE_USER", "sipc", "QCCHAIN_SOURCE_PASSWORD", "wrong-" + PASSWORD), "import",
                "--data", demo.toString(), "--provider", DemoOrganisation.SOCIAL_INSURANCE, "--dataset",
                DemoCatalogue.SOCIAL_INSURANCE, "--jdbc-url", url, "--query", "SELECT 1");

        assertThat(code).isEqualTo(ExitCodes.FAILURE);
        assertThat(err()).contains("cannot connect").doesNotContain(PASSWORD);
    }

    @Test
    void imports_csv_and_names_the_line_of_a_field_the_catalogue_lacks(@TempDir Path files) throws Exception {
        Path good = files.resolve("contributions.csv");
        Files.writeString(good, "subjectType,subjectNumber,employer,monthsPaid:integer,status\r\n"
                + "RESIDENT_ID,370102198805050077,\"Jinan \"\"Steel\"\", Ltd\",24,ACTIVE\r\n");
        Path bad = files.resolve("bad.csv");
        Files.writeString(bad, "subjectType,subjectNumber,employer,bonus\nRESIDENT_ID,370102198805050088,x,y\n");

        assertThat(run(Map.of(), "import", "--data", demo.toString(), "--provider", DemoOrganisation.SOCIAL_INSURANCE,
                "--dataset", DemoCatalogue.SOCIAL_INSURANCE, "--file", good.toString())).as(err()).isEqualTo(ExitCodes.OK);
        assertThat(out()).contains("imported 1 records");

        assertThat(run(Map.of(), "import", "--data", demo.toString(), "--provider", DemoOrganisation.SOCIAL_INSURANCE,
                "--dataset", DemoCatalogue.SOCIAL_INSURANCE, "--file", bad.toString())).isEqualTo(ExitCodes.FAILURE);
        assertThat(err()).contains("line 2: field 'bonus' is not in the catalogue entry");
    }

    @Test
    void refuses_an_ndjson_line_with_a_field_the_catalogue_lacks_by_its_number_and_stores_nothing(
            @TempDir Path files) throws Exception {
        Path records = files.resolve("contributions.ndjson");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            lines.append(ndjson("37010219880505010" + i, "{\"employer\":\"Inspur\",\"monthsPaid\":" + i + "}"));
        }
        lines.append("\n").append(ndjson(SECRET_ID, "{\"employer\":\"Inspur\",\"bonus\":\"" + SECRET_VALUE + "\"}"));
        Files.writeString(records, lines);
        long[] before = storedState();

        int code = run(Map.of(), "import", "--data", demo.toString(), "--provider", DemoOrganisation.SOCIAL_INSURANCE,
                "--dataset", DemoCatalogue.SOCIAL_INSURANCE, "--file", records.toString(), "--batch", "2");

        assertThat(code).isEqualTo(ExitCodes.FAILURE);
        assertThat(err()).contains("line 6: field 'bonus' is not in the catalogue entry of "
                + DemoCatalogue.SOCIAL_INSURANCE).doesNotContain(SECRET_ID, SECRET_VALUE);
        assertThat(out()).doesNotContain("batches anchored");
        assertThat(storedState()).as("records, batches and ledger height after the refused file")
                .containsExactly(before);
    }

    @Test
    void imports_ndjson_whose_fields_are_all_in_the_catalogue_entry(@TempDir Path files) throws Exception {
        Path records = files.resolve("contributions.ndjson");
        Files.writeString(records, ndjson("370102198805050111", "{\"employer\":\"Inspur\",\"monthsPaid\":3,"
                + "\"baseSalary\":\"8800.00\",\"status\":null}"));
        long[] before = storedState();

        assertThat(run(Map.of(), "import", "--data", demo.toString(), "--provider", DemoOrganisation.SOCIAL_INSURANCE,
                "--dataset", DemoCatalogue.SOCIAL_INSURANCE, "--file", records.toString())).as(err())
                .isEqualTo(ExitCodes.OK);
        assertThat(out()).contains("imported 1 records");
        assertThat(storedState()[0]).isEqualTo(before[0] + 1);
    }

    @Test
    void refuses_a_csv_line_late_in_the_file_before_storing_any_batch(@TempDir Path files) throws Exception {
        Path records = files.resolve("contributions.csv");
        StringBuilder csv = new StringBuilder("subjectType,subjectNumber,employer,monthsPaid:integer\n");
        for (int i = 0; i < 4; i++) {
            csv.append("RESIDENT_ID,37010219880505012").append(i).append(",Inspur,").append(i).append('\n');
        }
        csv.append("RESIDENT_ID,").append(SECRET_ID).append(",Inspur,").append(SECRET_VALUE).append('\n');
        Files.writeString(records, csv);
        long[] before = storedState();

        int code = run(Map.of(), "import", "--data", demo.toString(), "--provider", DemoOrganisation.SOCIAL_INSURANCE,
                "--dataset", DemoCatalogue.SOCIAL_INSURANCE, "--file", records.toString(), "--batch", "2");

        assertThat(code).isEqualTo(ExitCodes.FAILURE);
        assertThat(err()).contains("line 6: column 'monthsPaid' must be an integer")
                .doesNotContain(SECRET_ID, SECRET_VALUE);
        assertThat(storedState()).containsExactly(before);
    }

    @Test
    void retires_the_records_a_whole_file_no_longer_holds_and_none_twice(@TempDir Path files) throws Exception {
        // the provident fund's demo records are not in the file: deleted at the source, as far as it says
        String provider = DemoOrganisation.PROVIDENT_FUND;
        String dataset = DemoCatalogue.PROVIDENT_FUND;
        Path records = files.resolve("fund.ndjson");
        Files.writeString(records, ndjson("370102198805050301", "{\"employer\":\"Inspur\",\"monthlyDeposit\":1200,"
                + "\"monthsPaid\":3,\"status\":\"ACTIVE\"}"));
        String[] args = {"import", "--data", demo.toString(), "--provider", provider, "--dataset", dataset,
            "--file", records.toString(), "--missing", "retire"};
        long[] before = storedState(provider, dataset);
        assertThat(before[0]).as("demo records of the fund").isGreaterThan(3);

        // more than allowed: looks like a source read in part; a file is counted before anything is stored
        assertThat(run(Map.of(), concat(args, "--max-retire", "3"))).isEqualTo(ExitCodes.FAILURE);
        assertThat(err()).contains("lacks the rows of " + before[0] + " records", "more than the 3",
                "--max-retire " + before[0]);
        assertThat(storedState(provider, dataset)).containsExactly(before);

        assertThat(run(Map.of(), args)).as(err()).isEqualTo(ExitCodes.OK);

        assertThat(out()).contains("imported 1 records", "; " + before[0] + " records retired");
        long[] after = storedState(provider, dataset);
        assertThat(after[0]).as("a retiring version for each").isEqualTo(2 * before[0] + 1);
        assertThat(after[1]).as("the row's batch, then the retiring one").isEqualTo(before[1] + 2);

        out.reset();
        assertThat(run(Map.of(), args)).as(err()).isEqualTo(ExitCodes.OK);
        assertThat(out()).contains("imported 1 records").doesNotContain("retired");
        assertThat(run(Map.of(), "verify", "--data", demo.toString())).as(err()).isEqualTo(ExitCodes.OK);

        Files.writeString(records, "");
        assertThat(run(Map.of(), args)).isEqualTo(ExitCodes.FAILURE);
        assertThat(err()).contains("the source gave no rows");
        // a source that numbers versions itself could bring a row back under the retiring version's number
        Files.writeString(records, ndjson("370102198805050301", "{\"employer\":\"Inspur\"}").replace("\"fields\"",
                "\"version\":9,\"fields\""));
        long[] beforeVersioned = storedState(provider, dataset);
        assertThat(run(Map.of(), args)).isEqualTo(ExitCodes.FAILURE);
        assertThat(err()).contains("line 1", "--missing retire needs rows without their own version");
        assertThat(storedState(provider, dataset)).containsExactly(beforeVersioned);
        assertThat(run(Map.of(), concat(args, "--missing", "maybe"))).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("--missing must be keep or retire");
        assertThat(run(Map.of(), concat(args, "--max-retire", "-1"))).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("--max-retire N goes with --missing retire");
    }

    @Test
    void refuses_to_retire_from_a_query_with_versions_of_its_own_before_its_first_row(@TempDir Path files)
            throws Exception {
        Path mapping = files.resolve("versioned.json");
        Files.writeString(mapping, CONTRIBUTIONS_MAPPING);
        long[] before = storedState();

        int code = run(Map.of("QCCHAIN_SOURCE_USER", "sipc", "QCCHAIN_SOURCE_PASSWORD", PASSWORD), "import", "--data",
                demo.toString(), "--provider", DemoOrganisation.SOCIAL_INSURANCE, "--dataset",
                DemoCatalogue.SOCIAL_INSURANCE, "--jdbc-url", url, "--mapping", mapping.toString(), "--batch", "1",
                "--missing", "retire");

        assertThat(code).isEqualTo(ExitCodes.FAILURE);
        assertThat(err()).contains("the query has a record_version column");
        assertThat(storedState()).containsExactly(before);
    }

    @Test
    void needs_either_a_file_or_a_database_and_a_query_or_mapping_with_it() {
        assertThat(run(Map.of(), "import", "--data", demo.toString(), "--provider", "P", "--dataset", "d"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("either --file or --jdbc-url");
        assertThat(run(Map.of(), "import", "--data", demo.toString(), "--provider", "P", "--dataset", "d",
                "--jdbc-url", url)).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("--query or --mapping");
    }

    @Test
    void imports_the_live_hospital_dataset_again_from_its_database_anchoring_nothing_unchanged(@TempDir Path files)
            throws Exception {
        String his = "jdbc:h2:file:" + demo.resolve("sources").resolve(DemoOrganisation.HOSPITAL).resolve("his")
                .toAbsolutePath();
        String fields = "\"fields\":{\"date\":\"VISIT_DATE\",\"department\":\"DEPARTMENT\","
                + "\"diagnosisCode\":\"DIAGNOSIS_CODE\",\"amount\":\"AMOUNT\",\"insuredAmount\":\"INSURED_AMOUNT\"}";
        Path live = files.resolve("live.json");
        Files.writeString(live, "{\"table\":\"HIS_VISITS\",\"subjectType\":\"RESIDENT_ID\","
                + "\"subjectNumberColumn\":\"PATIENT_ID_NO\",\"recordKeyColumn\":\"VISIT_SEQ\","
                + "\"rowKeyColumn\":\"ROW_ID\"," + fields + "}");
        Path noRowKey = files.resolve("no-row-key.json");
        Files.writeString(noRowKey, Files.readString(live).replace("\"rowKeyColumn\":\"ROW_ID\",", ""));
        String[] common = {"import", "--data", demo.toString(), "--provider", DemoOrganisation.HOSPITAL,
            "--dataset", DemoCatalogue.HOSPITAL, "--jdbc-url", his};
        long[] before = storedState(DemoOrganisation.HOSPITAL, DemoCatalogue.HOSPITAL);

        assertThat(run(Map.of(), concat(common, "--mapping", live.toString(), "--values", "source")))
                .as(err()).isEqualTo(ExitCodes.OK);
        assertThat(out()).contains("imported 0 records of " + DemoCatalogue.HOSPITAL + " in 0 batches", "unchanged");
        assertThat(run(Map.of(), concat(common, "--mapping", noRowKey.toString(), "--values", "source")))
                .isEqualTo(ExitCodes.FAILURE);
        assertThat(err()).contains("a live import needs each row's key");
        // a row key the database cannot look up by the name row_key (a quoted label): refused before storing
        String quoted = "SELECT 'RESIDENT_ID' AS subject_type, PATIENT_ID_NO AS subject_number, VISIT_SEQ AS"
                + " record_key, ROW_ID AS \"rowKey\", VISIT_DATE AS \"date\", DEPARTMENT AS department,"
                + " DIAGNOSIS_CODE AS \"diagnosisCode\", AMOUNT AS amount, INSURED_AMOUNT AS \"insuredAmount\""
                + " FROM HIS_VISITS";
        assertThat(run(Map.of(), concat(common, "--query", quoted, "--values", "source")))
                .isEqualTo(ExitCodes.FAILURE);
        assertThat(err()).contains("row 1 of the query: the database cannot look the row up again by its row_key");
        assertThat(run(Map.of(), concat(common, "--mapping", live.toString()))).isEqualTo(ExitCodes.FAILURE);
        assertThat(err()).contains("is live: its values stay in the provider's own database");
        assertThat(run(Map.of(), concat(common, "--mapping", live.toString(), "--values", "elsewhere")))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(storedState(DemoOrganisation.HOSPITAL, DemoCatalogue.HOSPITAL)).containsExactly(before);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static String ndjson(String residentId, String fields) {
        return "{\"subjectType\":\"RESIDENT_ID\",\"subjectNumber\":\"" + residentId + "\",\"fields\":" + fields
                + "}\n";
    }

    /** The provider's stored records and batches of the dataset, and the ledger's height. */
    private static long[] storedState() throws Exception {
        return storedState(DemoOrganisation.SOCIAL_INSURANCE, DemoCatalogue.SOCIAL_INSURANCE);
    }

    private static long[] storedState(String provider, String dataset) throws Exception {
        try (NodePlatform platform = NodePlatform.open(demo)) {
            ProviderStore store = platform.stores().create(provider);
            return new long[] {store.recordCount(dataset), store.batchCount(dataset), platform.ledger().height()};
        }
    }
}
