package org.qcchain.common.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ValueNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A JSON value already in canonical form, to be placed in a tree that is then serialised: {@link
 * CanonicalJson} copies its bytes instead of walking the value again, and Jackson writes them as
 * a raw value. For parts shared by many documents, such as the evidence of an anchored batch that
 * every answer about its records carries, so that each document costs a copy of the part, not
 * its serialisation.
 *
 * <pre>{@code
 * JsonNode evidence = CanonicalFragment.of(evidenceTree);     // once
 * answer.set("anchorEvidence", evidence);                      // in every answer
 * byte[] signed = CanonicalJson.serializeUtf8(answer);
 * }</pre>
 *
 * <p>Only a serialisation aid: the fragment has no members or elements to read ({@link
 * #getNodeType()} is {@code POJO}); keep the original tree for that. Immutable.
 */
public final class CanonicalFragment extends ValueNode {

    private static final long serialVersionUID = 1L;

    private final byte[] utf8;

    private CanonicalFragment(byte[] utf8) {
        this.utf8 = utf8;
    }

    /**
     * Serialises {@code value} canonically, once.
     *
     * @param value any JSON tree {@link CanonicalJson} accepts
     * @return the fragment
     * @throws IllegalArgumentException as {@link CanonicalJson#serializeUtf8}
     */
    public static CanonicalFragment of(JsonNode value) {
        return new CanonicalFragment(CanonicalJson.serializeUtf8(value));
    }

    /**
     * Takes bytes already in canonical form, without serialising or parsing them: for text whose
     * form is established where it was made, such as a ledger transaction's hashed form after its
     * hash is checked (a verifier recomputes the canonical form of the value it parses, so text
     * that was not canonical would fail there, not pass). The array is kept, not copied: do not
     * change it.
     *
     * @param utf8 RFC 8785 text of one JSON value, as UTF-8
     * @return the fragment
     */
    public static CanonicalFragment ofCanonicalUtf8(byte[] utf8) {
        return new CanonicalFragment(Objects.requireNonNull(utf8, "utf8"));
    }

    /** The canonical bytes; not copied, for {@link CanonicalWriter} only. */
    byte[] utf8() {
        return utf8;
    }

    @Override
    public JsonNodeType getNodeType() {
        return JsonNodeType.POJO;
    }

    @Override
    public JsonToken asToken() {
        return JsonToken.VALUE_EMBEDDED_OBJECT;
    }

    /** @return the canonical JSON text of the value */
    @Override
    public String asText() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /**
     * Writes the value raw, except into a {@link TokenBuffer} (a tree being built, as by {@code
     * valueToTree}), where raw text would become an opaque embedded value: there it goes token by
     * token, so that the tree holds the value itself.
     */
    @Override
    public void serialize(JsonGenerator generator, SerializerProvider provider) throws IOException {
        if (generator instanceof CanonicalGenerator canonical) {
            canonical.writeCanonical(utf8);
        } else if (generator instanceof TokenBuffer) {
            try (JsonParser parser = Json.mapper().createParser(utf8)) {
                parser.nextToken();
                generator.copyCurrentStructure(parser);
            }
        } else {
            generator.writeRawValue(asText());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CanonicalFragment that && Arrays.equals(utf8, that.utf8);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(utf8);
    }
}
