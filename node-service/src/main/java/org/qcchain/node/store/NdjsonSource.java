package org.qcchain.node.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
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
public final class NdjsonSource implements SourceAdapter {

    private final String datasetId;
    private final BufferedReader lines;
    private long lineOfLastRow;

    /**
     * @param datasetId the dataset the records belong to
     * @param lines the NDJSON text; closed by the caller
     */
    public NdjsonSource(String datasetId, BufferedReader lines) {
        this.datasetId = datasetId;
        this.lines = lines;
    }

    @Override
    public String datasetId() {
        return datasetId;
    }

    @Override
    public String placeOfLastRow(long index) {
        return "line " + lineOfLastRow;
    }

    @Override
    public Iterator<SourceRow> rows() {
        return new Iterator<>() {
            private long lineNumber;
            private long nextLine;
            private SourceRow next = advance();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public SourceRow next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                SourceRow row = next;
                lineOfLastRow = nextLine;
                next = advance();
                return row;
            }

            private SourceRow advance() {
                try {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        lineNumber++;
                        if (!line.isBlank()) {
                            nextLine = lineNumber;
                            return row(line, lineNumber);
                        }
                    }
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read line " + (lineNumber + 1), e);
                }
            }
        };
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
