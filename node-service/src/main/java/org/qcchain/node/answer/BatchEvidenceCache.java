package org.qcchain.node.answer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;
import java.util.List;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.cache.LruCache;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;
import org.qcchain.common.proof.MerkleTree;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.node.store.ProviderStore;
import org.qcchain.node.store.StoreException;

/**
 * Loads and keeps the {@link BatchEvidence} of recently used batches. An anchored batch never
 * changes (the chaincode refuses a second anchor of the same id), so entries never go stale; the
 * cache saves rebuilding a tree of thousands of leaves for every request about the same batch.
 */
final class BatchEvidenceCache {

    private static final int CAPACITY = 256;

    private final LedgerBackend ledger;
    private final LedgerIdentity node;
    private final LruCache<String, BatchEvidence> entries = new LruCache<>(CAPACITY);

    BatchEvidenceCache(LedgerBackend ledger, LedgerIdentity node) {
        this.ledger = ledger;
        this.node = node;
    }

    BatchEvidence get(ProviderStore store, String datasetId, String batchId) throws ChaincodeFailure {
        String key = store.mspId() + '\n' + datasetId + '\n' + batchId;
        BatchEvidence known = entries.get(key);
        if (known != null) {
            return known;
        }
        BatchEvidence loaded = load(store, datasetId, batchId);
        entries.put(key, loaded);
        return loaded;
    }

    private BatchEvidence load(ProviderStore store, String datasetId, String batchId) throws ChaincodeFailure {
        CryptoSuite suite = ledger.suite();
        List<byte[]> leaves = store.batchLeaves(datasetId, batchId).stream()
                .map(HexFormat.of()::parseHex).toList();
        MerkleTree tree = MerkleTree.of(suite, leaves);
        JsonNode anchor = Json.tree(ledger.evaluate(node, "Anchors:getAnchor", datasetId, batchId));
        if (!tree.rootHex().equals(anchor.path("statement").path("merkleRoot").asText())) {
            // the store changed since the node checked it at start: answer nothing from it
            throw new StoreException("record store of " + store.mspId() + ": batch " + batchId + " of " + datasetId
                    + " does not match its anchor");
        }
        String txId = anchor.path("txId").asText();
        TransactionEvidence evidence = ledger.evidence(txId).orElseThrow(() ->
                new IllegalStateException("anchor transaction " + txId + " is not on the ledger"));
        return BatchEvidence.of(tree, anchor, evidence);
    }
}
