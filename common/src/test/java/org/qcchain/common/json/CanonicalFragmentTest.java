package org.qcchain.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import org.junit.jupiter.api.Test;

class CanonicalFragmentTest {

    private static final String PART = "{\"z\":[1,\"é\\n\",{\"b\":true,\"a\":null}],\"a\":\"x\"}";

    @Test
    void a_tree_holding_a_fragment_serialises_as_the_tree_holding_the_value() {
        JsonNode part = Json.tree(PART);
        ObjectNode withValue = Json.mapper().createObjectNode();
        withValue.put("name", "n").set("part", part);
        withValue.putArray("list").add(part).add(2);
        ObjectNode withFragment = Json.mapper().createObjectNode();
        CanonicalFragment fragment = CanonicalFragment.of(part);
        withFragment.set("part", fragment);
        withFragment.put("name", "n");
        withFragment.putArray("list").add(fragment).add(2);

        assertThat(CanonicalJson.serializeUtf8(withFragment)).isEqualTo(CanonicalJson.serializeUtf8(withValue));
        assertThat(CanonicalJson.serialize(fragment)).isEqualTo("{\"a\":\"x\",\"z\":[1,\"é\\n\",{\"a\":null,\"b\":true}]}");
    }

    @Test
    void jackson_writes_the_canonical_text_in_place() {
        ObjectNode tree = Json.mapper().createObjectNode();
        tree.set("part", CanonicalFragment.of(Json.tree(PART)));

        assertThat(Json.tree(Json.write(tree))).isEqualTo(Json.tree("{\"part\":" + PART + "}"));
    }

    @Test
    void fragments_of_equal_values_are_equal_and_other_pojos_still_have_no_json_form() {
        assertThat(CanonicalFragment.of(Json.tree(PART))).isEqualTo(CanonicalFragment.of(Json.tree(PART)))
                .hasSameHashCodeAs(CanonicalFragment.of(Json.tree(PART)))
                .isNotEqualTo(CanonicalFragment.of(Json.tree("{\"a\":\"y\"}")));
        ObjectNode tree = Json.mapper().createObjectNode();
        tree.set("pojo", new POJONode(new Object()));
        assertThatThrownBy(() -> CanonicalJson.serializeUtf8(tree)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("POJO");
    }
}
