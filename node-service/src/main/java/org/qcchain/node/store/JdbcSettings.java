package org.qcchain.node.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to read a source unit's database: where it is, as whom, what to select and how many rows to
 * fetch at a time. The password never appears in {@link #toString()}.
 *
 * @param url the JDBC URL, e.g. {@code jdbc:postgresql://db.vehicles.local/registry}; the driver
 *     must be on the class path. It may name the node's data folder as {@code ${dataDir}}
 *     ({@link DataFolderUrl}); a live dataset keeps it as written
 * @param user the database user, or {@code null} for none
 * @param password the password, or {@code null}; read from the environment, never from a file
 *     or the command line
 * @param query the {@code SELECT} whose columns are named as {@link JdbcSource} describes
 * @param fetchSize rows fetched per round trip, 1 to 100,000
 * @param dataDir the node's data folder, for a URL that names it; may be null when it does not
 */
public record JdbcSettings(String url, String user, String password, String query, int fetchSize, Path dataDir) {

    /** Settings whose URL does not name the data folder. */
    public JdbcSettings(String url, String user, String password, String query, int fetchSize) {
        this(url, user, password, query, fetchSize, null);
    }

    /** Checks the values. */
    public JdbcSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(query, "query");
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("a JDBC URL starts with 'jdbc:'");
        }
        if (query.isBlank()) {
            throw new IllegalArgumentException("the query is empty");
        }
        if (fetchSize < 1 || fetchSize > 100_000) {
            throw new IllegalArgumentException("fetch size must be 1 to 100000, was " + fetchSize);
        }
        DataFolderUrl.resolve(url, dataDir); // fails now, not at the connection, when the folder is missing
    }

    /** @return the URL to connect to, the data folder put in */
    public String connectionUrl() {
        return DataFolderUrl.resolve(url, dataDir);
    }

    /** Shows where, not the password. */
    @Override
    public String toString() {
        return "JdbcSettings[" + url + ", user " + user + ", fetch " + fetchSize + "]";
    }
}
