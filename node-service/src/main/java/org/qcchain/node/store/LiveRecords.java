package org.qcchain.node.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.qcchain.common.proof.DataRecord;

/**
 * The live datasets of one provider store: where each keeps its values ({@code live_sources}) and
 * the reading of a record's row again from the provider's own database when it is answered. A row
 * read again must still name the same record of the same subject (pseudonym and record id
 * recomputed from it); whether its values are still the anchored ones is the caller's root check.
 */
final class LiveRecords implements AutoCloseable {

    private final String mspId;
    private final StoreDatabase database;
    private final byte[] saltKey;
    /** Logins, pseudonymizer and suite; null on a node that does not read providers' databases. */
    private final LiveAccess access;
    private final Map<String, Live> sources = new ConcurrentHashMap<>();

    /** A live dataset's source and the maker that turns its rows into records, made once per dataset. */
    private record Live(LiveSource source, RecordMaker maker) {}

    LiveRecords(String mspId, StoreDatabase database, byte[] saltKey, LiveAccess access) {
        this.mspId = mspId;
        this.database = database;
        this.saltKey = saltKey;
        this.access = access;
    }

    /**
     * A live record's values, read from its row in the provider's database.
     *
     * @throws SourceRecordChanged if the row is gone, no longer reads as a record, or names another
     *     subject or record
     * @throws StoreException if the database cannot be read, or the node has no access to it
     */
    DataRecord read(String datasetId, String subject, String recordId, long version, String sourceRow) {
        Live live = live(datasetId);
        SourceRow row;
        try {
            row = live.source().read(sourceRow).orElseThrow(() ->
                    SourceRecordChanged.rowGone(mspId, datasetId, recordId));
        } catch (IllegalArgumentException e) {
            throw new SourceRecordChanged(mspId, datasetId, recordId, "no longer reads as a record");
        }
        RecordMaker maker = live.maker();
        try {
            RecordMaker.Identity identity = maker.identify(row);
            if (!identity.subject().equals(subject) || !identity.recordId().equals(recordId)) {
                throw new SourceRecordChanged(mspId, datasetId, recordId, "belongs to another subject or record");
            }
            return maker.record(row, identity, version);
        } catch (IllegalArgumentException e) {
            throw new SourceRecordChanged(mspId, datasetId, recordId, "no longer reads as a record");
        }
    }

    /** @return where a dataset keeps its values; empty for a dataset whose values the store holds */
    Optional<LiveSourceDefinition> definition(String datasetId) {
        return database.run("read the live source of " + datasetId,
                connection -> LiveSourceRows.find(connection, datasetId));
    }

    /** Makes a dataset live, or moves its source; the next read connects to the new one. */
    void define(String datasetId, LiveSourceDefinition definition) {
        database.run("note the live source of " + datasetId, connection -> {
            LiveSourceRows.put(connection, datasetId, definition);
            return null;
        });
        forget(datasetId);
    }

    /** Drops what is kept of a dataset's source after its definition was written: the next read connects anew. */
    void forget(String datasetId) {
        Live replaced = sources.remove(datasetId);
        if (replaced != null) {
            replaced.source().close();
        }
    }

    private Live live(String datasetId) {
        Live known = sources.get(datasetId);
        if (known != null) {
            return known;
        }
        if (access == null) {
            throw new StoreException("record store of " + mspId + ": " + datasetId + " is live, and this node has no"
                    + " access to the provider's own database");
        }
        LiveSourceDefinition definition = definition(datasetId).orElseThrow(() -> new StoreException(
                "record store of " + mspId + ": " + datasetId + " has records without values and no live source"));
        return sources.computeIfAbsent(datasetId, id -> new Live(
                new LiveSource(mspId, id, definition, access.credentials().of(mspId), access.dataDir()),
                new RecordMaker(access.pseudonyms(), access.suite(), id, definition.fields(), saltKey)));
    }

    @Override
    public void close() {
        sources.values().forEach(live -> live.source().close());
        sources.clear();
    }
}
