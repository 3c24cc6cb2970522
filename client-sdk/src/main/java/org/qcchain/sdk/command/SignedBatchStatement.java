package org.qcchain.sdk.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Objects;
import org.qcchain.common.json.Json;
import org.qcchain.sdk.internal.SignerCertificates;

/**
 * A provider's signature over a {@link BatchStatement}: the body {@code {certificate, signature}}
 * of {@code POST /v1/datasets/{id}/batches/{batchId}/anchor}. The signature is checked against the
 * certificate here, so a bad HSM signature fails before it reaches the node.
 *
 * <pre>{@code
 * SignedBatchStatement signed = SignedBatchStatement.of(batch, certificatePem, hsm.sign(batch.bytesToSign()));
 * }</pre>
 */
public final class SignedBatchStatement {

    private final BatchStatement batch;
    private final String certificatePem;
    private final byte[] signature;

    private SignedBatchStatement(BatchStatement batch, String certificatePem, byte[] signature) {
        this.batch = batch;
        this.certificatePem = certificatePem;
        this.signature = signature;
    }

    /**
     * Joins a statement and a signature made elsewhere.
     *
     * @param batch the statement that was signed
     * @param certificatePem the signer's PEM certificate, issued by a CA of the dataset's provider
     * @param signature DER signature over {@link BatchStatement#bytesToSign()}
     * @return the signed statement
     * @throws IllegalArgumentException if the certificate is unreadable or the signature does not verify
     */
    public static SignedBatchStatement of(BatchStatement batch, String certificatePem, byte[] signature) {
        Objects.requireNonNull(batch, "batch");
        SignerCertificates.requireSignature(certificatePem, batch.bytesToSign(), signature, "anchor statement");
        return new SignedBatchStatement(batch, certificatePem, signature.clone());
    }

    /** @return the statement */
    public BatchStatement batch() {
        return batch;
    }

    /** @return the body {@code {certificate, signature}} the node checks and relays */
    public ObjectNode toJson() {
        return Json.mapper().createObjectNode().put("certificate", certificatePem)
                .put("signature", Base64.getEncoder().encodeToString(signature));
    }

    @Override
    public String toString() {
        return "SignedBatchStatement[" + batch + "]";
    }
}
