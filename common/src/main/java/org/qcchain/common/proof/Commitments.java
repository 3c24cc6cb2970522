package org.qcchain.common.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.SortedMap;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.CanonicalJson;

/**
 * The two hash definitions of a record, in one place because the committer and the verifier must
 * compute exactly the same bytes:
 *
 * <pre>
 * commitment(field) = H(0x02 || JCS({"field": name, "salt": base64(salt), "value": value}))
 * recordRoot        = H(0x03 || JCS({"commitments": {name: hex(commitment), ...},
 *                                    "datasetId": ..., "format": "qcchain-proof/1",
 *                                    "recordId": ..., "subject": ..., "version": n}))
 * </pre>
 *
 * JCS is RFC 8785 canonical JSON as UTF-8; base64 is RFC 4648 section 4 with padding.
 */
final class Commitments {

    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private Commitments() {}

    /** The commitment to one field; {@code value} must be a normalised scalar. */
    static byte[] field(CryptoSuite suite, String name, byte[] salt, JsonNode value) {
        ObjectNode opening = JsonNodeFactory.instance.objectNode();
        opening.put("field", name);
        opening.put("salt", BASE64.encodeToString(salt));
        opening.set("value", value);
        return Hashing.tagged(suite, ProofFormat.FIELD_TAG, CanonicalJson.serializeUtf8(opening));
    }

    /** The record root over its header and the hex commitments of all its fields. */
    static byte[] recordRoot(CryptoSuite suite, RecordHeader header, SortedMap<String, String> commitments) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode byField = root.putObject("commitments");
        commitments.forEach(byField::put);
        root.put("datasetId", header.datasetId());
        root.put("format", ProofFormat.VERSION);
        root.put("recordId", header.recordId());
        root.put("subject", header.subject());
        root.put("version", header.version());
        return Hashing.tagged(suite, ProofFormat.RECORD_TAG, CanonicalJson.serializeUtf8(root));
    }

    /** What the record root binds besides the commitments. */
    record RecordHeader(String datasetId, String recordId, long version, String subject) {

        static RecordHeader of(DataRecord record) {
            return new RecordHeader(record.datasetId(), record.recordId(), record.version(),
                    record.subject());
        }

        static RecordHeader of(Disclosure disclosure) {
            return new RecordHeader(disclosure.datasetId(), disclosure.recordId(), disclosure.version(),
                    disclosure.subject());
        }
    }
}
