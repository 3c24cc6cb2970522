package org.qcchain.node.store;

import java.util.Iterator;

/**
 * Reads a source unit's records from wherever the unit keeps them (its own database, an export
 * file, a generator in the demo), one dataset at a time. The node never writes back.
 *
 * <pre>{@code
 * SourceAdapter vehicles = SourceAdapter.of("vehicle.registration", rows.iterator());
 * importer.importAll(vehicles);
 * }</pre>
 */
public interface SourceAdapter {

    /** @return the catalogue id of the dataset the rows belong to */
    String datasetId();

    /**
     * The rows, read lazily so that millions of them need not fit in memory.
     *
     * @return an iterator over the rows; read once
     */
    Iterator<SourceRow> rows();

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
