package org.qcchain.sdk.verify;

import com.fasterxml.jackson.databind.JsonNode;
import org.qcchain.common.answer.EmbeddedEvidence;
import org.qcchain.common.answer.FabricEvidence;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.json.CanonicalJson;

/**
 * Checks that a transaction is valid where its evidence says it is (docs/proof-format.md section
 * 11): on the embedded ledger ({@link EmbeddedCheck}) or on a Fabric channel ({@link FabricCheck}),
 * by the kind of evidence. Either way the caller gets the same {@link Checked}: where the
 * transaction is, what the chaincode returned and which event it set; what the transaction wrote
 * is the caller's to compare.
 */
final class TransactionCheck {

    /**
     * What a checked transaction says.
     *
     * @param position where it is on the ledger
     * @param payload the chaincode's response payload
     * @param eventName the name of the event it set, or {@code null}
     */
    record Checked(LedgerPosition position, byte[] payload, String eventName) {}

    private final Signers signers;
    private final EmbeddedCheck embedded;
    private final FabricCheck fabric;

    TransactionCheck(Signers signers, TrustAnchors anchors) {
        this.signers = signers;
        this.embedded = new EmbeddedCheck(signers);
        this.fabric = anchors.fabric().map(channel -> new FabricCheck(signers, anchors, channel)).orElse(null);
    }

    Checked check(TransactionEvidence any, ParsedCertificate node, String what) throws VerificationException {
        if (any == null) {
            throw Trees.malformed(what + " is missing");
        }
        if (any instanceof EmbeddedEvidence evidence && TransactionEvidence.EMBEDDED.equals(any.ledger())) {
            return embedded.check(evidence, node, what);
        }
        if (any instanceof FabricEvidence evidence && TransactionEvidence.FABRIC.equals(any.ledger())) {
            if (fabric == null) {
                throw new VerificationException(VerificationFailure.FORMAT_UNSUPPORTED, what
                        + " is Fabric evidence, and this verifier's trust anchors name no Fabric channel");
            }
            return fabric.check(evidence, what);
        }
        throw new VerificationException(VerificationFailure.FORMAT_UNSUPPORTED, what + " is of ledger '"
                + any.ledger() + "'; this verifier checks '" + TransactionEvidence.EMBEDDED + "' and '"
                + TransactionEvidence.FABRIC + "' evidence");
    }

    String suiteName() {
        return signers.suite().name();
    }

    static byte[] canonical(JsonNode node, String what) throws VerificationException {
        try {
            return CanonicalJson.serializeUtf8(node);
        } catch (IllegalArgumentException e) {
            throw Trees.malformed(what + " has no canonical JSON: " + e.getMessage());
        }
    }
}
