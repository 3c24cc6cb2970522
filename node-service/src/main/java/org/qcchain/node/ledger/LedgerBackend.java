package org.qcchain.node.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.crypto.CryptoSuite;

/**
 * The ledger as the node uses it, whatever runs it (the embedded ledger, or a Fabric network).
 *
 * <p><b>Every method blocks</b> (disk, signatures, waiting for a block) except {@link #submitAsync}:
 * call it from a worker thread ({@code vertx.executeBlocking}), never from an event loop.
 * Thread-safe. A node under load submits with {@link #submitAsync}, so that no thread of its own
 * waits for a block.
 *
 * <pre>{@code
 * Committed done = ledger.submit(node, "Access:requestAccess", signedRequestJson);
 * AccessRecord record = Json.parse(done.payload(), AccessRecord.class);
 * TransactionEvidence evidence = ledger.evidence(done.txId()).orElseThrow();
 * }</pre>
 */
public interface LedgerBackend extends AutoCloseable {

    /** @return {@code embedded} or {@code fabric}, as in the configuration and in evidence */
    String kind();

    /** @return the suite of every hash and signature on this ledger */
    CryptoSuite suite();

    /**
     * Submits a contract function and waits until its transaction is committed. A read conflict
     * (another transaction won the race for a key) is retried with a fresh proposal a few times;
     * the caller never sees one.
     *
     * @param submitter who submits; the chaincode sees this MSP id as the caller
     * @param function {@code Contract:function}, e.g. {@code Access:requestAccess}
     * @param args the function's arguments, JSON or plain strings
     * @return the committed transaction and the function's result
     * @throws ChaincodeFailure the chaincode refused (its code), or the ledger refused the
     *     transaction, or conflicts persisted ({@code LEDGER_UNAVAILABLE})
     */
    Committed submit(LedgerIdentity submitter, String function, String... args) throws ChaincodeFailure;

    /**
     * {@link #submit} without holding the calling thread while the transaction waits for its block:
     * the future completes once the transaction is committed (read conflicts retried as {@code
     * submit} does), or exceptionally with a {@link ChaincodeFailure} (possibly wrapped in a {@link
     * java.util.concurrent.CompletionException}) where {@code submit} would throw one.
     *
     * <p>The future may complete on one of the ledger's own threads: continue with the {@code
     * *Async} methods of {@link CompletableFuture} and an executor of yours, never with long work
     * in a plain {@code thenApply}. This default runs {@link #submit} on a pool of waiting threads
     * (one per submit in flight); a backend that learns of commits by itself overrides it and
     * keeps no thread waiting.
     *
     * @param submitter who submits
     * @param function {@code Contract:function}
     * @param args the function's arguments
     * @return completes with the committed transaction and the function's result
     */
    default CompletableFuture<Committed> submitAsync(LedgerIdentity submitter, String function, String... args) {
        return BlockingSubmits.submit(this, submitter, function, args);
    }

    /**
     * As {@link #submitAsync}, for a caller that asks for the transaction's {@link #evidence} as
     * soon as it commits (a data request's access record, answered with its evidence): a backend
     * may keep the transaction at hand for that one call instead of reading it back.
     */
    default CompletableFuture<Committed> submitAsyncForEvidence(LedgerIdentity submitter, String function,
            String... args) {
        return submitAsync(submitter, function, args);
    }

    /**
     * Runs a query function on the latest committed state; nothing is written.
     *
     * @param caller who asks; the chaincode applies its read rules to this MSP id
     * @param function {@code Contract:function}
     * @param args the arguments
     * @return the function's result, JSON text
     * @throws ChaincodeFailure the chaincode refused, with its code
     */
    String evaluate(LedgerIdentity caller, String function, String... args) throws ChaincodeFailure;

    /**
     * The evidence that a transaction is in a block (docs/proof-format.md, section 11).
     *
     * @param txId the transaction id
     * @return the evidence, or empty if no block holds the transaction
     */
    Optional<TransactionEvidence> evidence(String txId);

    /**
     * A block: header, hash, signature and its transactions' ids, codes and hashes.
     *
     * @param number the block number, from 0
     * @return the block as JSON, or empty past the end
     */
    Optional<JsonNode> block(long number);

    /**
     * A transaction with its block, index, validation code and evidence.
     *
     * @param txId the transaction id
     * @return the transaction as JSON, or empty if unknown
     */
    Optional<JsonNode> transaction(String txId);

    /** @return the number of committed blocks, the genesis block included */
    long height();

    /**
     * Checks the whole ledger: what each backend can check is in its documentation (the embedded
     * ledger replays everything; a Fabric node checks the hash chain it reads from its peer).
     *
     * @return {@code {intact, height, transactions, ...}}; when not intact, {@code block} and
     *     {@code problem} name the first block that fails
     */
    default JsonNode verify() {
        return verify(VerifyProgress.NONE);
    }

    /**
     * {@link #verify()} telling a listener how far it has come.
     *
     * @param progress hears blocks verified so far and the height
     * @return the report, as {@link #verify()}
     */
    JsonNode verify(VerifyProgress progress);

    /**
     * Makes an organisation a member of the channel (or replaces its CAs), so that its members'
     * proposals are accepted. The chaincode's registration says what an organisation may do; the
     * membership says whose signatures the ledger accepts at all.
     *
     * <p>A backend whose channel is governed elsewhere (Fabric: a configuration update signed by
     * the channel's admins) only confirms a membership that already exists.
     *
     * @param mspId the organisation
     * @param caCertificatesPem its CA certificates
     * @throws ChaincodeFailure if this backend cannot make the organisation a member
     */
    void admit(String mspId, List<String> caCertificatesPem) throws ChaincodeFailure;

    /**
     * Delivers the chaincode events of committed valid transactions, in block order, on one
     * thread of the ledger's; keep the listener short.
     *
     * @param listener hears every event from now on
     * @return closing it stops the delivery
     */
    AutoCloseable subscribe(Consumer<LedgerEvent> listener);

    /** Commits what is queued and releases the ledger. */
    @Override
    void close();
}
