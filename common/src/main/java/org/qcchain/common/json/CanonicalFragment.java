package org.qcchain.common.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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

    @Override
    public void serialize(JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeRawValue(asText());
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
