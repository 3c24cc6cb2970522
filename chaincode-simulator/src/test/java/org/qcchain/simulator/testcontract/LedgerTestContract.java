package org.qcchain.simulator.testcontract;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * A key-value contract exercising every stub feature the simulator supports; the default contract
 * of the test classpath. Results are plain strings so tests can compare them directly.
 */
@Contract(name = "LedgerTest", info = @Info(title = "Ledger test", version = "1.0"))
@Default
public final class LedgerTestContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public void put(Context ctx, String key, String value) {
        ctx.getStub().putStringState(key, value);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public void putEmpty(Context ctx, String key) {
        ctx.getStub().putState(key, new byte[0]);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public void delete(Context ctx, String key) {
        ctx.getStub().delState(key);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(Context ctx, String key) {
        return ctx.getStub().getStringState(key);
    }

    /** "null", "empty" or "value:..." for what {@code getState} returned. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String describe(Context ctx, String key) {
        byte[] value = ctx.getStub().getState(key);
        if (value == null) {
            return "null";
        }
        return value.length == 0 ? "empty" : "value:" + new String(value, UTF_8);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String putThenGet(Context ctx, String key, String value) {
        ctx.getStub().putStringState(key, value);
        return describe(ctx, key);
    }

    /** Adds one to a counter, reading it first: two concurrent increments conflict. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String increment(Context ctx, String key) {
        String current = ctx.getStub().getStringState(key);
        int next = (current.isEmpty() ? 0 : Integer.parseInt(current)) + 1;
        ctx.getStub().putStringState(key, Integer.toString(next));
        return Integer.toString(next);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String range(Context ctx, String startKey, String endKey) {
        try (QueryResultsIterator<KeyValue> results = ctx.getStub().getStateByRange(startKey, endKey)) {
            return keys(results);
        }
    }

    /** Reads only the first {@code count} results of a range, then closes it. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String rangeFirst(Context ctx, String startKey, String endKey, int count) {
        List<String> keys = new ArrayList<>();
        try (QueryResultsIterator<KeyValue> results = ctx.getStub().getStateByRange(startKey, endKey)) {
            for (KeyValue result : results) {
                if (keys.size() == count) {
                    break;
                }
                keys.add(result.getKey());
            }
        }
        return String.join(",", keys);
    }

    /** Counts the keys in a range and writes the count: a phantom invalidates it. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String countRange(Context ctx, String startKey, String endKey, String countKey) {
        String keys = range(ctx, startKey, endKey);
        String count = Integer.toString(keys.isEmpty() ? 0 : keys.split(",").length);
        ctx.getStub().putStringState(countKey, count);
        return count;
    }

    /** {@code keys|nextBookmark|fetchedRecordsCount}. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String pagedRange(Context ctx, String startKey, String endKey, int pageSize,
            String bookmark) {
        return page(ctx.getStub().getStateByRangeWithPagination(startKey, endKey, pageSize, bookmark));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public void putAfterPagedRange(Context ctx, String key, String value) {
        pagedRange(ctx, "", "", 10, "");
        ctx.getStub().putStringState(key, value);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String pagedRangeAfterPut(Context ctx, String key, String value) {
        ctx.getStub().putStringState(key, value);
        return pagedRange(ctx, "", "", 10, "");
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public void putComposite(Context ctx, String objectType, String first, String second,
            String value) {
        ChaincodeStub stub = ctx.getStub();
        stub.putStringState(stub.createCompositeKey(objectType, first, second).toString(), value);
    }

    /** The attributes of every key under {@code objectType} (and {@code first}, unless empty). */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String partial(Context ctx, String objectType, String first) {
        ChaincodeStub stub = ctx.getStub();
        CompositeKey prefix = first.isEmpty()
                ? stub.createCompositeKey(objectType)
                : stub.createCompositeKey(objectType, first);
        List<String> found = new ArrayList<>();
        try (QueryResultsIterator<KeyValue> results = stub.getStateByPartialCompositeKey(prefix)) {
            for (KeyValue result : results) {
                found.add(String.join("/", stub.splitCompositeKey(result.getKey()).getAttributes()));
            }
        }
        return String.join(",", found);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String pagedPartial(Context ctx, String objectType, int pageSize, String bookmark) {
        ChaincodeStub stub = ctx.getStub();
        return page(stub.getStateByPartialCompositeKeyWithPagination(
                stub.createCompositeKey(objectType), pageSize, bookmark));
    }

    /** {@code value:deleted:txId} per modification, newest first, joined by ";". */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String history(Context ctx, String key) {
        List<String> entries = new ArrayList<>();
        try (QueryResultsIterator<KeyModification> history = ctx.getStub().getHistoryForKey(key)) {
            for (KeyModification modification : history) {
                entries.add(modification.getStringValue() + ":" + modification.isDeleted() + ":"
                        + modification.getTxId());
            }
        }
        return String.join(";", entries);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public void emit(Context ctx, String name, String payload) {
        ctx.getStub().setEvent(name, payload.getBytes(UTF_8));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public void emitTwice(Context ctx, String first, String second) {
        ctx.getStub().setEvent(first, first.getBytes(UTF_8));
        ctx.getStub().setEvent(second, second.getBytes(UTF_8));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public void fail(Context ctx, String message, String payload) {
        throw new ChaincodeException(message, payload);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public void putEmitThenFail(Context ctx, String key, String value) {
        ctx.getStub().putStringState(key, value);
        ctx.getStub().setEvent("Written", value.getBytes(UTF_8));
        throw new ChaincodeException("refused after writing", "REFUSED");
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public void crash(Context ctx) {
        throw new IllegalStateException("an unexpected bug");
    }

    /** {@code mspId|subject} of the caller. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String whoAmI(Context ctx) {
        return ctx.getClientIdentity().getMSPID() + "|"
                + ctx.getClientIdentity().getX509Certificate().getSubjectX500Principal().getName();
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String peerMspId(Context ctx) {
        return ctx.getStub().getMspId();
    }

    /** {@code txId|channel|timestamp|function|parameters}. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String txInfo(Context ctx, String ignored) {
        ChaincodeStub stub = ctx.getStub();
        return String.join("|", stub.getTxId(), stub.getChannelId(),
                stub.getTxTimestamp().toString(), stub.getFunction(), stub.getParameters().toString());
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String transientValue(Context ctx, String key) {
        byte[] value = ctx.getStub().getTransient().get(key);
        return value == null ? "none" : new String(value, UTF_8);
    }

    private static String keys(Iterable<KeyValue> results) {
        List<String> keys = new ArrayList<>();
        results.forEach(result -> keys.add(result.getKey()));
        return String.join(",", keys);
    }

    private static String page(QueryResultsIteratorWithMetadata<KeyValue> page) {
        try (page) {
            return keys(page) + "|" + page.getMetadata().getBookmark() + "|"
                    + page.getMetadata().getFetchedRecordsCount();
        }
    }
}
