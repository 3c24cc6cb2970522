package org.qcchain.node.store;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A {@link SourceAdapter} over CSV (RFC 4180) with a header row, the format most department
 * systems can export:
 *
 * <pre>
 * subjectType,subjectNumber,sequence,plate,seats:integer,mortgaged:boolean,note
 * RESIDENT_ID,370102199001011234,0,鲁A12345,5,false,"said ""hi"", twice"
 * </pre>
 *
 * <p>The header names the columns: {@code subjectType} and {@code subjectNumber} (required),
 * {@code sequence} and {@code version} (optional integers), and the dataset's fields. A field's
 * values are strings unless its name carries {@code :integer} or {@code :boolean}. An empty
 * unquoted cell is no value (JSON null); {@code ""} is the empty string. Quoted cells may hold
 * commas, quotes (doubled) and line breaks. Records are read lazily; a bad record fails with the
 * line it starts on, never with its content (which holds an identifier in clear).
 */
public final class CsvSource extends LineNumberedSource {

    private static final Set<String> RESERVED = Set.of("subjectType", "subjectNumber", "sequence", "version");

    private final Reader text;

    /**
     * @param datasetId the dataset the records belong to
     * @param text the CSV text, header first; closed by the caller
     */
    public CsvSource(String datasetId, Reader text) {
        super(datasetId);
        this.text = text;
    }

    @Override
    public Iterator<SourceRow> rows() {
        CsvReader reader = new CsvReader(text);
        List<Column> header = header(reader);
        return readAhead(() -> {
            List<CsvReader.Cell> cells = reader.next();
            return cells == null ? null : new Numbered<>(cells, reader.recordLine());
        }, (cells, line) -> row(header, cells, line));
    }

    private static List<Column> header(CsvReader reader) {
        List<CsvReader.Cell> cells = reader.next();
        if (cells == null) {
            throw new IllegalArgumentException("line 1: the CSV text is empty; it needs a header row");
        }
        List<Column> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (CsvReader.Cell cell : cells) {
            Column column = Column.parse(cell.text().strip(), reader.recordLine());
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("line " + reader.recordLine() + ": column '" + column.name()
                        + "' appears twice in the header");
            }
            columns.add(column);
        }
        for (String required : List.of("subjectType", "subjectNumber")) {
            if (!names.contains(required)) {
                throw new IllegalArgumentException("line " + reader.recordLine() + ": the header has no column '"
                        + required + "'");
            }
        }
        return columns;
    }

    private static SourceRow row(List<Column> header, List<CsvReader.Cell> cells, long line) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("line " + line + ": has " + cells.size() + " fields, the header "
                    + header.size());
        }
        String subjectType = null;
        String subjectNumber = null;
        long sequence = 0;
        Long version = null;
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            Column column = header.get(i);
            CsvReader.Cell cell = cells.get(i);
            boolean empty = cell.text().isEmpty() && !cell.quoted();
            switch (column.name()) {
                case "subjectType" -> subjectType = empty ? null : cell.text();
                case "subjectNumber" -> subjectNumber = empty ? null : cell.text();
                case "sequence" -> sequence = empty ? 0 : integer(cell.text(), column, line);
                case "version" -> version = empty ? null : integer(cell.text(), column, line);
                default -> fields.put(column.name(), empty ? null : column.value(cell.text(), line));
            }
        }
        if (subjectType == null || subjectNumber == null) {
            throw new IllegalArgumentException("line " + line + ": subjectType and subjectNumber must not be empty");
        }
        if (version != null && version < 1) {
            throw new IllegalArgumentException("line " + line + ": version must be at least 1");
        }
        return new SourceRow(subjectType, subjectNumber, sequence, version, fields);
    }

    private static long integer(String text, Column column, long line) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line " + line + ": column '" + column.name()
                    + "' must be an integer");
        }
    }

    /** A header cell: a name and the kind of its values. */
    private record Column(String name, String kind) {

        static Column parse(String text, long line) {
            int colon = text.lastIndexOf(':');
            String name = colon < 0 ? text : text.substring(0, colon);
            String kind = colon < 0 ? "string" : text.substring(colon + 1).toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw new IllegalArgumentException("line " + line + ": the header has an empty column name");
            }
            if (!Set.of("string", "integer", "boolean").contains(kind)) {
                throw new IllegalArgumentException("line " + line + ": column '" + name + "' has type '" + kind
                        + "'; use :string, :integer or :boolean");
            }
            if (RESERVED.contains(name) && colon >= 0) {
                throw new IllegalArgumentException("line " + line + ": column '" + name + "' takes no type");
            }
            return new Column(name, kind);
        }

        Object value(String text, long line) {
            return switch (kind) {
                case "integer" -> integer(text, this, line);
                case "boolean" -> bool(text, line);
                default -> text;
            };
        }

        private boolean bool(String text, long line) {
            String value = text.strip().toLowerCase(Locale.ROOT);
            if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalArgumentException("line " + line + ": column '" + name
                        + "' must be true or false");
            }
            return value.equals("true");
        }
    }
}
