package org.qcchain.sdk.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import org.qcchain.common.answer.RecordEvidence;
import org.qcchain.common.json.Json;
import org.qcchain.common.json.JsonInputException;
import org.qcchain.common.proof.BatchRoot;
import org.qcchain.common.proof.Disclosure;
import org.qcchain.common.proof.DisclosureVerifier;
import org.qcchain.common.proof.ProofException;
import org.qcchain.common.proof.ProofVerifier;

/**
 * Checks 6 to 10 of the answer for one disclosed record: the disclosure is of the requested
 * dataset, subject and fields; it opens its record root; the anchor is the dataset provider's,
 * signed by a certificate of that provider's CA; the record root is in the anchored batch; and the
 * anchor is what a valid transaction wrote.
 */
final class RecordCheck {

    /** The chaincode's event of an anchored batch. */
    static final String EVENT = "BatchAnchored";

    /** What the answer's request and access record say about one dataset. */
    record Expected(String datasetId, String subject, Set<String> fields, String providerMspId) {}

    private final Signers signers;
    private final TrustAnchors anchors;
    private final TransactionCheck transactions;
    private final DisclosureVerifier disclosures;
    private final ProofVerifier proofs;

    RecordCheck(Signers signers, TrustAnchors anchors, TransactionCheck transactions) {
        this.signers = signers;
        this.anchors = anchors;
        this.transactions = transactions;
        this.disclosures = DisclosureVerifier.forSuite(signers.suite());
        this.proofs = ProofVerifier.forSuite(signers.suite());
    }

    VerifiedRecord check(RecordEvidence evidence, Expected expected, ParsedCertificate node, String where)
            throws VerificationException {
        Disclosure disclosure = evidence == null ? null : evidence.disclosure();
        if (disclosure == null) {
            throw Trees.malformed(where + ": the disclosure is missing");
        }
        if (!expected.datasetId().equals(disclosure.datasetId()) || !expected.subject().equals(disclosure.subject())
                || !expected.fields().equals(disclosure.openings().keySet())) {
            throw new VerificationException(VerificationFailure.DISCLOSURE_MISMATCH, where
                    + ": the disclosure is not of the requested dataset, subject and fields (discloses "
                    + disclosure.openings().keySet() + ")");
        }
        try {
            disclosures.verify(disclosure);
        } catch (ProofException e) {
            throw VerificationException.of(where, e);
        }
        JsonNode anchor = Trees.object(evidence.anchor(), where + ".anchor");
        BatchRoot batch = AnchorCheck.check(signers, anchors, anchor, expected, where + ".anchor");
        try {
            proofs.verifyInclusion(HexFormat.of().parseHex(disclosure.recordRoot()), evidence.inclusionProof(), batch);
        } catch (ProofException e) {
            throw VerificationException.of(where, e);
        } catch (NullPointerException e) {
            throw Trees.malformed(where + ": the inclusion proof is missing");
        }
        TransactionCheck.Checked tx = transactions.check(evidence.anchorEvidence(), node, where + ".anchorEvidence");
        VerifiedAnchor verified = onLedger(anchor, batch, tx, where);
        return new VerifiedRecord(disclosure.datasetId(), disclosure.recordId(), disclosure.version(),
                disclosure.subject(), disclosure.disclosedValues(), verified);
    }

    /**
     * Check 10: the evidence is the anchor's own transaction, whose response is this very anchor.
     *
     * @param batch the root, size and suite check 8 took from the anchor
     * @return the anchor as verified, at the transaction's place on the ledger
     */
    static VerifiedAnchor onLedger(JsonNode anchor, BatchRoot batch, TransactionCheck.Checked tx, String where)
            throws VerificationException {
        String txId = Trees.text(anchor, "txId", where + ".anchor");
        if (!txId.equals(tx.position().txId()) || !EVENT.equals(tx.eventName())) {
            throw notOnLedger(where + ": the evidence is transaction " + tx.position().txId() + " with event "
                    + tx.eventName() + ", not the " + EVENT + " transaction " + txId);
        }
        byte[] written;
        try {
            written = TransactionCheck.canonical(Json.tree(new String(tx.payload(), StandardCharsets.UTF_8)), "payload");
        } catch (JsonInputException | VerificationException e) {
            throw notOnLedger(where + ": the transaction's response is not an anchor");
        }
        if (!Arrays.equals(written, TransactionCheck.canonical(anchor, where + ".anchor"))) {
            throw notOnLedger(where + ": the transaction wrote another anchor than the answer shows");
        }
        JsonNode statement = anchor.get("statement");
        return new VerifiedAnchor(Trees.text(anchor, "providerMspId", where + ".anchor"),
                Trees.text(statement, "datasetId", where + ".anchor.statement"),
                Trees.text(statement, "batchId", where + ".anchor.statement"), batch.root(), batch.size(),
                Trees.text(anchor, "anchoredAt", where + ".anchor"), tx.position(), statement.has("retiring"));
    }

    private static VerificationException notOnLedger(String detail) {
        return new VerificationException(VerificationFailure.ANCHOR_NOT_ON_LEDGER, detail);
    }
}
