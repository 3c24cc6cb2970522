package org.qcchain.node.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import org.qcchain.common.json.Json;
import org.qcchain.common.json.JsonInputException;

/**
 * A {@link SourceAdapter} over NDJSON (one JSON object a line, blank lines skipped), the export
 * format of {@code qcchain import} and of bulk uploads:
 *
 * <pre>{@code
 * {"subjectType":"RESIDENT_ID","subjectNumber":"370102199001011234","sequence":0,
 *  "fields":{"plate":"鲁A12345","seats":5,"mortgaged":false,"note":null}}
 * }</pre>
 *
 * <p>Field values are strings, integers, booleans or null; an optional {@code version} (from 1) is
 * the source's own version of the row. Lines are read lazily, so a file of millions of records
 * needs no memory for them. A bad line fails with its line number and never with its content: the
 * content holds a subject's identifier in clear.
 */
public final class NdjsonSource extends LineNumberedSource {

    private final BufferedReader lines;

    /**
     * @param datasetId the dataset the records belong to
     * @param lines the NDJSON text; closed by the caller
     */
    public NdjsonSource(String datasetId, BufferedReader lines) {
        super(datasetId);
        this.lines = lines;
    }

    @Override
    public Iterator<SourceRow> rows() {
        return readAhead(new RowReader(), (row, line) -> row);
    }

    /** Reads on to the next line that is not blank and makes it a row as it is read. */
    private final class RowReader implements RecordReader<SourceRow> {
        private long lineNumber;

        @Override
        public Numbered<SourceRow> read() {
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    lineNumber++;
                    if (!line.isBlank()) {
                        return new Numbered<>(row(line, lineNumber), lineNumber);
                    }
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read line " + (lineNumber + 1), e);
            }
        }
    }

    private static SourceRow row(String line, long number) {
        JsonNode json;
        try {
            json = Json.tree(line);
        } catch (JsonInputException e) {
            throw new IllegalArgumentException("line " + number + " is not a JSON object");
        }
        return JsonRows.row(json, "line " + number);
    }
}
