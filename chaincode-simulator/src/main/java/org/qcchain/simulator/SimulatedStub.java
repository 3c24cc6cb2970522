package org.qcchain.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.protobuf.ByteString;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.Chaincode.Response;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * A {@link ChaincodeStub} that simulates one transaction as a Fabric 2.5 peer with LevelDB would,
 * recording what it reads and writes in a {@link ReadWriteSet}. Usually created by {@link
 * ChaincodeRunner}; use it directly to drive chaincode code that takes a stub.
 *
 * <p>Semantics, each as the Java shim 2.5 and the peer behave:
 *
 * <ul>
 *   <li>Reads see <em>committed</em> state only; a transaction does not read its own writes. Each
 *       read records the version seen ({@code null} for an absent key).
 *   <li>{@link #getState} of an absent key returns an <em>empty array</em>, not {@code null}: the
 *       peer answers with an empty payload and the shim returns its bytes.
 *   <li>Writing an empty value deletes the key. Keys must not be {@code null}; {@link #putState}
 *       also rejects an empty key, {@link #delState} does not (neither does the shim).
 *   <li>Range queries read in batches of {@value #QUERY_BATCH_SIZE} and record only the keys read
 *       (see {@link RangeRead}); at most {@value #TOTAL_QUERY_LIMIT} results, Fabric's default
 *       {@code totalQueryLimit}.
 *   <li>Paginated queries are allowed only in read-only transactions: one after a write, or a
 *       write after one, throws a {@link org.hyperledger.fabric.contract.ContractRuntimeException}
 *       (the shim's type for a peer error) carrying the peer's reason, where the real shim says
 *       only {@code "[txid]Unsuccessful response received."}. The bookmark replaces the start
 *       key unchecked, as on the peer. The read/write set reports {@link
 *       ReadWriteSet#hasPaginatedQuery()} and holds no range read for them.
 *   <li>One event per transaction; the last {@link #setEvent} wins.
 *   <li>Rich queries, private data, key-level endorsement and chaincode-to-chaincode calls are not
 *       simulated and throw {@link UnsupportedOperationException} (rich queries fail on a LevelDB
 *       peer too).
 * </ul>
 *
 * <p>Keys that are not well-formed UTF-16 (an unpaired surrogate) are rejected with {@link
 * IllegalArgumentException}; the shim would silently send them to the peer as {@code '?'}.
 *
 * <p>Not thread-safe: one transaction, one thread, as in the shim. Once the transaction has
 * completed, the stub refuses further use.
 */
// Long because ChaincodeStub has some fifty methods; the query machinery is in RangeScan,
// ScanResults and RwSetRecorder.
public final class SimulatedStub implements ChaincodeStub {

    /** Results per batch between peer and shim (the peer's {@code maxResultLimit}). */
    public static final int QUERY_BATCH_SIZE = 100;

    /** The most results one query returns (the peer's default {@code totalQueryLimit}). */
    public static final int TOTAL_QUERY_LIMIT = 100_000;

    /** What the shim puts for an empty start key: sorts after every composite key. */
    static final String UNSPECIFIED_START_KEY = "\u0001";

    /** {@code U+10FFFF}, the shim's end of a partial composite key range. */
    static final String MAX_UNICODE_RUNE = "\udbff\udfff";

    private final Proposal proposal;
    private final StateStore state;
    private final String peerMspId;
    private final RwSetRecorder recorder;
    private ChaincodeEvent event;
    private boolean completed;

    /**
     * A stub for one proposal.
     *
     * @param proposal the transaction proposal
     * @param state the committed state to read
     * @param peerMspId the endorsing peer's MSP id for {@link #getMspId()}; {@code null} makes it
     *     throw, as the shim does without {@code CORE_PEER_LOCALMSPID}
     */
    public SimulatedStub(Proposal proposal, StateStore state, String peerMspId) {
        this.proposal = Objects.requireNonNull(proposal, "proposal");
        this.state = Objects.requireNonNull(state, "state");
        this.peerMspId = peerMspId;
        this.recorder = new RwSetRecorder(proposal.txId());
    }

    /** What the transaction has read and written so far. */
    public ReadWriteSet readWriteSet() {
        return recorder.toReadWriteSet();
    }

    /** Ends the transaction: from now on the stub refuses to read or write. */
    void complete() {
        completed = true;
    }

    // ---- proposal

    /** The arguments, function name first; fresh copies. */
    @Override
    public List<byte[]> getArgs() {
        return proposal.args();
    }

    /** The arguments read as UTF-8. */
    @Override
    public List<String> getStringArgs() {
        return proposal.args().stream().map(arg -> new String(arg, UTF_8)).toList();
    }

    /** The first argument, the function name. */
    @Override
    public String getFunction() {
        return proposal.function();
    }

    /** The arguments after the function name. */
    @Override
    public List<String> getParameters() {
        return getStringArgs().subList(1, proposal.args().size());
    }

    @Override
    public String getTxId() {
        return proposal.txId();
    }

    @Override
    public String getChannelId() {
        return proposal.channelId();
    }

    /** The proposal's timestamp, the client's time from the channel header. */
    @Override
    public Instant getTxTimestamp() {
        return proposal.timestamp();
    }

    /** The submitter's serialized identity; a copy. */
    @Override
    public byte[] getCreator() {
        return proposal.creator();
    }

    /** The transient data; a mutable copy, as the shim returns. */
    @Override
    public Map<String, byte[]> getTransient() {
        return proposal.transientData();
    }

    /** Always {@code null}: the binding needs the proposal's nonce and epoch, not simulated. */
    @Override
    public byte[] getBinding() {
        return null;
    }

    /** The endorsing peer's MSP id. */
    @Override
    public String getMspId() {
        if (peerMspId == null) {
            throw new IllegalStateException("no peer MSP id given to the simulator (the shim fails the "
                    + "same way when CORE_PEER_LOCALMSPID is unset)");
        }
        return peerMspId;
    }

    @Override
    public SignedProposal getSignedProposal() {
        throw notSimulated("getSignedProposal", "the simulator receives the proposal's parts only");
    }

    // ---- world state

    /**
     * The committed value of a key, recording the version read.
     *
     * @return the value, or an empty array if the key is absent (never {@code null}, as the shim)
     */
    @Override
    public byte[] getState(String key) {
        requireKey(key);
        Optional<VersionedValue> found = state.get(key);
        recorder.read(key, found.map(VersionedValue::version).orElse(null));
        return found.map(VersionedValue::value).orElseGet(() -> new byte[0]);
    }

    /**
     * Records a write. An empty value records a deletion.
     *
     * @throws NullPointerException if key or value is {@code null}
     * @throws IllegalArgumentException if the key is empty
     */
    @Override
    public void putState(String key, byte[] value) {
        Objects.requireNonNull(key, "key cannot be null");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("key cannot be an empty string");
        }
        Objects.requireNonNull(value, "value cannot be null");
        requireKey(key);
        recorder.write(key, Write.of(value));
    }

    /** Records a deletion. */
    @Override
    public void delState(String key) {
        requireKey(key);
        recorder.write(key, Write.deletion());
    }

    /**
     * Keys in {@code [startKey, endKey)}; an empty or {@code null} start means the first simple key
     * ({@code U+0001}, after all composite keys), an empty or {@code null} end means no end. Neither
     * may be a composite key. Records a {@link RangeRead}.
     */
    @Override
    public QueryResultsIterator<KeyValue> getStateByRange(String startKey, String endKey) {
        String start = startOrUnspecified(startKey);
        String end = endKey == null ? "" : endKey;
        CompositeKey.validateSimpleKeys(start, end);
        return scan(start, end);
    }

    /**
     * One page of keys in {@code [startKey, endKey)}, from the bookmark if it is not empty. The
     * metadata gives the page's size and the bookmark of the next page, {@code ""} after the last.
     * Only for read-only transactions.
     */
    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(
            String startKey, String endKey, int pageSize, String bookmark) {
        String start = startOrUnspecified(startKey);
        String end = endKey == null ? "" : endKey;
        CompositeKey.validateSimpleKeys(start, end);
        return page(start, end, pageSize, bookmark);
    }

    /**
     * Keys under a partial composite key; a string not starting with {@code U+0000} is taken as an
     * object type alone. Records a {@link RangeRead}.
     */
    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String compositeKey) {
        CompositeKey key = compositeKey.startsWith(CompositeKey.NAMESPACE)
                ? CompositeKey.parseCompositeKey(compositeKey)
                : new CompositeKey(compositeKey);
        return getStateByPartialCompositeKey(key);
    }

    /** Keys under the composite key of an object type and leading attributes. */
    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(
            String objectType, String... attributes) {
        return getStateByPartialCompositeKey(new CompositeKey(objectType, attributes));
    }

    /**
     * Keys in {@code [key, key + U+10FFFF)}; {@code null} means every composite key. Records a
     * {@link RangeRead}.
     */
    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(CompositeKey compositeKey) {
        String prefix = prefixOf(compositeKey);
        return scan(prefix, prefix + MAX_UNICODE_RUNE);
    }

    /** One page of keys under a partial composite key. Only for read-only transactions. */
    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(
            CompositeKey compositeKey, int pageSize, String bookmark) {
        String prefix = prefixOf(compositeKey);
        return page(prefix, prefix + MAX_UNICODE_RUNE, pageSize, bookmark);
    }

    @Override
    public CompositeKey createCompositeKey(String objectType, String... attributes) {
        return new CompositeKey(objectType, attributes);
    }

    @Override
    public CompositeKey splitCompositeKey(String compositeKey) {
        return CompositeKey.parseCompositeKey(compositeKey);
    }

    /**
     * Committed modifications of a key, newest first, deletions with an empty value. Not recorded
     * in the read/write set (Fabric does not validate history reads).
     */
    @Override
    public QueryResultsIterator<KeyModification> getHistoryForKey(String key) {
        requireKey(key);
        List<KeyModification> history = state.history(key).stream()
                .limit(TOTAL_QUERY_LIMIT)
                .<KeyModification>map(LedgerKeyModification::new)
                .toList();
        return new ListResults<>(history);
    }

    // ---- events

    /**
     * Sets the transaction's event, replacing an earlier one.
     *
     * @throws IllegalArgumentException if the name is {@code null}, empty or blank
     */
    @Override
    public void setEvent(String name, byte[] payload) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("event name can not be nil string");
        }
        ChaincodeEvent.Builder builder = ChaincodeEvent.newBuilder().setEventName(name);
        if (payload != null) {
            builder.setPayload(ByteString.copyFrom(payload));
        }
        event = builder.build();
    }

    /** The event set, or {@code null}; name and payload only, as the shim returns it. */
    @Override
    public ChaincodeEvent getEvent() {
        return event;
    }

    // ---- not simulated

    @Override
    public Response invokeChaincode(String chaincodeName, List<byte[]> args, String channel) {
        throw notSimulated("invokeChaincode", "chaincode-to-chaincode calls");
    }

    @Override
    public QueryResultsIterator<KeyValue> getQueryResult(String query) {
        throw notSimulated("getQueryResult", "rich queries need CouchDB; this peer is LevelDB");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getQueryResultWithPagination(
            String query, int pageSize, String bookmark) {
        throw notSimulated("getQueryResultWithPagination",
                "rich queries need CouchDB; this peer is LevelDB");
    }

    @Override
    public byte[] getStateValidationParameter(String key) {
        throw notSimulated("getStateValidationParameter", "key-level endorsement policies");
    }

    @Override
    public void setStateValidationParameter(String key, byte[] value) {
        throw notSimulated("setStateValidationParameter", "key-level endorsement policies");
    }

    @Override
    public byte[] getPrivateData(String collection, String key) {
        throw privateData("getPrivateData");
    }

    @Override
    public byte[] getPrivateDataHash(String collection, String key) {
        throw privateData("getPrivateDataHash");
    }

    @Override
    public byte[] getPrivateDataValidationParameter(String collection, String key) {
        throw privateData("getPrivateDataValidationParameter");
    }

    @Override
    public void putPrivateData(String collection, String key, byte[] value) {
        throw privateData("putPrivateData");
    }

    @Override
    public void setPrivateDataValidationParameter(String collection, String key, byte[] value) {
        throw privateData("setPrivateDataValidationParameter");
    }

    @Override
    public void delPrivateData(String collection, String key) {
        throw privateData("delPrivateData");
    }

    @Override
    public void purgePrivateData(String collection, String key) {
        throw privateData("purgePrivateData");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByRange(
            String collection, String startKey, String endKey) {
        throw privateData("getPrivateDataByRange");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
            String collection, String compositeKey) {
        throw privateData("getPrivateDataByPartialCompositeKey");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
            String collection, CompositeKey compositeKey) {
        throw privateData("getPrivateDataByPartialCompositeKey");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
            String collection, String objectType, String... attributes) {
        throw privateData("getPrivateDataByPartialCompositeKey");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataQueryResult(
            String collection, String query) {
        throw privateData("getPrivateDataQueryResult");
    }

    // ---- internals

    private QueryResultsIterator<KeyValue> scan(String startKey, String endKey) {
        requireOpen();
        Keys.requireWellFormed(startKey, "start key");
        Keys.requireWellFormed(endKey, "end key");
        return new ScanResults(recorder.scan(state, startKey, endKey), this::requireOpen);
    }

    private QueryResultsIteratorWithMetadata<KeyValue> page(
            String startKey, String endKey, int pageSize, String bookmark) {
        requireOpen();
        Objects.requireNonNull(bookmark, "bookmark");
        if (pageSize <= 0) {
            throw new IllegalArgumentException("pageSize must be positive, was " + pageSize);
        }
        Keys.requireWellFormed(startKey, "start key");
        Keys.requireWellFormed(endKey, "end key");
        Keys.requireWellFormed(bookmark, "bookmark");
        recorder.paginatedQuery();
        // as the peer: the bookmark replaces the start, unchecked against the range
        String from = bookmark.isEmpty() ? startKey : bookmark;
        int limit = Math.min(pageSize, TOTAL_QUERY_LIMIT);
        List<VersionedKeyValue> found = state.range(from, endKey, limit + 1);
        String next = found.size() > limit ? found.get(limit).key() : "";
        List<KeyValue> page = found.stream().limit(limit).<KeyValue>map(LedgerKeyValue::new).toList();
        return new PageResults(page, next);
    }

    private void requireKey(String key) {
        requireOpen();
        Objects.requireNonNull(key, "key cannot be null");
        Keys.requireWellFormed(key, "key");
    }

    private void requireOpen() {
        if (completed) {
            throw new IllegalStateException(
                    "transaction " + proposal.txId() + " has completed; its stub can no longer be used");
        }
    }

    private static String startOrUnspecified(String startKey) {
        return startKey == null || startKey.isEmpty() ? UNSPECIFIED_START_KEY : startKey;
    }

    private static String prefixOf(CompositeKey compositeKey) {
        return compositeKey == null
                ? new CompositeKey(UNSPECIFIED_START_KEY).toString()
                : compositeKey.toString();
    }

    private static UnsupportedOperationException notSimulated(String method, String what) {
        return new UnsupportedOperationException(
                method + " is not simulated (" + what + ")");
    }

    private static UnsupportedOperationException privateData(String method) {
        return notSimulated(method, "private data collections");
    }
}
