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
        super("record " + recordId + " of " + datasetId + " in the database of " + providerMspId + " " + what
                + " since it was anchored; " + providerMspId + " has to import " + datasetId + " again");
        this.providerMspId = providerMspId;
        this.datasetId = datasetId;
        this.recordId = recordId;
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
