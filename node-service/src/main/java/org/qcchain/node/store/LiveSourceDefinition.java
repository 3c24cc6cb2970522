package org.qcchain.node.store;

import java.util.List;
import java.util.Objects;

/**
 * Where the values of a live dataset stay: the source unit's database and the query that selects
 * its rows, as the import read them. Kept in the provider store ({@code live_sources}) without the
 * credentials, which come from the node's environment ({@link LiveAccess}).
 *
 * @param url the JDBC URL
 * @param query the {@code SELECT} of the import, naming a {@code row_key} column
 * @param fields the dataset's catalogue fields when the dataset was imported
 * @param rowKeyText whether the row key column is of a character type (else an integer type), so
 *     that a lookup binds the key as the database compares it
 */
public record LiveSourceDefinition(String url, String query, List<String> fields, boolean rowKeyText) {

    /** Requires every part. */
    public LiveSourceDefinition {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(query, "query");
        fields = List.copyOf(fields);
    }

    /**
     * The query that reads one row again by its key: the import's query as a derived table, so that
     * a hand-written query and one built from a mapping work alike.
     *
     * @return SQL with one parameter, the row key
     */
    String lookupSql() {
        return "SELECT * FROM (" + query + ") live_rows WHERE row_key = ?";
    }
}
