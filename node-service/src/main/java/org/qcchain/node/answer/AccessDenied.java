package org.qcchain.node.answer;

import java.util.Objects;
import org.qcchain.chaincode.model.AccessRecord;

/**
 * The chaincode denied a data request. The denial is on the ledger already: {@link #record()}
 * carries its access id and reason code.
 */
public final class AccessDenied extends Exception {

    private static final long serialVersionUID = 1L;

    /** The access record of the denial, as written on the ledger. */
    private final transient AccessRecord record;

    /**
     * Creates the exception.
     *
     * @param record the DENIED access record
     */
    public AccessDenied(AccessRecord record) {
        super(record.reasonCode() + ": " + record.reason(), null, false, false);
        this.record = Objects.requireNonNull(record, "record");
    }

    /** @return the access record of the denial */
    public AccessRecord record() {
        return record;
    }
}
