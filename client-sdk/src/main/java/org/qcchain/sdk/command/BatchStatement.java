package org.qcchain.sdk.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.json.Json;

/**
 * A batch of a provider's records that a node cut and that waits for the provider's signature
 * before it is anchored: one item of {@code POST /v1/datasets/{id}/batches}. The provider signs
 * the canonical JSON of the statement {@code {datasetId, batchId, merkleRoot, recordCount,
 * hashSuite}} (and {@code "retiring": true} for a batch that retires records deleted at the
 * source) with its own key (here, or {@link #bytesToSign()} in an HSM) and sends the
 * {@link SignedBatchStatement} back through the same or any node, which relays it to the ledger
 * without ever holding the provider's key.
 *
 * <pre>{@code
 * for (BatchStatement batch : client.cutBatches("vehicle.registration", 5000)) {
 *     client.anchorBatch(batch.sign(providerIdentity));   // or SignedBatchStatement.of(batch, pem, hsm.sign(...))
 * }
 * }</pre>
 *
 * <p>The bytes signed are recomputed here from the statement, never taken on the node's word: a
 * node that answered other bytes than the statement it shows is refused by {@link #fromJson}.
 */
public final class BatchStatement {

    private final ObjectNode statement;
    private final byte[] bytesToSign;

    private BatchStatement(ObjectNode statement, byte[] bytesToSign) {
        this.statement = statement;
        this.bytesToSign = bytesToSign;
    }

    /**
     * Reads one item of the node's answer.
     *
     * @param item {@code {batchId, records, merkleRoot, status, statement, bytesToSign, digest}}
     * @return the statement to sign
     * @throws IllegalArgumentException if the statement is missing or incomplete, or the node's
     *     {@code bytesToSign} are not the statement's canonical JSON
     */
    public static BatchStatement fromJson(JsonNode item) {
        Objects.requireNonNull(item, "item");
        JsonNode statement = item.path("statement");
        if (!statement.isObject()) {
            throw new IllegalArgumentException("the batch carries no statement");
        }
        for (String field : new String[] {"datasetId", "batchId", "merkleRoot", "hashSuite"}) {
            if (!statement.path(field).isTextual()) {
                throw new IllegalArgumentException("the statement has no text " + field);
            }
        }
        if (!statement.path("recordCount").canConvertToLong() || statement.path("recordCount").asLong() < 1) {
            throw new IllegalArgumentException("the statement has no positive recordCount");
        }
        if (statement.has("retiring") && !statement.path("retiring").equals(BooleanNode.TRUE)) {
            throw new IllegalArgumentException("the statement's retiring is true or absent, not "
                    + statement.path("retiring"));
        }
        CryptoSuite.fromName(statement.path("hashSuite").asText());
        byte[] bytes = Json.canonicalBytes(statement);
        if (item.has("bytesToSign")
                && !Arrays.equals(bytes, Base64.getDecoder().decode(item.path("bytesToSign").asText()))) {
            throw new IllegalArgumentException("the node's bytesToSign are not the canonical JSON of its statement");
        }
        return new BatchStatement(((ObjectNode) statement).deepCopy(), bytes);
    }

    /** @return the dataset */
    public String datasetId() {
        return statement.path("datasetId").asText();
    }

    /** @return the batch */
    public String batchId() {
        return statement.path("batchId").asText();
    }

    /** @return hex root of the batch tree, which the provider may check against its own records */
    public String merkleRoot() {
        return statement.path("merkleRoot").asText();
    }

    /** @return how many record versions the batch holds */
    public long recordCount() {
        return statement.path("recordCount").asLong();
    }

    /**
     * @return whether the batch holds versions that retire records deleted at the source, rather
     *     than records: a provider signing it says those records are gone
     */
    public boolean retiring() {
        return statement.has("retiring");
    }

    /** @return a copy of the statement */
    public ObjectNode statement() {
        return statement.deepCopy();
    }

    /** @return the RFC 8785 bytes the provider signs */
    public byte[] bytesToSign() {
        return bytesToSign.clone();
    }

    /** @return the statement suite's hash of {@link #bytesToSign()}, for signers that take a digest */
    public byte[] digest() {
        return CryptoSuite.fromName(statement.path("hashSuite").asText()).hash(bytesToSign);
    }

    /**
     * Signs the statement with a member of the provider.
     *
     * @param identity a certificate issued by a CA of the dataset's provider, and its key
     * @return the signed statement
     */
    public SignedBatchStatement sign(Identity identity) {
        Objects.requireNonNull(identity, "identity");
        return SignedBatchStatement.of(this, identity.certificatePem(), identity.sign(bytesToSign));
    }

    @Override
    public String toString() {
        return "BatchStatement[" + datasetId() + ", " + batchId() + ", " + recordCount()
                + (retiring() ? " records retired]" : " records]");
    }
}
