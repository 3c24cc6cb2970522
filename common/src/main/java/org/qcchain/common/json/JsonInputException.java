package org.qcchain.common.json;

import java.util.Objects;

/**
 * JSON input that cannot be used: malformed, too large or too deep, or not matching the expected
 * type. The message is meant for the person who sent the input, e.g.
 * {@code "field 'fields[2]': expected a string, got an integer"}, {@code "unknown field 'foo'"},
 * {@code "malformed JSON at line 1, column 7: ..."}; it quotes at most about 40 characters of the
 * input, so it is safe to return to a caller or to log.
 *
 * <pre>{@code
 * try {
 *   DataRequest request = Json.parse(body, DataRequest.class);
 * } catch (JsonInputException e) {
 *   respond(400, e.getMessage(), e.path());
 * }
 * }</pre>
 */
public final class JsonInputException extends RuntimeException {

    /** Serialization version of this class. */
    private static final long serialVersionUID = 1L;

    /** JSON Pointer to the offending value. */
    private final String path;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, for a person
     * @param path JSON Pointer (RFC 6901) to the offending value, {@code ""} for the whole document
     */
    public JsonInputException(String message, String path) {
        this(message, path, null);
    }

    /**
     * Creates the exception with the parser's exception as cause.
     *
     * @param message what is wrong, for a person
     * @param path JSON Pointer (RFC 6901) to the offending value, {@code ""} for the whole document
     * @param cause the underlying exception, or {@code null}
     */
    public JsonInputException(String message, String path, Throwable cause) {
        super(message, cause);
        this.path = Objects.requireNonNull(path, "path");
    }

    /**
     * Where the problem is, as a JSON Pointer such as {@code "/fields/2"}; {@code ""} if it concerns
     * the whole document or no position is known.
     *
     * @return a JSON Pointer, possibly empty
     */
    public String path() {
        return path;
    }
}
