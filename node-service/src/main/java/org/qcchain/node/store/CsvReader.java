package org.qcchain.node.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 text into records of cells: commas between cells, CRLF (or LF, or CR) between
 * records, a cell in double quotes may hold commas, line breaks and doubled quotes ({@code ""}).
 * Remembers whether a cell was quoted, so that an empty quoted cell ({@code ""}, the empty
 * string) differs from an empty unquoted one (no value). Empty lines are skipped; a byte-order
 * mark at the start is ignored. Errors name the physical line and never the content.
 */
final class CsvReader {

    /** One cell: its text, and whether it was written in quotes. */
    record Cell(String text, boolean quoted) {}

    private static final int NONE = -2;

    private final Reader in;
    private int pushedBack = NONE;
    private long line = 1;
    private long recordLine;
    private boolean started;

    CsvReader(Reader in) {
        this.in = in;
    }

    /** @return the line the record last read starts on, from 1 */
    long recordLine() {
        return recordLine;
    }

    /**
     * The next record.
     *
     * @return its cells, or {@code null} at the end of the text
     * @throws IllegalArgumentException for an unterminated quote or text after a closing quote
     */
    List<Cell> next() {
        int c = read();
        while (c == '\r' || c == '\n') {
            endLine(c);
            c = read();
        }
        if (c == -1) {
            return null;
        }
        recordLine = line;
        List<Cell> cells = new ArrayList<>();
        while (true) {
            Cell cell;
            if (c == '"') {
                cell = quoted();
                c = read();
                if (c != ',' && c != '\r' && c != '\n' && c != -1) {
                    throw new IllegalArgumentException("line " + line + ": after the closing quote of field "
                            + (cells.size() + 1) + " comes text; expected a comma or the end of the line");
                }
            } else {
                StringBuilder text = new StringBuilder();
                while (c != ',' && c != '\r' && c != '\n' && c != -1) {
                    if (c == '"') {
                        throw new IllegalArgumentException("line " + line + ": field " + (cells.size() + 1)
                                + " has a quote but does not start with one; quote the whole field and double"
                                + " the quotes inside");
                    }
                    text.append((char) c);
                    c = read();
                }
                cell = new Cell(text.toString(), false);
            }
            cells.add(cell);
            if (c == ',') {
                c = read();
                continue;
            }
            if (c == '\r' || c == '\n') {
                endLine(c);
            }
            return cells;
        }
    }

    private Cell quoted() {
        long opened = line;
        StringBuilder text = new StringBuilder();
        while (true) {
            int c = read();
            if (c == -1) {
                throw new IllegalArgumentException("line " + opened + ": a quoted field is not closed before the"
                        + " end of the text");
            }
            if (c == '"') {
                int after = read();
                if (after == '"') {
                    text.append('"');
                    continue;
                }
                unread(after);
                return new Cell(text.toString(), true);
            }
            if (c == '\n' || c == '\r') {
                // a line break inside quotes is data; CRLF stays CRLF
                text.append((char) c);
                if (c == '\r') {
                    int after = read();
                    if (after == '\n') {
                        text.append('\n');
                    } else {
                        unread(after);
                    }
                }
                line++;
                continue;
            }
            text.append((char) c);
        }
    }

    /** Consumes a line break that began with {@code c} (CR, LF or CRLF). */
    private void endLine(int c) {
        if (c == '\r') {
            int after = read();
            if (after != '\n') {
                unread(after);
            }
        }
        line++;
    }

    private int read() {
        if (pushedBack != NONE) {
            int c = pushedBack;
            pushedBack = NONE;
            return c;
        }
        try {
            int c = in.read();
            if (!started) {
                started = true;
                if (c == '\uFEFF') {
                    c = in.read();
                }
            }
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read line " + line, e);
        }
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
