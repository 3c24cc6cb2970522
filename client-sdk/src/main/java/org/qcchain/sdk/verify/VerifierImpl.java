package org.qcchain.sdk.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.qcchain.common.answer.AnswerItem;
import org.qcchain.common.answer.AnswerSignatures;
import org.qcchain.common.answer.DataAnswer;
import org.qcchain.common.answer.EmbeddedEvidence;
import org.qcchain.common.answer.RecordEvidence;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.proof.BatchRoot;
import org.qcchain.common.proof.Disclosure;
import org.qcchain.common.proof.ProofException;
import org.qcchain.common.proof.ProofFailure;
import org.qcchain.common.crypto.CryptoSuite;

/** The checks of docs/proof-format.md section 11, in its order. */
final class VerifierImpl implements Verifier {

    private static final HexFormat HEX = HexFormat.of();

    private final TrustAnchors anchors;
    private final CryptoSuite suite;
    private final Signers signers;
    private final TransactionCheck transactions;
    private final AccessCheck access;
    private final RecordCheck records;

    VerifierImpl(TrustAnchors anchors, CryptoSuite suite, int cacheSize) {
        this.anchors = anchors;
        this.suite = suite;
        this.signers = new Signers(suite, cacheSize,
                Math.min(cacheSize, VerifierBuilder.MAX_CERTIFICATE_CACHE));
        this.transactions = new TransactionCheck(signers, anchors);
        this.access = new AccessCheck(transactions);
        this.records = new RecordCheck(signers, anchors, transactions);
    }

    @Override
    public VerifiedAnswer verify(DataAnswer answer, JsonNode sentRequest) throws VerificationException {
        Objects.requireNonNull(sentRequest, "sentRequest");
        return verify(answer, suite.hash(TransactionCheck.canonical(sentRequest, "the sent request")));
    }

    @Override
    public VerifiedAnswer verify(DataAnswer answer, byte[] expectedRequestHash) throws VerificationException {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(expectedRequestHash, "expectedRequestHash");
        // 1: format and suite
        if (answer.format() == null || answer.suite() == null) {
            throw Trees.malformed("the answer has no format or suite");
        }
        if (!DataAnswer.FORMAT.equals(answer.format()) && !DataAnswer.FORMAT_SINGLY_SIGNED.equals(answer.format())) {
            throw new VerificationException(VerificationFailure.FORMAT_UNSUPPORTED, "answer format '"
                    + answer.format() + "'; this verifier knows " + DataAnswer.FORMAT + " and "
                    + DataAnswer.FORMAT_SINGLY_SIGNED);
        }
        if (!suite.name().equals(answer.suite())) {
            throw new VerificationException(VerificationFailure.SUITE_MISMATCH, "the answer is of suite '"
                    + answer.suite() + "', the network's is " + suite);
        }
        JsonNode request = Trees.object(answer.request(), "request");
        if (answer.items() == null || answer.requestHash() == null) {
            throw Trees.malformed("the answer has no items or requestHash");
        }
        // 2: the node signed it, with a certificate of a trusted CA valid at issuedAt
        ParsedCertificate node = nodeSignature(answer);
        // 3: it answers the request the caller sent
        byte[] requestHash = suite.hash(TransactionCheck.canonical(request, "request"));
        if (!HEX.formatHex(requestHash).equals(answer.requestHash())
                || !MessageDigest.isEqual(requestHash, expectedRequestHash)) {
            throw new VerificationException(VerificationFailure.ANSWER_FOR_ANOTHER_REQUEST,
                    "the answer is for request " + answer.requestHash() + ", not for the one sent");
        }
        // 4, 5: the ledger granted exactly this request
        AccessCheck.Checked granted = access.check(answer.access(), request, answer.requestHash(), node);
        // 6 to 10: per record
        Map<String, List<VerifiedRecord>> verified = items(answer, request, granted, node);
        Instant retain = granted.retainUntil() == null ? null
                : Trees.instant(granted.retainUntil(), "access.record.retainUntil");
        return new VerifiedAnswer(granted.accessId(), answer.requestHash(), Trees.text(request, "consumerMspId", "request"),
                Trees.text(request, "subject", "request"), Trees.text(request, "purpose", "request"), retain,
                Trees.instant(answer.issuedAt(), "issuedAt"), HEX.formatHex(node.fingerprint()), granted.position(),
                verified);
    }

    @Override
    public VerifiedRecord verifyRecord(RecordEvidence record, String providerMspId, String nodeCertificatePem)
            throws VerificationException {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(providerMspId, "providerMspId");
        Objects.requireNonNull(nodeCertificatePem, "nodeCertificatePem");
        ParsedCertificate node = trustedNode(nodeCertificatePem);
        Disclosure disclosure = record.disclosure();
        if (disclosure == null || disclosure.datasetId() == null || disclosure.subject() == null) {
            throw Trees.malformed("record: the disclosure, its datasetId or its subject is missing");
        }
        // no request to compare with: the disclosure states what it is, the checks prove it
        RecordCheck.Expected expected = new RecordCheck.Expected(disclosure.datasetId(), disclosure.subject(),
                disclosure.openings().keySet(), providerMspId);
        return records.check(record, expected, node, "record");
    }

    @Override
    public VerifiedAnchor verifyAnchor(JsonNode anchor, TransactionEvidence evidence, String nodeCertificatePem)
            throws VerificationException {
        JsonNode object = Trees.object(anchor, "anchor");
        BatchRoot batch = AnchorCheck.signed(signers, anchors, object, "anchor");
        if (evidence == null) {
            throw Trees.malformed("anchor: the evidence is missing");
        }
        ParsedCertificate node = evidence instanceof EmbeddedEvidence ? trustedNode(nodeCertificatePem) : null;
        TransactionCheck.Checked tx = transactions.check(evidence, node, "anchorEvidence");
        return RecordCheck.onLedger(object, batch, tx, "anchor");
    }

    @Override
    public VerifiedTransaction verifyTransaction(TransactionEvidence evidence, String nodeCertificatePem)
            throws VerificationException {
        if (evidence == null) {
            throw Trees.malformed("evidence is missing");
        }
        // only the embedded ledger's blocks are signed by the node
        ParsedCertificate node = evidence instanceof EmbeddedEvidence ? trustedNode(nodeCertificatePem) : null;
        TransactionCheck.Checked checked = transactions.check(evidence, node, "evidence");
        return new VerifiedTransaction(checked.position(), checked.payload(), checked.eventName());
    }

    private ParsedCertificate trustedNode(String nodeCertificatePem) throws VerificationException {
        if (nodeCertificatePem == null || nodeCertificatePem.isBlank()) {
            throw new VerificationException(VerificationFailure.UNTRUSTED_SIGNER,
                    "no node certificate to check the block signature with");
        }
        ParsedCertificate node = signers.certificate(nodeCertificatePem, VerificationFailure.UNTRUSTED_SIGNER,
                "the node certificate");
        signers.requireIssuedBy(node, anchors.nodeCas(), VerificationFailure.UNTRUSTED_SIGNER, "the node certificate");
        return node;
    }

    private ParsedCertificate nodeSignature(DataAnswer answer) throws VerificationException {
        if (answer.nodeCertificate() == null || answer.signature() == null || answer.issuedAt() == null) {
            throw Trees.malformed("the answer has no nodeCertificate, issuedAt or signature");
        }
        ParsedCertificate node = signers.certificate(answer.nodeCertificate(), VerificationFailure.UNTRUSTED_SIGNER,
                "the node certificate");
        signers.requireIssuedBy(node, anchors.nodeCas(), VerificationFailure.UNTRUSTED_SIGNER, "the node certificate");
        Signers.requireValidAt(node, Trees.instant(answer.issuedAt(), "issuedAt"),
                VerificationFailure.CERTIFICATE_EXPIRED, "the node certificate at issuedAt");
        byte[] signed;
        try {
            signed = AnswerSignatures.signedBytes(answer, suite);
        } catch (IllegalArgumentException e) {
            throw Trees.malformed("the answer has no canonical JSON: " + e.getMessage());
        } catch (ProofException e) {
            if (e.reason() == ProofFailure.MERKLE_PATH_INVALID || e.reason() == ProofFailure.MERKLE_ROOT_MISMATCH
                    || e.reason() == ProofFailure.MERKLE_TREE_SIZE_MISMATCH) {
                throw new VerificationException(VerificationFailure.ANSWER_SIGNATURE_INVALID,
                        "the answer is not in the batch the node signed: " + e.getMessage(), e);
            }
            throw VerificationException.of("signedBatch", e);
        }
        // one batch signature covers several answers: worth remembering once it verified
        boolean batch = answer.signedBatch() != null;
        signers.requireSignature(node, signed, Trees.base64(answer.signature(), "signature"), batch,
                VerificationFailure.ANSWER_SIGNATURE_INVALID, "the node's signature of the answer");
        return node;
    }

    private Map<String, List<VerifiedRecord>> items(DataAnswer answer, JsonNode request, AccessCheck.Checked granted,
            ParsedCertificate node) throws VerificationException {
        JsonNode asked = request.get("items");
        if (answer.items().size() != asked.size()) {
            throw new VerificationException(VerificationFailure.DISCLOSURE_MISMATCH, "the answer has "
                    + answer.items().size() + " items, the request " + asked.size());
        }
        String subject = Trees.text(request, "subject", "request");
        Map<String, List<VerifiedRecord>> result = new LinkedHashMap<>();
        for (int i = 0; i < asked.size(); i++) {
            AnswerItem item = answer.items().get(i);
            String dataset = Trees.text(asked.get(i), "datasetId", "request.items[" + i + "]");
            if (item == null || !dataset.equals(item.datasetId()) || item.records() == null) {
                throw new VerificationException(VerificationFailure.DISCLOSURE_MISMATCH, "item " + i
                        + " of the answer is not dataset '" + dataset + "'");
            }
            RecordCheck.Expected expected = new RecordCheck.Expected(dataset, subject,
                    AccessCheck.fields(asked.get(i)), granted.providers().get(dataset));
            List<VerifiedRecord> list = new ArrayList<>(item.records().size());
            for (int r = 0; r < item.records().size(); r++) {
                list.add(records.check(item.records().get(r), expected, node,
                        "items[" + i + "].records[" + r + "]"));
            }
            result.put(dataset, list);
        }
        return result;
    }

    @Override
    public String toString() {
        return "Verifier[" + suite + ", " + anchors + "]";
    }
}
