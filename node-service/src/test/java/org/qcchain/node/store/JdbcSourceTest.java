package org.qcchain.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDBC source against a department's own database: an H2 file database in a temporary folder
 * whose layout is the department's (upper-case names, its own column names and types), not ours.
 */
class JdbcSourceTest {

    static final List<String> FIELDS = List.of("plate", "brand", "registeredOn", "price", "seats", "mortgaged",
            "inspectedAt");
    static final String QUERY = "SELECT 'RESIDENT_ID' AS subject_type, OWNER_ID_NO AS subject_number, "
            + "REG_SEQ AS record_key, REV AS record_version, PLATE_NO AS plate, BRAND_NAME AS brand, "
            + "REG_DATE AS registered_on, PRICE AS price, SEATS AS seats, MORTGAGED AS mortgaged, "
            + "INSPECTED_AT AS inspectedAt FROM DMV.VEH_REG ORDER BY REG_SEQ";

    /** The fields but the plate, as a source that does not keep them selects them (H2 types a bare NULL as NULL). */
    static final String NO_OTHER_FIELDS = ", CAST(NULL AS VARCHAR(1)) AS brand, CAST(NULL AS DATE) AS registered_on,"
            + " CAST(NULL AS DECIMAL(12,2)) AS price, CAST(NULL AS INT) AS seats, CAST(NULL AS BOOLEAN) AS mortgaged,"
            + " CAST(NULL AS TIMESTAMP) AS inspected_at";

    @TempDir
    Path folder;
    String url;

    @BeforeEach
    void departmentDatabase() throws SQLException {
        url = "jdbc:h2:file:" + folder.resolve("dmv").toAbsolutePath();
        try (Connection db = DriverManager.getConnection(url, "dmv", "secret-pw");
                Statement sql = db.createStatement()) {
            sql.execute("CREATE SCHEMA DMV");
            sql.execute("CREATE TABLE DMV.VEH_REG (REG_SEQ BIGINT PRIMARY KEY, OWNER_ID_NO VARCHAR(18), "
                    + "ID_KIND VARCHAR(16), REV INT, PLATE_NO VARCHAR(16), BRAND_NAME VARCHAR(32), REG_DATE DATE, "
                    + "PRICE DECIMAL(12,2), SEATS SMALLINT, MORTGAGED BOOLEAN, INSPECTED_AT TIMESTAMP, PHOTO BLOB)");
            sql.execute("INSERT INTO DMV.VEH_REG VALUES (1, '370102199001011234', 'RESIDENT_ID', 2, '鲁A12345', '红旗', "
                    + "DATE '2019-03-01', 123456.50, 5, FALSE, TIMESTAMP '2024-05-06 07:08:09', NULL)");
            sql.execute("INSERT INTO DMV.VEH_REG VALUES (2, '370102199001015678', 'RESIDENT_ID', 1, '鲁A54321', NULL, "
                    + "DATE '2020-12-31', 0.10, 7, TRUE, NULL, NULL)");
        }
    }

    @Test
    void maps_the_departments_columns_and_sql_types_to_field_values() {
        List<SourceRow> rows = read(QUERY);

        assertThat(rows).hasSize(2);
        SourceRow first = rows.get(0);
        assertThat(first.subjectType()).isEqualTo("RESIDENT_ID");
        assertThat(first.subjectNumber()).isEqualTo("370102199001011234");
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.version()).isEqualTo(2L);
        assertThat(first.fields()).containsExactlyInAnyOrderEntriesOf(Map.of("plate", "鲁A12345", "brand", "红旗",
                "registeredOn", "2019-03-01", "price", "123456.50", "seats", 5L, "mortgaged", false,
                "inspectedAt", "2024-05-06T07:08:09"));
        assertThat(rows.get(1).fields()).containsEntry("brand", null).containsEntry("price", "0.10")
                .containsEntry("inspectedAt", null).containsEntry("mortgaged", true);
    }

    @Test
    void builds_the_same_query_from_a_mapping_of_table_and_columns() {
        JdbcMapping mapping = new JdbcMapping("DMV.VEH_REG", null, "ID_KIND", "OWNER_ID_NO", "REG_SEQ", "REV", null,
                Map.of("plate", "PLATE_NO", "brand", "BRAND_NAME", "registeredOn", "REG_DATE", "price", "PRICE",
                        "seats", "SEATS", "mortgaged", "MORTGAGED", "inspectedAt", "INSPECTED_AT"), "REG_SEQ > 1");

        List<SourceRow> rows = read(mapping.toSql());

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.sequence()).isEqualTo(2);
            assertThat(row.fields()).containsEntry("plate", "鲁A54321").containsEntry("registeredOn", "2020-12-31");
        });
    }

    @Test
    void refuses_a_mapping_whose_names_are_not_plain_identifiers() {
        assertThatThrownBy(() -> new JdbcMapping("VEH_REG; DROP TABLE X", "RESIDENT_ID", null, "OWNER_ID_NO", null,
                null, null, Map.of("plate", "PLATE_NO"), null)).hasMessageContaining("table");
        assertThatThrownBy(() -> new JdbcMapping("VEH_REG", "RESIDENT_ID", null, "OWNER_ID_NO", null, null, null,
                Map.of("plate", "PLATE_NO || 'x'"), null)).hasMessageContaining("field 'plate'");
    }

    @Test
    void refuses_a_column_that_is_no_catalogue_field_naming_the_row_and_column() {
        assertThatThrownBy(() -> read(QUERY.replace("AS brand", "AS colour")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("row 1: column 'COLOUR' is no field of vehicle.registration");
    }

    @Test
    void refuses_a_query_that_leaves_out_a_catalogue_field_or_selects_a_binary_column() {
        assertThatThrownBy(() -> read(QUERY.replace(", PRICE AS price", "")))
                .hasMessageContaining("no column for the field(s) [price]");
        assertThatThrownBy(() -> read(QUERY.replace("PRICE AS price", "PHOTO AS price")))
                .hasMessageContaining("column 'PRICE' has the SQL type BINARY LARGE OBJECT");
    }

    @Test
    void refuses_a_row_without_an_identifier_naming_its_position_not_its_content() throws SQLException {
        execute("UPDATE DMV.VEH_REG SET OWNER_ID_NO = NULL WHERE REG_SEQ = 2");

        assertThatThrownBy(() -> read(QUERY)).hasMessage("row 2 of the query: subject_type and subject_number must"
                + " not be NULL");
    }

    @Test
    void reads_on_a_read_only_connection_that_cannot_change_the_departments_data() throws SQLException {
        JdbcSettings settings = new JdbcSettings(url, "dmv", "secret-pw", "UPDATE DMV.VEH_REG SET REV = 99", 10);

        assertThatThrownBy(() -> {
            try (JdbcSource source = JdbcSource.open(settings, "vehicle.registration", FIELDS)) {
                source.rows();
            }
        }).isInstanceOf(SourceReadException.class).hasMessageNotContaining("secret-pw");
        assertThat(settings.toString()).doesNotContain("secret-pw");
        try (Connection db = DriverManager.getConnection(url, "dmv", "secret-pw");
                ResultSet max = db.createStatement().executeQuery("SELECT MAX(REV) FROM DMV.VEH_REG")) {
            max.next();
            assertThat(max.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    void streams_many_rows_with_a_small_fetch_size() throws SQLException {
        try (Connection db = DriverManager.getConnection(url, "dmv", "secret-pw");
                PreparedStatement insert = db.prepareStatement("INSERT INTO DMV.VEH_REG (REG_SEQ, OWNER_ID_NO, REV, "
                        + "PLATE_NO) VALUES (?, ?, 1, ?)")) {
            for (int i = 3; i < 20_003; i++) {
                insert.setLong(1, i);
                insert.setString(2, String.format("3701021990%08d", i));
                insert.setString(3, "鲁A" + i);
                insert.addBatch();
            }
            insert.executeBatch();
        }

        long count = 0;
        try (JdbcSource source = JdbcSource.open(new JdbcSettings(url, "dmv", "secret-pw", QUERY, 100),
                "vehicle.registration", FIELDS)) {
            for (var rows = source.rows(); rows.hasNext(); rows.next()) {
                count++;
            }
            assertThat(source.placeOfLastRow(count)).isEqualTo("row 20002 of the query");
        }
        assertThat(count).isEqualTo(20_002);
    }

    @Test
    void reads_a_character_key_column_as_text_keys_as_a_department_keys_its_cases() throws SQLException {
        execute("CREATE TABLE DMV.CASES (CASE_NO VARCHAR(64), PLATE CHAR(12), OWNER_ID_NO VARCHAR(18), "
                + "PLATE_NO VARCHAR(16))");
        execute("INSERT INTO DMV.CASES VALUES ('(2024)鲁0102民初123号', '鲁A12345', '370102199001011234', 'a'),"
                + " ('O''Brien \"7\" / 第 2 件', '鲁B 0001', '370102199001011234', 'b'),"
                + " ('  007  ', 'ABC', '370102199001011234', 'c'), ('42', '42', '370102199001011234', 'd'),"
                + " (NULL, NULL, '370102199001011234', 'e')");
        String fields = ", PLATE_NO AS plate" + NO_OTHER_FIELDS + " FROM DMV.CASES ORDER BY PLATE_NO";

        List<SourceRow> byCase = read("SELECT 'RESIDENT_ID' AS subject_type, OWNER_ID_NO AS subject_number, "
                + "CASE_NO AS record_key" + fields);
        List<SourceRow> byPlate = read("SELECT 'RESIDENT_ID' AS subject_type, OWNER_ID_NO AS subject_number, "
                + "PLATE AS record_key" + fields);

        assertThat(byCase).extracting(SourceRow::textKey).containsExactly("(2024)鲁0102民初123号",
                "O'Brien \"7\" / 第 2 件", "007", null, null);
        assertThat(byCase).extracting(SourceRow::sequence).containsExactly(0L, 0L, 0L, 42L, 0L);
        assertThat(byPlate).as("CHAR pads; the padding is no part of the key").extracting(SourceRow::textKey)
                .containsExactly("鲁A12345", "鲁B 0001", "ABC", null, null);
        assertThat(byCase.get(0).toString()).doesNotContain("2024", "民初");
    }

    @Test
    void refuses_an_empty_or_unprintable_text_key_naming_the_row_not_the_key() throws SQLException {
        execute("CREATE TABLE DMV.CASES (CASE_NO VARCHAR(300), OWNER_ID_NO VARCHAR(18))");
        String query = "SELECT 'RESIDENT_ID' AS subject_type, OWNER_ID_NO AS subject_number, CASE_NO AS record_key,"
                + " 'x' AS plate" + NO_OTHER_FIELDS + " FROM DMV.CASES";
        execute("INSERT INTO DMV.CASES VALUES ('A-1', '370102199001011234'), ('   ', '370102199001011234')");

        assertThatThrownBy(() -> read(query)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 2 of the query: the record key must not be empty");

        execute("UPDATE DMV.CASES SET CASE_NO = 'SECRET' || CHAR(9) || 'CASE' WHERE CASE_NO = '   '");
        assertThatThrownBy(() -> read(query)).hasMessage("row 2 of the query: the record key must not contain"
                + " control characters");

        execute("UPDATE DMV.CASES SET CASE_NO = REPEAT('案', 257) WHERE CASE_NO LIKE 'SECRET%'");
        assertThatThrownBy(() -> read(query)).hasMessage("row 2 of the query: the record key must be at most 256"
                + " characters");
    }

    @Test
    void a_bare_null_selects_a_field_the_department_does_not_keep() {
        List<SourceRow> rows = read(QUERY.replace("BRAND_NAME AS brand", "NULL AS brand"));

        assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row.fields()).containsEntry("brand", null));
    }

    @Test
    void refuses_a_key_column_of_a_type_that_is_neither_number_nor_text_before_the_first_row() {
        assertThatThrownBy(() -> read(QUERY.replace("REG_SEQ AS record_key", "REG_DATE AS record_key")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 1: column 'RECORD_KEY' (record_key) has the SQL type DATE; a record key is an integer"
                        + " or a string");
    }

    private List<SourceRow> read(String query) {
        List<SourceRow> rows = new ArrayList<>();
        try (JdbcSource source = JdbcSource.open(new JdbcSettings(url, "dmv", "secret-pw", query, 1000),
                "vehicle.registration", FIELDS)) {
            source.rows().forEachRemaining(rows::add);
        }
        return rows;
    }

    private void execute(String statement) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, "dmv", "secret-pw")) {
            db.createStatement().execute(statement);
        }
    }
}
