package org.qcchain.node.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.qcchain.common.answer.AnswerItem;
import org.qcchain.common.answer.AnswerSignatures;
import org.qcchain.common.answer.DataAnswer;
import org.qcchain.common.answer.RecordEvidence;
import org.qcchain.common.answer.EmbeddedEvidence;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.InvalidSignatureException;
import org.qcchain.common.crypto.Pem;
import org.qcchain.common.json.CanonicalJson;
import org.qcchain.common.proof.BatchRoot;
import org.qcchain.common.proof.ProofException;
import org.qcchain.common.proof.ProofVerifier;

/**
 * Checks an answer the way a consumer would, for the demo's {@link TryRequest} and the tests:
 * node signature, request hash, every disclosure and inclusion proof against its anchor (of a
 * batch of records, not one that retires records), every anchor's provider signature, and every
 * transaction's evidence (hash, inclusion under the block's
 * transactions root, VALID code, block signature). It trusts the certificates inside the answer;
 * checking them against the platform's CAs, and the rest of section 11, is the client SDK's job.
 */
public final class AnswerCheck {

    private final CryptoSuite suite;
    private final ProofVerifier proofs;

    private AnswerCheck(CryptoSuite suite) {
        this.suite = suite;
        this.proofs = ProofVerifier.forSuite(suite);
    }

    /**
     * Checks an answer.
     *
     * @param answer the answer
     * @throws ProofException naming the first proof check that failed
     * @throws InvalidSignatureException if a node, provider or block signature fails
     */
    public static void verify(DataAnswer answer) throws ProofException, InvalidSignatureException {
        new AnswerCheck(CryptoSuite.fromName(answer.suite())).check(answer);
    }

    private void check(DataAnswer answer) throws ProofException, InvalidSignatureException {
        X509Certificate node = certificate(answer.nodeCertificate());
        suite.verify(node.getPublicKey(), AnswerSignatures.signedBytes(answer, suite),
                Base64.getDecoder().decode(answer.signature()));
        String requestHash = suite.hashHex(CanonicalJson.serializeUtf8(answer.request()));
        if (!requestHash.equals(answer.requestHash())
                || !requestHash.equals(answer.access().record().path("requestHash").asText())) {
            throw new IllegalStateException("ANSWER_FOR_ANOTHER_REQUEST: request hashes differ");
        }
        evidence(answer.access().evidence(), node);
        for (AnswerItem item : answer.items()) {
            for (RecordEvidence record : item.records()) {
                JsonNode statement = record.anchor().path("statement");
                if (statement.has("retiring")) {
                    throw new IllegalStateException("ANCHOR_MISMATCH: a record proved against a batch that retires"
                            + " records");
                }
                X509Certificate provider = certificate(record.anchor().path("signerCertificate").asText());
                suite.verify(provider.getPublicKey(), CanonicalJson.serializeUtf8(statement),
                        Base64.getDecoder().decode(record.anchor().path("signature").asText()));
                proofs.verify(record.disclosure(), record.inclusionProof(), new BatchRoot(suite,
                        statement.path("merkleRoot").asText(), statement.path("recordCount").asLong()));
                evidence(record.anchorEvidence(), node);
            }
        }
    }

    private void evidence(TransactionEvidence any, X509Certificate node)
            throws ProofException, InvalidSignatureException {
        if (!(any instanceof EmbeddedEvidence evidence)) {
            throw new IllegalStateException("the demo check reads embedded-ledger evidence, not " + any.ledger());
        }
        byte[] txHash = suite.hash(CanonicalJson.serializeUtf8(evidence.transaction()));
        JsonNode header = evidence.blockHeader();
        JsonNode codes = header.path("validationCodes");
        proofs.verifyInclusion(txHash, evidence.transactionsProof(), new BatchRoot(suite,
                header.path("transactionsRoot").asText(), codes.size()));
        if (!"VALID".equals(codes.path(evidence.index()).asText())) {
            throw new IllegalStateException("TRANSACTION_INVALID: " + evidence.transaction().path("txId"));
        }
        suite.verify(node.getPublicKey(), CanonicalJson.serializeUtf8(header),
                Base64.getDecoder().decode(evidence.blockSignature()));
    }

    private static X509Certificate certificate(String pem) {
        try {
            return Pem.parseCertificate(pem);
        } catch (CertificateException e) {
            throw new IllegalStateException("unreadable certificate in the answer", e);
        }
    }
}
