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

/**
 * {@code qcchain import} from a department's own database (JDBC, an H2 file database with the
 * department's layout standing in for its system) and from CSV, on a data folder a small demo made.
 */
@Timeout(120)
class SourceImportCommandTest extends CommandLineTest {

    static final String RESIDENT_ID = "370102198805050055";
    static final String PASSWORD = "dept-secret-42";

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
        }
    }

    @Test
    void imports_from_the_departments_database_through_a_mapping_and_skips_rows_it_has_on_a_second_run(
            @TempDir Path files) throws Exception {
        Path mapping = files.resolve("mapping.json");
        Files.writeString(mapping, "{\"table\":\"SI_CONTRIB\",\"subjectType\":\"RESIDENT_ID\","
                + "\"subjectNumberColumn\":\"ID_NO\",\"recordKeyColumn\":\"ACCT_NO\",\"recordVersionColumn\":\"ROW_REV\","
                + "\"fields\":{\"employer\":\"UNIT_NAME\",\"monthsPaid\":\"PAID_MONTHS\",\"baseSalary\":\"BASE_WAGE\","
                + "\"status\":\"ACCT_STATE\"}}");
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
    void needs_either_a_file_or_a_database_and_a_query_or_mapping_with_it() {
        assertThat(run(Map.of(), "import", "--data", demo.toString(), "--provider", "P", "--dataset", "d"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("either --file or --jdbc-url");
        assertThat(run(Map.of(), "import", "--data", demo.toString(), "--provider", "P", "--dataset", "d",
                "--jdbc-url", url)).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("--query or --mapping");
    }
}
