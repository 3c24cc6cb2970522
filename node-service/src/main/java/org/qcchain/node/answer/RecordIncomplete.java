package org.qcchain.node.answer;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.qcchain.common.proof.DataRecord;

/**
 * A granted data request cannot be answered verifiably: a provider's stored record lacks a field
 * the consumer asked for (and is entitled to). A record's commitment covers only the fields it
 * has, and an answer must open exactly the requested fields (docs/proof-format.md, section 11,
 * check 6); so the node can neither open the missing field nor leave it out without the answer
 * failing verification, and it sends no answer rather than a partial or silently trimmed one.
 *
 * <p>The grant is on the ledger already ({@link #accessId()}); no delivery is recorded for it.
 * The message names the dataset, provider, record id and missing fields, never a value.
 */
public final class RecordIncomplete extends Exception {

    private static final long serialVersionUID = 1L;

    /** The access record of the grant that could not be answered. */
    private final String accessId;
    /** The requested fields the record lacks, sorted. */
    private final List<String> missing;

    /**
     * Creates the exception.
     *
     * @param accessId the access record of the grant
     * @param provider the provider whose store holds the record
     * @param record the stored record
     * @param missing the requested fields the record lacks
     */
    public RecordIncomplete(String accessId, String provider, DataRecord record, Set<String> missing) {
        super("access " + accessId + " was granted but cannot be answered: record " + record.recordId()
                + " (version " + record.version() + ") of " + record.datasetId() + " in the store of " + provider
                + " lacks the requested field(s) " + new TreeSet<>(missing) + "; its commitment covers only the"
                + " fields it has, so no verifiable answer exists. No data was sent and no delivery recorded;"
                + " the provider has to complete the record (a new version) before the request is repeated",
                null, false, false);
        this.accessId = Objects.requireNonNull(accessId, "accessId");
        this.missing = List.copyOf(new TreeSet<>(missing));
    }

    /** @return the access record of the grant, on the ledger */
    public String accessId() {
        return accessId;
    }

    /** @return the requested fields the record lacks, sorted */
    public List<String> missing() {
        return missing;
    }
}
