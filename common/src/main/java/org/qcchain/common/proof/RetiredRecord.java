package org.qcchain.common.proof;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;
import java.util.Objects;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.CanonicalJson;

/**
 * A version of a record that says the record is gone: its row was deleted at the source unit.
 * It is anchored like any record version, as a leaf of a batch tree, so that the ledger shows
 * when the record stopped being answered and an auditor can check it; it has no fields, and a
 * node never discloses a record whose newest version is retired.
 *
 * <pre>
 * retiredRoot = H(0x03 || JCS({"datasetId": ..., "format": "qcchain-proof/1", "recordId": ...,
 *                              "retired": true, "subject": ..., "version": n}))
 * </pre>
 *
 * <p>The same tag as a record root, but no {@code commitments} member and a {@code retired} member
 * no record root has: the two preimages can never be the same bytes (docs/proof-format.md,
 * section 6).
 *
 * @param datasetId the dataset
 * @param recordId the record retired
 * @param version the retiring version: after every version of the record before it
 * @param subject the record's subject pseudonym, as in its earlier versions
 */
public record RetiredRecord(String datasetId, String recordId, long version, String subject) {

    /** Checks each part as {@link DataRecord.Builder} does. */
    public RetiredRecord {
        DataRecord.builder().datasetId(datasetId).recordId(recordId).version(version).subject(subject);
    }

    /**
     * The leaf this version is in its batch tree.
     *
     * @param suite the network's suite (its hash)
     * @return the root
     */
    public byte[] root(CryptoSuite suite) {
        Objects.requireNonNull(suite, "suite");
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("datasetId", datasetId);
        root.put("format", ProofFormat.VERSION);
        root.put("recordId", recordId);
        root.put("retired", true);
        root.put("subject", subject);
        root.put("version", version);
        return Hashing.tagged(suite, ProofFormat.RECORD_TAG, CanonicalJson.serializeUtf8(root));
    }

    /**
     * @param suite the network's suite
     * @return {@link #root} as lowercase hex
     */
    public String rootHex(CryptoSuite suite) {
        return HexFormat.of().formatHex(root(suite));
    }
}
