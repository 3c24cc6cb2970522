package org.qcchain.node.answer;

/**
 * A data request names a dataset whose batches are anchored on the ledger while its provider has
 * no store on this node: an answer from here would leave every record of it out. Refused before
 * the request is submitted, so nothing is decided or written and no use of a consent is spent.
 */
public final class RecordsNotHeld extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param datasetId the dataset
     * @param providerMspId its provider, whose records this node does not hold
     */
    public RecordsNotHeld(String datasetId, String providerMspId) {
        super("this node holds no records of " + providerMspId + ", the source of dataset '" + datasetId
                + "', whose batches are anchored on the ledger; send the request to a node that holds "
                + providerMspId + "'s records");
    }
}
