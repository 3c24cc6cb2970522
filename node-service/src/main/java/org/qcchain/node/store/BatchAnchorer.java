package org.qcchain.node.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qcchain.chaincode.model.AnchorStatement;
import org.qcchain.chaincode.model.AnchorSubmission;
import org.qcchain.common.error.ErrorCode;
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
     * @param retiring whether the batch's leaves are versions that retire their records; the
     *     statement the provider signs says so
     * @return the committed anchoring transaction
     * @throws ChaincodeFailure if the chaincode refuses (not the provider, batch exists, ...)
     */
    public Committed anchor(String datasetId, String batchId, MerkleTree tree, boolean retiring)
            throws ChaincodeFailure {
        AnchorStatement statement = AnchorStatement.of(datasetId, batchId, tree.rootHex(), tree.size(),
                tree.suite().name(), retiring);
        String signature = Base64.getEncoder().encodeToString(
                provider.identity().sign(Json.canonicalBytes(statement)));
        AnchorSubmission submission = new AnchorSubmission(statement,
                provider.identity().certificatePem(), signature);
        return ledger.submit(provider, "Anchors:anchorBatch", Json.write(submission));
    }

    /**
     * Anchors the batches of a dataset that a cut-short import or anchoring left stored but
     * unanchored (a crash, a ledger failure), oldest first, so that the store and the ledger agree
     * again. A batch the ledger already anchors with the same root (the run was cut short after
     * the anchor, before the store noted it) is noted; with another root it needs repair. The
     * caller holds the store's {@link ProviderStore#anchorLock()}.
     *
     * @param store the provider's store
     * @param datasetId the dataset
     * @return the batches anchored or noted, in order; empty when none waited
     * @throws ChaincodeFailure if the ledger refuses an anchor; batches anchored before stay
     * @throws IllegalStateException if the ledger anchors a batch id with another root
     */
    public List<AnchoredBatch> resumeUnanchored(ProviderStore store, String datasetId) throws ChaincodeFailure {
        List<AnchoredBatch> anchored = new ArrayList<>();
        for (String batchId : store.unanchoredBatches(datasetId)) {
            anchored.add(resume(store, datasetId, store.batch(datasetId, batchId).orElseThrow()));
        }
        return anchored;
    }

    private AnchoredBatch resume(ProviderStore store, String datasetId, StoredBatch batch) throws ChaincodeFailure {
        String batchId = batch.batchId();
        MerkleTree tree = MerkleTree.of(ledger.suite(), store.batchLeaves(datasetId, batchId).stream()
                .map(HexFormat.of()::parseHex).toList());
        try {
            String txId = anchor(datasetId, batchId, tree, batch.retiring()).txId();
            store.markAnchored(datasetId, batchId, txId);
            return new AnchoredBatch(batchId, tree.size(), tree.rootHex(), txId);
        } catch (ChaincodeFailure e) {
            if (e.errorCode() != ErrorCode.ANCHOR_EXISTS) {
                throw e;
            }
            String txId = adoptExisting(ledger, provider, store, datasetId, batchId, tree.rootHex())
                    .orElseThrow(() -> new IllegalStateException("batch " + batchId + " of " + datasetId
                            + " is anchored on the ledger with another root than the store holds; the store needs"
                            + " repair"));
            return new AnchoredBatch(batchId, tree.size(), tree.rootHex(), txId);
        }
    }

    /**
     * Notes in the store an anchor the ledger already holds for a stored batch (a run cut short
     * after the anchor's commit, before the store noted it), when its root is the batch's, with the
     * kind its statement gives.
     *
     * @return the anchoring transaction; empty when the ledger anchors that batch id with another root
     */
    static Optional<String> adoptExisting(LedgerBackend ledger, LedgerIdentity reader, ProviderStore store,
            String datasetId, String batchId, String merkleRoot) throws ChaincodeFailure {
        JsonNode anchor = Json.tree(ledger.evaluate(reader, "Anchors:getAnchor", datasetId, batchId));
        if (!anchor.path("statement").path("merkleRoot").asText().equals(merkleRoot)) {
            return Optional.empty();
        }
        String txId = anchor.path("txId").asText();
        store.adoptAnchor(datasetId, batchId, txId, anchor.path("statement").path("retiring").asBoolean(false));
        return Optional.of(txId);
    }
}
