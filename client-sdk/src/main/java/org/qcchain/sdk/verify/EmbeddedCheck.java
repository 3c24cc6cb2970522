package org.qcchain.sdk.verify;

import com.fasterxml.jackson.databind.JsonNode;
import org.qcchain.common.answer.EmbeddedEvidence;
import org.qcchain.common.proof.BatchRoot;
import org.qcchain.common.proof.ProofException;
import org.qcchain.common.proof.ProofVerifier;

/**
 * Checks that a transaction is valid on the embedded ledger (docs/proof-format.md section 11,
 * "Transaction evidence"): its hash recomputed from the canonical {@code transaction} object, the
 * inclusion of that hash under the block header's transactions root (tree size = number of
 * validation codes), the VALID code at its index, a response status below 400, and the node's
 * signature over the canonical header. What the transaction wrote is the caller's to compare.
 */
final class EmbeddedCheck {

    private final Signers signers;
    private final ProofVerifier proofs;

    EmbeddedCheck(Signers signers) {
        this.signers = signers;
        this.proofs = ProofVerifier.forSuite(signers.suite());
    }

    TransactionCheck.Checked check(EmbeddedEvidence evidence, ParsedCertificate node, String what)
            throws VerificationException {
        JsonNode tx = Trees.object(evidence.transaction(), what + ".transaction");
        JsonNode header = Trees.object(evidence.blockHeader(), what + ".blockHeader");
        byte[] txHash = signers.suite().hash(TransactionCheck.canonical(tx, what + ".transaction"));
        byte[] headerBytes = TransactionCheck.canonical(header, what + ".blockHeader");
        long blockNumber = Trees.integer(header, "number", what + ".blockHeader");
        JsonNode codes = header.get("validationCodes");
        if (codes == null || !codes.isArray()) {
            throw Trees.malformed(what + ".blockHeader.validationCodes is missing or not an array");
        }
        String root = Trees.hex(header, "transactionsRoot", what + ".blockHeader");
        int index = evidence.index();
        if (evidence.transactionsProof() == null || codes.isEmpty() || index < 0 || index >= codes.size()
                || evidence.transactionsProof().leafIndex() != index) {
            throw new VerificationException(VerificationFailure.BLOCK_TRANSACTION_NOT_INCLUDED, what
                    + ": no inclusion proof for index " + index + " of block " + blockNumber);
        }
        try {
            proofs.verifyInclusion(txHash, evidence.transactionsProof(),
                    new BatchRoot(signers.suite(), root, codes.size()));
        } catch (ProofException | RuntimeException e) {
            throw new VerificationException(VerificationFailure.BLOCK_TRANSACTION_NOT_INCLUDED, what
                    + ": the transaction is not at index " + index + " of block " + blockNumber + " (" + e.getMessage()
                    + ")", e);
        }
        if (!"VALID".equals(codes.get(index).asText())) {
            throw new VerificationException(VerificationFailure.TRANSACTION_INVALID, what + ": block " + blockNumber
                    + " marks the transaction " + codes.get(index).asText());
        }
        JsonNode response = Trees.object(tx.get("response"), what + ".transaction.response");
        long status = Trees.integer(response, "status", what + ".transaction.response");
        if (status >= 400) {
            throw new VerificationException(VerificationFailure.TRANSACTION_INVALID, what
                    + ": the chaincode answered status " + status);
        }
        byte[] signature = Trees.base64(evidence.blockSignature() == null ? "" : evidence.blockSignature(),
                what + ".blockSignature");
        signers.requireSignature(node, headerBytes, signature, true, VerificationFailure.BLOCK_SIGNATURE_INVALID,
                "the node's signature of block " + blockNumber);
        byte[] payload = Trees.base64(Trees.text(response, "payload", what + ".transaction.response"),
                what + ".transaction.response.payload");
        JsonNode event = tx.get("event");
        String eventName = event == null ? null : Trees.optionalText(event, "name", what + ".transaction.event");
        LedgerPosition position = new LedgerPosition(Trees.text(tx, "txId", what + ".transaction"), blockNumber,
                signers.suite().hashHex(headerBytes), index);
        return new TransactionCheck.Checked(position, payload, eventName);
    }
}
