package org.qcchain.node.store;

import java.util.Base64;
import java.util.Objects;
import org.qcchain.chaincode.model.AnchorStatement;
import org.qcchain.chaincode.model.AnchorSubmission;
import org.qcchain.common.json.Json;
import org.qcchain.common.proof.MerkleTree;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.ledger.Committed;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerIdentity;

/**
 * Anchors a batch root as its provider: signs the canonical JSON of the {@link AnchorStatement}
 * with the provider's identity (so the anchor speaks for the provider, not for the node that
 * carries it) and submits {@code Anchors:anchorBatch} as the provider.
 */
public final class BatchAnchorer {

    private final LedgerBackend ledger;
    private final LedgerIdentity provider;

    /**
     * Creates the anchorer.
     *
     * @param ledger the ledger
     * @param provider the provider's identity, whose CA the provider registered
     */
    public BatchAnchorer(LedgerBackend ledger, LedgerIdentity provider) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /**
     * Signs and anchors.
     *
     * @param datasetId the dataset, of which the provider is the source
     * @param batchId the batch id, new for the dataset
     * @param tree the batch tree
     * @return the committed anchoring transaction
     * @throws ChaincodeFailure if the chaincode refuses (not the provider, batch exists, ...)
     */
    public Committed anchor(String datasetId, String batchId, MerkleTree tree) throws ChaincodeFailure {
        AnchorStatement statement = new AnchorStatement(datasetId, batchId, tree.rootHex(), tree.size(),
                tree.suite().name());
        String signature = Base64.getEncoder().encodeToString(
                provider.identity().sign(Json.canonicalBytes(statement)));
        AnchorSubmission submission = new AnchorSubmission(statement,
                provider.identity().certificatePem(), signature);
        return ledger.submit(provider, "Anchors:anchorBatch", Json.write(submission));
    }
}
