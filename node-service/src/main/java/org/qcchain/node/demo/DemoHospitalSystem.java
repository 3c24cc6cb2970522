package org.qcchain.node.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.Map;
import org.qcchain.node.store.DataFolderUrl;
import org.qcchain.node.store.JdbcMapping;
import org.qcchain.node.store.JdbcSettings;
import org.qcchain.node.store.SourceRow;

/**
 * The hospital's own information system (HIS) of the demo: an H2 database in {@code
 * sources/HospitalMSP/} of the data folder, holding the hospital's visits in a table of its own
 * layout. The demo imports the hospital's dataset <em>live</em> from it: the node's store keeps
 * commitments and row keys, and every answer about a visit reads the row from here again, as a
 * real hospital's records would stay in its own database.
 */
final class DemoHospitalSystem {

    /** The table, keyed by a surrogate row id, as a hospital system might lay it out. */
    static final JdbcMapping VISITS = new JdbcMapping("HIS_VISITS", "RESIDENT_ID", null, "PATIENT_ID_NO",
            "VISIT_SEQ", null, "ROW_ID", Map.of("date", "VISIT_DATE", "department", "DEPARTMENT",
                    "diagnosisCode", "DIAGNOSIS_CODE", "amount", "AMOUNT", "insuredAmount", "INSURED_AMOUNT"),
            null);

    private DemoHospitalSystem() {}

    /**
     * The JDBC URL of the demo hospital's database, as the live dataset keeps it: inside whatever
     * data folder the node runs on, so that a demo folder moved or copied elsewhere still reads its
     * hospital; and never created by a read (a folder copied without {@code sources/} fails to
     * read, rather than finding an empty database).
     */
    static final String URL = "jdbc:h2:file:" + DataFolderUrl.PLACEHOLDER + "/sources/" + DemoOrganisation.HOSPITAL
            + "/his;IFEXISTS=TRUE";

    /** {@link #URL} for creating the database, the one connection that may make it. */
    private static final String CREATING_URL = URL.substring(0, URL.indexOf(';'));

    /** @return the JDBC URL of the demo hospital's database in a data folder, to connect to */
    static String url(Path dataDir) {
        return DataFolderUrl.resolve(URL, dataDir);
    }

    /**
     * Creates the database and writes the rows into it, as the hospital's system would hold them.
     *
     * @param dataDir the demo's data folder
     * @param rows the hospital's synthetic visits
     * @return how the import reads them back: the query of {@link #VISITS}, no login
     */
    static JdbcSettings create(Path dataDir, Iterator<SourceRow> rows) {
        String url = DataFolderUrl.resolve(CREATING_URL, dataDir);
        try {
            Files.createDirectories(dataDir.resolve("sources").resolve(DemoOrganisation.HOSPITAL));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (Connection connection = DriverManager.getConnection(url);
                Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE HIS_VISITS (ROW_ID BIGINT PRIMARY KEY, PATIENT_ID_NO VARCHAR(32) NOT NULL,"
                    + " VISIT_SEQ BIGINT NOT NULL, VISIT_DATE VARCHAR(10), DEPARTMENT VARCHAR(64),"
                    + " DIAGNOSIS_CODE VARCHAR(16), AMOUNT VARCHAR(16), INSURED_AMOUNT VARCHAR(16))");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO HIS_VISITS VALUES"
                    + " (?, ?, ?, ?, ?, ?, ?, ?)")) {
                long rowId = 0;
                while (rows.hasNext()) {
                    SourceRow row = rows.next();
                    insert.setLong(1, ++rowId);
                    insert.setString(2, row.subjectNumber());
                    insert.setLong(3, row.sequence());
                    insert.setString(4, (String) row.fields().get("date"));
                    insert.setString(5, (String) row.fields().get("department"));
                    insert.setString(6, (String) row.fields().get("diagnosisCode"));
                    insert.setString(7, (String) row.fields().get("amount"));
                    insert.setString(8, (String) row.fields().get("insuredAmount"));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the demo hospital's database: " + e.getMessage(), e);
        }
        return new JdbcSettings(URL, null, null, VISITS.toSql(), 1000, dataDir);
    }
}
