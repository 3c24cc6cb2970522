package org.qcchain.node.answer;

import java.util.Objects;
import org.qcchain.node.store.SourceRecordChanged;

/**
 * A granted data request cannot be answered because a record of a live dataset no longer reads,
 * in the provider's own database, as it was anchored ({@link SourceRecordChanged}). The grant is
 * on the ledger ({@link #accessId()}); no answer is sent and no delivery recorded. The message
 * names the provider, dataset and record, never a value.
 */
public final class RecordChangedAtSource extends Exception {

    private static final long serialVersionUID = 1L;

    private final String accessId;

    /**
     * Creates the exception.
     *
     * @param accessId the access record of the grant
     * @param cause what changed
     */
    public RecordChangedAtSource(String accessId, SourceRecordChanged cause) {
        super("access " + accessId + " was granted but cannot be answered: " + cause.getMessage()
                + ". No data was sent and no delivery recorded", cause);
        this.accessId = Objects.requireNonNull(accessId, "accessId");
    }

    /** @return the access record of the grant, on the ledger */
    public String accessId() {
        return accessId;
    }
}
