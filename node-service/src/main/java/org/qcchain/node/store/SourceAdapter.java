package org.qcchain.node.store;

import java.util.Iterator;

/**
 * Reads a source unit's records from wherever the unit keeps them (its own database through
 * {@link JdbcSource}, an export file through {@link NdjsonSource} or {@link CsvSource}, a
 * generator in the demo), one dataset at a time. The node never writes back.
 *
 * <pre>{@code
 * SourceAdapter vehicles = SourceAdapter.of("vehicle.registration", rows.iterator());
 * importer.importAll(vehicles, ImportProgress.NONE);
 * }</pre>
 */
public interface SourceAdapter {

    /** @return the catalogue id of the dataset the rows belong to */
    String datasetId();

    /**
     * The rows, read lazily so that millions of them need not fit in memory. A row the source
     * cannot read ends the iteration with an {@link IllegalArgumentException} naming its place.
     *
     * @return an iterator over the rows; read once
     */
    Iterator<SourceRow> rows();

    /**
     * Whether every row carries the source's own version of its record, as its layout says (a
     * version column), known once {@link #rows()} has been called and before any row is read. A
     * source without such a layout (a file, whose lines may each carry one or not) says no here.
     *
     * @return whether the source numbers its records' versions itself
     */
    default boolean numbersVersions() {
        return false;
    }

    /**
     * Where the row last returned by {@link #rows()} came from, for error messages that must name
     * the row without showing its content (which holds an identifier in clear): a line of a file,
     * a row of a query.
     *
     * @param index the row's position among the rows returned, from 1
     * @return e.g. {@code "line 17"}; by default {@code "row <index>"}
     */
    default String placeOfLastRow(long index) {
        return "row " + index;
    }

    /**
     * An adapter over rows already at hand.
     *
     * @param datasetId the dataset
     * @param rows the rows
     * @return the adapter
     */
    static SourceAdapter of(String datasetId, Iterator<SourceRow> rows) {
        return new SourceAdapter() {
            @Override
            public String datasetId() {
                return datasetId;
            }

            @Override
            public Iterator<SourceRow> rows() {
                return rows;
            }
        };
    }
}
