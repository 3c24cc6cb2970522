package org.qcchain.chaincode.store;

import java.time.Instant;
import java.util.Optional;
import java.util.TreeSet;
import org.qcchain.chaincode.model.AccessItem;
import org.qcchain.chaincode.model.AccessRecord;
import org.qcchain.chaincode.model.AccessScope;
import org.qcchain.chaincode.model.Page;
import org.qcchain.chaincode.model.PageQuery;
import org.qcchain.chaincode.support.ContractErrors;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.time.IsoInstant;

/**
 * The access trail. Each record is stored once by id and indexed by decision time four ways: all
 * records, per consumer, per provider of a requested dataset, and per subject pseudonym.
 */
public final class AccessRecordStore {
    private static final String ALL = "all";
    private static final String CONSUMER = "c";
    private static final String PROVIDER = "p";
    private static final String SUBJECT = "s";

    private final LedgerState state;

    public AccessRecordStore(LedgerState state) {
        this.state = state;
    }

    public Optional<AccessRecord> find(String accessId) {
        return state.read(key(accessId), AccessRecord.class);
    }

    public AccessRecord require(String accessId) {
        return find(accessId).orElseThrow(() -> ContractErrors.error(ErrorCode.ACCESS_RECORD_NOT_FOUND,
                "access record '" + accessId + "' does not exist"));
    }

    /** Stores a new record with its index entries. */
    public void create(AccessRecord record) {
        save(record);
        Instant at = IsoInstant.parse(record.decidedAt());
        index(Keys.accessPrefix(ALL, null), at, record.accessId());
        index(Keys.accessPrefix(CONSUMER, record.consumerMspId()), at, record.accessId());
        index(Keys.accessPrefix(SUBJECT, record.subject()), at, record.accessId());
        TreeSet<String> providers = new TreeSet<>();
        for (AccessItem item : record.items()) {
            if (item.providerMspId() != null) {
                providers.add(item.providerMspId());
            }
        }
        for (String provider : providers) {
            index(Keys.accessPrefix(PROVIDER, provider), at, record.accessId());
        }
    }

    public void save(AccessRecord record) {
        state.write(key(record.accessId()), record);
    }

    /** A page of the records of one scope whose decision time lies in {@code [from, to)}. */
    public Page<AccessRecord> page(AccessScope scope, String party, Instant from, Instant to, PageQuery query) {
        String prefix = Keys.accessPrefix(scopeCode(scope), scope == AccessScope.ALL ? null : party);
        String start = from == null ? prefix : Keys.accessBound(prefix, from);
        String end = to == null ? Keys.accessEnd(prefix) : Keys.accessBound(prefix, to);
        return state.pageByRange(start, end, query, kv -> find(Keys.accessIdOf(kv.getKey())));
    }

    private void index(String prefix, Instant at, String accessId) {
        state.writeIndex(Keys.accessIndexKey(prefix, at, accessId));
    }

    private static String scopeCode(AccessScope scope) {
        return switch (scope) {
            case ALL -> ALL;
            case CONSUMER -> CONSUMER;
            case PROVIDER -> PROVIDER;
            case SUBJECT -> SUBJECT;
        };
    }

    private String key(String accessId) {
        return Keys.of(state.stub(), Keys.ACCESS, accessId);
    }
}
