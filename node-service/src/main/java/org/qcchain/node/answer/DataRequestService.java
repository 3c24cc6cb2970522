package org.qcchain.node.answer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.qcchain.chaincode.model.AccessRecord;
import org.qcchain.chaincode.model.AccessRequest;
import org.qcchain.chaincode.model.Decision;
import org.qcchain.chaincode.model.SignedAccessRequest;
import org.qcchain.common.answer.AccessEvidence;
import org.qcchain.common.answer.DataAnswer;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.CanonicalFragment;
import org.qcchain.common.json.Json;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.ledger.Committed;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.node.metrics.DataRequestPhases;
import org.qcchain.node.metrics.DataRequestPhases.Phase;
import org.qcchain.node.store.ProviderStores;
import org.qcchain.node.store.SourceRecordChanged;
import org.qcchain.node.store.StoreException;

/**
 * Mediates a data request: the node submits the consumer's signed request as itself (the
 * operator's node; the chaincode accepts an OPERATOR carrying a consumer-signed request and
 * records the node as submitter), the chaincode decides and writes the access record, and on a
 * grant the node answers with the {@code qcchain-answer/2} envelope, signed together with the
 * answers issued within a few milliseconds of it ({@link AnswerBatchSigner}), whose delivery
 * receipt is kept before the answer is handed out and recorded on the ledger afterwards ({@link
 * DeliveryRecorder}).
 *
 * <pre>{@code
 * service.request(signedRequest, workers)       // AccessDenied, RecordIncomplete, ChaincodeFailure
 *     .thenAccept(granted -> send(granted.json()));
 * }</pre>
 *
 * <p>No thread waits for a block: the request is submitted and the answer built on {@code work},
 * and the future completes when the answer is ready and its receipt kept.
 */
public final class DataRequestService implements AutoCloseable {

    private final LedgerBackend ledger;
    private final LedgerIdentity node;
    private final CryptoSuite suite;
    private final AnswerItems items;
    private final DatasetCoverage coverage;
    private final DeliveryRecorder deliveries;
    private final AnswerBatchSigner signer;
    private final DataRequestPhases phases = new DataRequestPhases();
    private final String nodeCertificatePem;

    /**
     * Creates the service.
     *
     * @param ledger the ledger
     * @param node the node's identity: submits requests, signs answers
     * @param stores the provider stores this node hosts
     * @param coverage which datasets the stores can answer for; requests naming others are refused
     *     before they are submitted
     * @param deliveries keeps and records the delivery receipts of the answers
     */
    public DataRequestService(LedgerBackend ledger, LedgerIdentity node, ProviderStores stores,
            DatasetCoverage coverage, DeliveryRecorder deliveries) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.node = Objects.requireNonNull(node, "node");
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.coverage = Objects.requireNonNull(coverage, "coverage");
        this.suite = ledger.suite();
        this.items = new AnswerItems(stores, new BatchEvidenceCache(ledger, node), suite);
        this.nodeCertificatePem = node.identity().certificatePem();
        this.signer = new AnswerBatchSigner(node.identity());
    }

    /**
     * Submits the request and, if granted, builds and signs the answer and keeps its receipt.
     *
     * @param signed the consumer's signed request
     * @param work where the submit is prepared and the answer built (CPU and store reads; never
     *     an event loop)
     * @return completes with the answer, ready to send; exceptionally with {@link AccessDenied}
     *     (the chaincode denied the request and recorded the denial), {@link ChaincodeFailure} (the
     *     chaincode refused the request as malformed, or the ledger failed) or {@link
     *     RecordIncomplete} (granted, but a provider's record lacks a requested field, so no
     *     verifiable answer exists; nothing is sent and no delivery recorded) or {@link
     *     StoreUnavailable} (granted, but a provider's store cannot be read; likewise) or {@link
     *     RecordChangedAtSource} (granted, but a live record changed in the provider's database;
     *     likewise), or, before
     *     anything is submitted, {@link StoreException} (a requested dataset's store failed its check
     *     against the ledger) or {@link RecordsNotHeld} (a requested dataset is anchored but not held
     *     here; {@link DatasetCoverage}), each possibly wrapped in a {@link CompletionException}
     */
    public CompletableFuture<GrantedAnswer> request(SignedAccessRequest signed, Executor work) {
        Objects.requireNonNull(signed, "signed");
        DataRequestPhases.Clock clock = phases.start();
        return CompletableFuture.supplyAsync(() -> {
            try {
                coverage.requireAnswerable(signed.request());
            } catch (RecordsNotHeld e) {
                throw new CompletionException(e);
            }
            clock.end(Phase.ADMISSION);
            return ledger.submitAsyncForEvidence(node, "Access:requestAccess", Json.write(signed));
        }, work)
                .thenCompose(submitted -> submitted)
                .thenApply(committed -> {
                    clock.end(Phase.LEDGER);
                    return committed;
                })
                .thenApplyAsync(committed -> {
                    try {
                        Prepared prepared = answer(signed, committed);
                        clock.end(Phase.ANSWER);
                        return prepared;
                    } catch (AccessDenied | ChaincodeFailure | RecordIncomplete | StoreUnavailable
                            | RecordChangedAtSource e) {
                        throw new CompletionException(e);
                    }
                }, work)
                .thenCompose(prepared -> signer.sign(prepared.unsigned().digest())
                        .thenApplyAsync(share -> {
                            GrantedAnswer granted = granted(prepared, share);
                            clock.end(Phase.SIGNATURE);
                            return granted;
                        }, work))
                .thenCompose(granted -> deliveries.keep(granted.accessId(), granted.answerHash())
                        .thenApply(kept -> {
                            clock.end(Phase.RECEIPT);
                            return granted;
                        }));
    }

    /** @return where this service's data requests spend their time, phase by phase */
    public DataRequestPhases phases() {
        return phases;
    }

    /** @return which datasets this service answers for */
    public DatasetCoverage coverage() {
        return coverage;
    }

    /** Signs the answers still waiting for their batch, then refuses new ones; close it before the recorder. */
    @Override
    public void close() {
        signer.close();
    }

    private GrantedAnswer granted(Prepared prepared, AnswerBatchSigner.Signed share) {
        SignedAnswers.Signed answer = SignedAnswers.assemble(prepared.unsigned(), share, suite);
        return new GrantedAnswer(prepared.accessId(), answer.answer(), answer.json(), answer.hash());
    }

    /** A granted request's answer, built and waiting for its batch signature. */
    private record Prepared(String accessId, SignedAnswers.Unsigned unsigned) {}

    private Prepared answer(SignedAccessRequest signed, Committed committed)
            throws AccessDenied, ChaincodeFailure, RecordIncomplete, StoreUnavailable, RecordChangedAtSource {
        JsonNode recordNode = Json.tree(committed.payload());
        AccessRecord record = accessRecord(recordNode);
        if (record.decision() != Decision.GRANTED) {
            throw new AccessDenied(record);
        }
        AccessRequest request = signed.request();
        // the request's canonical bytes, hashed and placed in the answer as they are
        byte[] requestBytes = Json.canonicalBytes(request);
        String requestHash = suite.hashHex(requestBytes);
        JsonNode requestNode = CanonicalFragment.ofCanonicalUtf8(requestBytes);
        if (!requestHash.equals(record.requestHash())) {
            throw new IllegalStateException("the ledger recorded request hash " + record.requestHash()
                    + " but the request hashes to " + requestHash);
        }
        TransactionEvidence accessEvidence = ledger.evidence(committed.txId()).orElseThrow(() ->
                new ChaincodeFailure(ErrorCode.LEDGER_UNAVAILABLE, "Access:requestAccess",
                        "transaction " + committed.txId() + " is not in a block"));
        AnswerItems.Items answerItems;
        try {
            answerItems = items.build(request, record);
        } catch (StoreException e) {
            throw new StoreUnavailable(record.accessId(), e);
        } catch (SourceRecordChanged e) {
            throw new RecordChangedAtSource(record.accessId(), e);
        }
        DataAnswer unsigned = new DataAnswer(DataAnswer.FORMAT, suite.name(), requestNode, requestHash,
                new AccessEvidence(recordNode, accessEvidence), answerItems.items(), Instant.now().toString(),
                nodeCertificatePem, null, null);
        return new Prepared(record.accessId(),
                SignedAnswers.prepare(unsigned, AnswerTrees.answer(unsigned, answerItems.json()), suite));
    }

    /**
     * The chaincode's access record, read from its tree directly (converting would write the tree
     * out and read it back).
     */
    private static AccessRecord accessRecord(JsonNode recordNode) {
        try {
            return Json.mapper().treeToValue(recordNode, AccessRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the chaincode answered an unreadable access record: "
                    + e.getOriginalMessage(), e);
        }
    }
}
