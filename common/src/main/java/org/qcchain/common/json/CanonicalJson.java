package org.qcchain.common.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The JSON Canonicalization Scheme (RFC 8785) for the JSON qcchain signs: one byte sequence per
 * value, whoever produced it, so that hashes and signatures can be recomputed anywhere.
 *
 * <p>Object members are sorted by the UTF-16 code units of their names, there is no whitespace,
 * strings escape only {@code "}, {@code \}, and control characters ({@code \b \f \n \r \t}, others
 * as {@code \}{@code u00xx}), literals are {@code true}, {@code false}, {@code null}.
 *
 * <p>Numbers are restricted to integers within ±(2^53−1), which every JSON implementation reads
 * exactly and which RFC 8785 prints as plain decimals; a floating-point node holding such an
 * integer ({@code 1.0}, {@code -0.0}) prints as that integer. Any other number is rejected, as are
 * strings with unpaired surrogates (they have no UTF-8 encoding).
 *
 * <pre>{@code
 * byte[] signed = CanonicalJson.serializeUtf8(Json.tree(body));
 * }</pre>
 */
public final class CanonicalJson {

    private CanonicalJson() {}

    /**
     * The canonical text of {@code node}, decoded from {@link #serializeUtf8}; prefer that for bytes
     * to hash or sign.
     *
     * @param node any JSON tree
     * @return the RFC 8785 text
     * @throws IllegalArgumentException for a non-integer number, an integer beyond ±(2^53−1), an
     *     unpaired surrogate, nesting deeper than 1000, or a node type JSON does not have
     */
    public static String serialize(JsonNode node) {
        return new String(serializeUtf8(node), StandardCharsets.UTF_8);
    }

    /**
     * The canonical form of {@code node} as UTF-8: the bytes to hash or sign, written directly
     * without a text form in between.
     *
     * @param node any JSON tree
     * @return UTF-8 bytes of {@link #serialize}
     * @throws IllegalArgumentException as {@link #serialize}
     */
    public static byte[] serializeUtf8(JsonNode node) {
        Objects.requireNonNull(node, "node");
        return CanonicalWriter.utf8(node);
    }
}
