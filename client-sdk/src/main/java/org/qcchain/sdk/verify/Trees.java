package org.qcchain.sdk.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import org.qcchain.common.syntax.IdentifierRule;

/** Reading the JSON trees of an answer; anything missing or ill-typed is {@code MALFORMED}. */
final class Trees {

    static final IdentifierRule HEX_256 = IdentifierRule.HEX_256;

    private Trees() {}

    static JsonNode object(JsonNode node, String what) throws VerificationException {
        if (node == null || !node.isObject()) {
            throw malformed(what + " is missing or not a JSON object");
        }
        return node;
    }

    static String text(JsonNode node, String name, String what) throws VerificationException {
        JsonNode value = node == null ? null : node.get(name);
        if (value == null || !value.isTextual()) {
            throw malformed(what + "." + name + " is missing or not a string");
        }
        return value.textValue();
    }

    static String optionalText(JsonNode node, String name, String what) throws VerificationException {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        return text(node, name, what);
    }

    static long integer(JsonNode node, String name, String what) throws VerificationException {
        JsonNode value = node == null ? null : node.get(name);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw malformed(what + "." + name + " is missing or not an integer");
        }
        return value.longValue();
    }

    static String hex(JsonNode node, String name, String what) throws VerificationException {
        String value = text(node, name, what);
        if (!HEX_256.matches(value)) {
            throw malformed(what + "." + name + " is not 64 lowercase hex characters");
        }
        return value;
    }

    static byte[] base64(String value, String what) throws VerificationException {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw malformed(what + " is not base64");
        }
    }

    static Instant instant(String value, String what) throws VerificationException {
        try {
            return Instant.parse(value);
        } catch (DateTimeException e) {
            throw malformed(what + " is not an ISO-8601 instant");
        }
    }

    static VerificationException malformed(String detail) {
        return new VerificationException(VerificationFailure.MALFORMED, detail);
    }
}
