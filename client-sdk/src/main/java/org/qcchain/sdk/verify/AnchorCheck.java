package org.qcchain.sdk.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.security.cert.X509Certificate;
import java.util.List;
import org.qcchain.common.proof.BatchRoot;

/**
 * Check 8 of the answer: the anchor is of the record's dataset and of the provider the access record
 * names for it; its provider's signature over the canonical {@code statement} verifies with a
 * certificate issued by a CA trusted for that provider and valid when the ledger recorded the
 * anchor; and its statement gives a usable batch root, size and suite, of a batch of records (not
 * one that retires records).
 */
final class AnchorCheck {

    private AnchorCheck() {}

    static BatchRoot check(Signers signers, TrustAnchors anchors, JsonNode anchor, RecordCheck.Expected expected,
            String what) throws VerificationException {
        JsonNode statement = Trees.object(anchor.get("statement"), what + ".statement");
        String dataset = Trees.text(statement, "datasetId", what + ".statement");
        String provider = Trees.text(anchor, "providerMspId", what);
        if (!dataset.equals(expected.datasetId()) || !provider.equals(expected.providerMspId())) {
            throw mismatch(what + " is of " + provider + "'s dataset '" + dataset + "', the record is of "
                    + expected.providerMspId() + "'s '" + expected.datasetId() + "'");
        }
        BatchRoot batch = signed(signers, anchors, anchor, what);
        if (statement.has("retiring")) {
            // its leaves are versions that retire records, which have no values: a disclosure
            // proved against it is the provider's batch used for what it says it is not
            throw mismatch(what + " anchors versions that retire records, not records with values");
        }
        return batch;
    }

    /**
     * The checks of an anchor on its own, whatever it anchors: its provider's signature over the
     * canonical {@code statement} by a certificate issued by a CA trusted for {@code providerMspId}
     * and valid when the ledger recorded the anchor, and a usable root, size and suite.
     */
    static BatchRoot signed(Signers signers, TrustAnchors anchors, JsonNode anchor, String what)
            throws VerificationException {
        JsonNode statement = Trees.object(anchor.get("statement"), what + ".statement");
        String provider = Trees.text(anchor, "providerMspId", what);
        List<X509Certificate> cas = anchors.organisationCas(provider);
        ParsedCertificate signer = signers.certificate(Trees.text(anchor, "signerCertificate", what),
                VerificationFailure.ANCHOR_SIGNATURE_INVALID, what + ".signerCertificate");
        signers.requireIssuedBy(signer, cas, VerificationFailure.ANCHOR_SIGNATURE_INVALID,
                what + " signer of " + provider);
        Signers.requireValidAt(signer, Trees.instant(Trees.text(anchor, "anchoredAt", what), what + ".anchoredAt"),
                VerificationFailure.ANCHOR_SIGNATURE_INVALID, what + " signer at anchoring time");
        byte[] signature = Trees.base64(Trees.text(anchor, "signature", what), what + ".signature");
        signers.requireSignature(signer, TransactionCheck.canonical(statement, what + ".statement"), signature, true,
                VerificationFailure.ANCHOR_SIGNATURE_INVALID, what + "'s provider signature");
        if (!signers.suite().name().equals(statement.path("hashSuite").asText())) {
            throw mismatch(what + " anchors a batch of suite '" + statement.path("hashSuite").asText() + "'");
        }
        if (statement.has("retiring") && !statement.path("retiring").equals(BooleanNode.TRUE)) {
            throw mismatch(what + "'s statement says retiring " + statement.path("retiring") + ": true or absent");
        }
        long count = statement.path("recordCount").asLong(0);
        if (!Trees.HEX_256.matches(statement.path("merkleRoot").asText()) || count < 1) {
            throw mismatch(what + " has no usable merkleRoot and recordCount");
        }
        return new BatchRoot(signers.suite(), statement.path("merkleRoot").asText(), count);
    }

    private static VerificationException mismatch(String detail) {
        return new VerificationException(VerificationFailure.ANCHOR_MISMATCH, detail);
    }
}
