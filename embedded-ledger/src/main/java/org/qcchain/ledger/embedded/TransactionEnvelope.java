package org.qcchain.ledger.embedded;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.CanonicalJson;
import org.qcchain.common.json.Json;

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
 */
final class TransactionEnvelope {

    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private TransactionEnvelope() {}

    static byte[] bytes(String txId, byte[] proposal, byte[] signature, byte[] rwset, int status,
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

    static byte[] hash(CryptoSuite suite, String txId, byte[] proposal, byte[] signature, byte[] rwset,
            int status, String message, byte[] payload, String eventName, byte[] eventPayload) {
        return suite.hash(bytes(txId, proposal, signature, rwset, status, message, payload, eventName,
                eventPayload));
    }
}
