package org.qcchain.node.http;

import java.util.Locale;
import java.util.Optional;

/**
 * The media types a record upload may have: one record as JSON, or many as NDJSON or CSV. Only a
 * UTF-8 charset parameter (or none) is accepted, as for JSON bodies.
 */
enum UploadFormat {
    /** {@code application/json}: one record. */
    JSON("application/json"),
    /** {@code application/x-ndjson}: a record a line. */
    NDJSON("application/x-ndjson"),
    /** {@code text/csv}: a header row, then a record a row (RFC 4180). */
    CSV("text/csv");

    private final String mediaType;

    UploadFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /** @return whether the body may hold many records, and so gets the larger bulk body limit */
    boolean bulk() {
        return this != JSON;
    }

    /**
     * The format a {@code Content-Type} header names.
     *
     * @param header the header, or {@code null}
     * @return the format, or empty for any other type or charset
     */
    static Optional<UploadFormat> of(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String[] parts = header.toLowerCase(Locale.ROOT).split(";");
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().replace("\"", "");
            if (!parameter.equals("charset=utf-8") && !parameter.isEmpty()
                    && !(parts[0].strip().equals("text/csv") && parameter.equals("header=present"))) {
                return Optional.empty();
            }
        }
        for (UploadFormat format : values()) {
            if (format.mediaType.equals(parts[0].strip())) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** @return the media types, for messages */
    static String names() {
        return "application/json (one record), application/x-ndjson or text/csv";
    }
}
