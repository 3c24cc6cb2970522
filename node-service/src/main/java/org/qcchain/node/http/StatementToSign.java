package org.qcchain.node.http;

import java.util.Base64;
import org.qcchain.chaincode.model.AnchorStatement;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;
import org.qcchain.node.store.StoredBatch;

/**
 * A batch cut for a provider that signs its anchors itself, as {@code POST
 * /v1/datasets/{id}/batches} answers it: the statement, the exact bytes to sign (its canonical
 * JSON, base64) so that a signer need not canonicalise anything, and their digest in the batch's
 * suite, for the signer to log or show what it signs.
 *
 * @param batchId the batch
 * @param records how many record versions it holds
 * @param merkleRoot hex root of its tree
 * @param status always {@value #AWAITING_SIGNATURE}: anchored batches are not listed
 * @param statement what the provider signs
 * @param bytesToSign base64 of the canonical JSON of {@code statement}
 * @param digest hex digest of those bytes in the statement's {@code hashSuite}
 */
record StatementToSign(String batchId, int records, String merkleRoot, String status, AnchorStatement statement,
        String bytesToSign, String digest) {

    static final String AWAITING_SIGNATURE = "AWAITING_SIGNATURE";

    static StatementToSign of(StoredBatch batch, AnchorStatement statement) {
        byte[] bytes = Json.canonicalBytes(statement);
        return new StatementToSign(batch.batchId(), batch.records(), batch.merkleRoot(), AWAITING_SIGNATURE,
                statement, Base64.getEncoder().encodeToString(bytes),
                CryptoSuite.fromName(statement.hashSuite()).hashHex(bytes));
    }
}
