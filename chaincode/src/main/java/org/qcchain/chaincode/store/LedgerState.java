package org.qcchain.chaincode.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;
import org.qcchain.chaincode.model.Page;
import org.qcchain.chaincode.model.PageQuery;
import org.qcchain.chaincode.support.ContractErrors;
import org.qcchain.common.json.Json;

/**
 * Reads and writes ledger values as canonical JSON and pages through key ranges. The repositories
 * of this package are built on it; contracts never touch the stub's state directly.
 */
public final class LedgerState {
    private final ChaincodeStub stub;

    public LedgerState(ChaincodeStub stub) {
        this.stub = stub;
    }

    public ChaincodeStub stub() {
        return stub;
    }

    public <T> Optional<T> read(String key, Class<T> type) {
        byte[] bytes = stub.getState(key);
        if (bytes == null || bytes.length == 0) {
            return Optional.empty();
        }
        return Optional.of(ParsedValues.parse(bytes, type));
    }

    public boolean exists(String key) {
        byte[] bytes = stub.getState(key);
        return bytes != null && bytes.length > 0;
    }

    /** Writes the canonical JSON of the value: the same bytes on every peer. */
    public void write(String key, Object value) {
        stub.putState(key, Json.canonicalBytes(value));
    }

    public void writeIndex(String key) {
        stub.putState(key, Keys.INDEX_VALUE);
    }

    public void delete(String key) {
        stub.delState(key);
    }

    /** A page of the records under a partial composite key, each loaded through {@code loader}. */
    public <T> Page<T> pageByPartialKey(String type, List<String> attributes, PageQuery query,
            Function<KeyValue, Optional<T>> loader) {
        int size = pageSize(query);
        CompositeKey partial = stub.createCompositeKey(type, attributes.toArray(String[]::new));
        String prefix = partial.toString();
        String bookmark = bookmark(query, prefix, prefix + Character.toString(Character.MAX_CODE_POINT));
        try (QueryResultsIteratorWithMetadata<KeyValue> results =
                stub.getStateByPartialCompositeKeyWithPagination(partial, size, bookmark)) {
            return collect(results, loader);
        } catch (Exception e) {
            throw asChaincodeException(e);
        }
    }

    /** A page of the records in a simple-key range {@code [start, end)}. */
    public <T> Page<T> pageByRange(String start, String end, PageQuery query, Function<KeyValue, Optional<T>> loader) {
        int size = pageSize(query);
        String bookmark = bookmark(query, start, end);
        try (QueryResultsIteratorWithMetadata<KeyValue> results =
                stub.getStateByRangeWithPagination(start, end, size, bookmark)) {
            return collect(results, loader);
        } catch (Exception e) {
            throw asChaincodeException(e);
        }
    }

    private static <T> Page<T> collect(QueryResultsIteratorWithMetadata<KeyValue> results,
            Function<KeyValue, Optional<T>> loader) {
        List<T> records = new ArrayList<>();
        int fetched = 0;
        for (KeyValue kv : results) {
            fetched++;
            loader.apply(kv).ifPresent(records::add);
        }
        String next = results.getMetadata() == null ? "" : results.getMetadata().getBookmark();
        return new Page<>(records, next == null ? "" : next, fetched);
    }

    static int pageSize(PageQuery query) {
        if (query == null || query.pageSize() == null) {
            return PageQuery.DEFAULT_PAGE_SIZE;
        }
        int size = query.pageSize();
        if (size < 1 || size > PageQuery.MAX_PAGE_SIZE) {
            throw ContractErrors.invalid("pageSize must be between 1 and " + PageQuery.MAX_PAGE_SIZE);
        }
        return size;
    }

    /**
     * The caller's bookmark, which must lie inside the range being listed: the peer starts the
     * page at the bookmark, so a forged one could otherwise reach into another party's keys.
     */
    private static String bookmark(PageQuery query, String start, String end) {
        if (query == null || query.bookmark() == null || query.bookmark().isEmpty()) {
            return "";
        }
        String bookmark = query.bookmark();
        if (bookmark.length() > 1024) {
            throw ContractErrors.invalid("bookmark is longer than 1024 characters");
        }
        if (KEY_ORDER.compare(bookmark, start) < 0 || KEY_ORDER.compare(bookmark, end) >= 0) {
            throw ContractErrors.invalid("bookmark does not belong to this list; pass back the bookmark of its last page");
        }
        return bookmark;
    }

    /** Ledger key order: by code point, which is UTF-8 byte order as the peer's state database uses. */
    private static final Comparator<String> KEY_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private static RuntimeException asChaincodeException(Exception e) {
        if (e instanceof RuntimeException runtime) {
            return runtime;
        }
        return new IllegalStateException("closing a ledger query failed", e);
    }
}
