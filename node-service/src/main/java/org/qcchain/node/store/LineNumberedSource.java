package org.qcchain.node.store;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * What the export-file sources share: rows read lazily front to back, one record ahead so that
 * {@code hasNext()} is exact, and each row named by the line it starts on, because a bad row must
 * be named without showing its content (which holds an identifier in clear).
 */
abstract class LineNumberedSource implements SourceAdapter {

    private final String datasetId;
    private long lineOfLastRow;

    LineNumberedSource(String datasetId) {
        this.datasetId = datasetId;
    }

    @Override
    public final String datasetId() {
        return datasetId;
    }

    @Override
    public final String placeOfLastRow(long index) {
        return "line " + lineOfLastRow;
    }

    /**
     * The rows of one pass over the text.
     *
     * @param reader reads the next record and its line; called once ahead of the rows returned
     * @param maker makes the record returned next into its row, failing with its line
     * @return the iterator {@link #rows()} returns
     */
    final <T> Iterator<SourceRow> readAhead(RecordReader<T> reader, RowMaker<T> maker) {
        return new Iterator<>() {
            private Numbered<T> next = reader.read();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public SourceRow next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                SourceRow row = maker.row(next.record(), next.line());
                lineOfLastRow = next.line();
                next = reader.read();
                return row;
            }
        };
    }

    /** A record as read from the text, and the line it starts on. */
    record Numbered<T>(T record, long line) {}

    /** Reads the next record of the text. */
    @FunctionalInterface
    interface RecordReader<T> {

        /** @return the next record, or {@code null} at the end of the text */
        Numbered<T> read();
    }

    /** Makes a record into a row. */
    @FunctionalInterface
    interface RowMaker<T> {

        /** @throws IllegalArgumentException naming {@code line} if the record is not a row */
        SourceRow row(T record, long line);
    }
}
