package org.qcchain.ledger.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.node.TextNode;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.CanonicalJson;
import org.qcchain.simulator.ChaincodeEventRecord;

/**
 * The hashed form of an ordered transaction, a Merkle leaf of its block: canonical JSON (RFC 8785)
 * of
 *
 * <pre>{@code
 * {"txId": "<hex>", "proposal": "<base64 peer.Proposal>", "signature": "<base64 DER>",
 *  "rwset": "<base64 KVRWSet>",
 *  "response": {"status": 200, "message": "", "payload": "<base64>"},
 *  "event": {"name": "AccessDecided", "payload": "<base64>"}}      // only if the tx set one
 * }</pre>
 *
 * <p>The transaction hash is the suite's hash of these bytes. The validation code is not part of
 * it; the block header lists the codes.
 *
 * <p>The members and their order are fixed, so the canonical text is written directly (members
 * sorted by name as RFC 8785 asks: {@code event, proposal, response, rwset, signature, txId};
 * {@code message, payload, status}; {@code name, payload}), with the strings escaped by {@link
 * CanonicalJson}: the same bytes as serialising the JSON tree, without building it (a test checks
 * both agree). This runs once per transaction on the endorsing path and once in verification.
 */
final class TransactionEnvelope {

    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private TransactionEnvelope() {}

    static byte[] bytes(String txId, byte[] proposal, byte[] signature, byte[] rwset, int status,
            String message, byte[] payload, String eventName, byte[] eventPayload) {
        return text(txId, proposal, signature, rwset, status, message, payload, eventName, eventPayload)
                .toByteArray();
    }

    private static Text text(String txId, byte[] proposal, byte[] signature, byte[] rwset, int status,
            String message, byte[] payload, String eventName, byte[] eventPayload) {
        // base64 takes 4 bytes per 3, an escaped character up to 6: sized once, never grown
        long binary = (long) proposal.length + signature.length + rwset.length + payload.length
                + (eventPayload == null ? 0 : eventPayload.length);
        Text out = new Text((int) Math.min(Integer.MAX_VALUE - 8, binary / 3 * 4 + 4L * 5
                + 6L * (message.length() + (eventName == null ? 0 : eventName.length())) + 512));
        out.ascii("{");
        if (eventName != null) {
            out.ascii("\"event\":{\"name\":").string(eventName).ascii(",\"payload\":")
                    .base64(eventPayload == null ? new byte[0] : eventPayload).ascii("},");
        }
        out.ascii("\"proposal\":").base64(proposal);
        out.ascii(",\"response\":{\"message\":").string(message).ascii(",\"payload\":").base64(payload)
                .ascii(",\"status\":").ascii(Integer.toString(status)).ascii("}");
        out.ascii(",\"rwset\":").base64(rwset);
        out.ascii(",\"signature\":").base64(signature);
        out.ascii(",\"txId\":").string(txId).ascii("}");
        return out;
    }

    /** The hashed form of a stored transaction ({@link TransactionRecord#hashedForm}). */
    static byte[] bytes(TransactionRecord tx) {
        return text(tx).toByteArray();
    }

    /** The hash of a stored transaction, recomputed from its parts. */
    static byte[] hash(CryptoSuite suite, TransactionRecord tx) {
        return digest(suite, text(tx));
    }

    private static Text text(TransactionRecord tx) {
        Optional<ChaincodeEventRecord> event = tx.event();
        return text(tx.txId(), tx.proposal().proposalBytesUnsafe(), tx.proposal().signatureUnsafe(),
                tx.rwsetBytesUnsafe(), tx.status(), tx.message(), tx.payloadUnsafe(),
                event.map(ChaincodeEventRecord::name).orElse(null),
                event.map(ChaincodeEventRecord::payload).orElse(null));
    }

    /** The hash of a transaction as its block file entry holds it. */
    static byte[] hash(CryptoSuite suite, TransactionData tx) {
        return hash(suite, tx.txId(), tx.proposal(), tx.signature(), tx.rwset(), tx.status(), tx.message(),
                tx.payload(), tx.eventName(), tx.eventPayload());
    }

    static byte[] hash(CryptoSuite suite, String txId, byte[] proposal, byte[] signature, byte[] rwset,
            int status, String message, byte[] payload, String eventName, byte[] eventPayload) {
        return digest(suite, text(txId, proposal, signature, rwset, status, message, payload, eventName,
                eventPayload));
    }

    private static byte[] digest(CryptoSuite suite, Text text) {
        MessageDigest digest = suite.newDigest();
        digest.update(text.bytes, 0, text.length);
        return digest.digest();
    }

    /** A growable UTF-8 buffer. */
    private static final class Text {
        private byte[] bytes;
        private int length;

        Text(int capacity) {
            bytes = new byte[capacity];
        }

        Text ascii(String text) {
            int n = text.length();
            ensure(n);
            for (int i = 0; i < n; i++) {
                bytes[length++] = (byte) text.charAt(i);
            }
            return this;
        }

        /** A JSON string as RFC 8785 writes it (throws for an unpaired surrogate, as the tree form does). */
        Text string(String value) {
            byte[] utf8 = plain(value) ? null : CanonicalJson.serialize(TextNode.valueOf(value)).getBytes(UTF_8);
            if (utf8 == null) {
                ensure(value.length() + 2);
                bytes[length++] = '"';
                for (int i = 0; i < value.length(); i++) {
                    bytes[length++] = (byte) value.charAt(i);
                }
                bytes[length++] = '"';
                return this;
            }
            ensure(utf8.length);
            System.arraycopy(utf8, 0, bytes, length, utf8.length);
            length += utf8.length;
            return this;
        }

        /** A quoted base64 string. */
        Text base64(byte[] data) {
            byte[] encoded = BASE64.encode(data);
            ensure(encoded.length + 2);
            bytes[length++] = '"';
            System.arraycopy(encoded, 0, bytes, length, encoded.length);
            length += encoded.length;
            bytes[length++] = '"';
            return this;
        }

        byte[] toByteArray() {
            return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        /** Printable ASCII without a quote or backslash: written as it is. */
        private static boolean plain(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                    return false;
                }
            }
            return true;
        }
    }
}
