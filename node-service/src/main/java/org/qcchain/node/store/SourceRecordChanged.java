package org.qcchain.node.store;

/**
 * A record of a live dataset no longer reads as it was anchored: its row is gone from the source
 * unit's database, or its values (or whose record it is) changed since the import. An answer
 * cannot open values that differ from the committed ones, so the provider has to import the
 * dataset again, which anchors the changed rows as new versions. Names ids only, never a value.
 */
public final class SourceRecordChanged extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String providerMspId;
    private final String datasetId;
    private final String recordId;

    /**
     * Creates the exception.
     *
     * @param providerMspId the provider
     * @param datasetId the dataset
     * @param recordId the record
     * @param what what changed, without a value
     */
    public SourceRecordChanged(String providerMspId, String datasetId, String recordId, String what) {
        this(providerMspId, datasetId, recordId, what, "");
    }

    private SourceRecordChanged(String providerMspId, String datasetId, String recordId, String what, String how) {
        super("record " + recordId + " of " + datasetId + " in the database of " + providerMspId + " " + what
                + " since it was anchored; " + providerMspId + " has to import " + datasetId + " again" + how);
        this.providerMspId = providerMspId;
        this.datasetId = datasetId;
        this.recordId = recordId;
    }

    /**
     * The record's row is not in the source: deleted there (an import that reads the whole source
     * with {@code --missing retire} retires the record), or given a new key (any import follows it).
     *
     * @param providerMspId the provider
     * @param datasetId the dataset
     * @param recordId the record
     * @return the exception
     */
    public static SourceRecordChanged rowGone(String providerMspId, String datasetId, String recordId) {
        return new SourceRecordChanged(providerMspId, datasetId, recordId, "is no longer in the source",
                " (with --missing retire if the row was deleted)");
    }

    /** @return the provider */
    public String providerMspId() {
        return providerMspId;
    }

    /** @return the dataset */
    public String datasetId() {
        return datasetId;
    }

    /** @return the record */
    public String recordId() {
        return recordId;
    }
}
