package org.qcchain.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qcchain.common.json.CanonicalJson;
import org.qcchain.common.json.Json;

/** The envelope written directly is byte for byte the canonical JSON of its tree (the hashed format). */
class TransactionEnvelopeTest {

    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    static Stream<Arguments> envelopes() {
        return Stream.of(
                Arguments.of("", 200, null, null),
                Arguments.of("", 200, "AccessDecided", bytes(40)),
                Arguments.of("", 201, "Empty", null),
                Arguments.of("say \"no\" \\ twice\n\t\u0001\u001f", 0, null, null),
                Arguments.of("数据 ok 😀 é", 399, "事件 \"x\"", bytes(0)),
                Arguments.of("\u007f\u0080\u2028", -1, "\b\f\r", bytes(3)));
    }

    @ParameterizedTest
    @MethodSource("envelopes")
    void writes_the_same_bytes_as_the_canonical_json_of_the_tree(String message, int status, String eventName,
            byte[] eventPayload) {
        String txId = "ab".repeat(32);
        byte[] proposal = bytes(2_000);
        byte[] signature = bytes(71);
        byte[] rwset = bytes(700);
        byte[] payload = bytes(1_000);

        byte[] direct = TransactionEnvelope.bytes(txId, proposal, signature, rwset, status, message, payload,
                eventName, eventPayload);

        assertThat(direct).isEqualTo(tree(txId, proposal, signature, rwset, status, message, payload, eventName,
                eventPayload));
    }

    @Test
    void refuses_an_unpaired_surrogate_as_the_tree_form_does() {
        assertThatThrownBy(() -> TransactionEnvelope.bytes("id", bytes(1), bytes(1), bytes(1), 200, "bad \ud800",
                bytes(1), null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The definition: the tree of docs/ledger.md, serialised by RFC 8785. */
    private static byte[] tree(String txId, byte[] proposal, byte[] signature, byte[] rwset, int status,
            String message, byte[] payload, String eventName, byte[] eventPayload) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("txId", txId);
        node.put("proposal", BASE64.encodeToString(proposal));
        node.put("signature", BASE64.encodeToString(signature));
        node.put("rwset", BASE64.encodeToString(rwset));
        ObjectNode response = node.putObject("response");
        response.put("status", status);
        response.put("message", message);
        response.put("payload", BASE64.encodeToString(payload));
        if (eventName != null) {
            ObjectNode event = node.putObject("event");
            event.put("name", eventName);
            event.put("payload", BASE64.encodeToString(eventPayload == null ? new byte[0] : eventPayload));
        }
        return CanonicalJson.serializeUtf8(node);
    }

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }
}
