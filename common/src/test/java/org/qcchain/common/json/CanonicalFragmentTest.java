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

    @Test
    void a_tree_made_from_an_object_holding_a_fragment_holds_the_value_itself() {
        record Holder(String name, JsonNode part) {}
        Holder holder = new Holder("n", CanonicalFragment.ofCanonicalUtf8(
                CanonicalJson.serializeUtf8(Json.tree(PART))));

        JsonNode tree = Json.mapper().valueToTree(holder);

        assertThat(tree.get("part")).isEqualTo(Json.tree(PART));
        assertThat(tree.get("part").get("z").get(2).get("b").booleanValue()).isTrue();
        assertThat(CanonicalJson.serialize(tree)).isEqualTo(
                "{\"name\":\"n\",\"part\":{\"a\":\"x\",\"z\":[1,\"é\\n\",{\"a\":null,\"b\":true}]}}");
    }

    @Test
    void canonical_bytes_are_taken_as_they_are() {
        byte[] canonical = CanonicalJson.serializeUtf8(Json.tree(PART));

        assertThat(CanonicalFragment.ofCanonicalUtf8(canonical)).isEqualTo(CanonicalFragment.of(Json.tree(PART)));
        assertThat(CanonicalJson.serializeUtf8(CanonicalFragment.ofCanonicalUtf8(canonical))).isEqualTo(canonical);
    }
}
