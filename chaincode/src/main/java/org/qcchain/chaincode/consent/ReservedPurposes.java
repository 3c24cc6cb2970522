package org.qcchain.chaincode.consent;

import java.util.List;
import org.qcchain.chaincode.support.ContractErrors;

/**
 * Purposes no consent and no agreement may name. {@code SUBJECT_ACCESS} is a subject's access to
 * their own records through their identity provider, decided without consent or agreement; a
 * consent or agreement naming it would let a consumer's request pass as, or be confused with, the
 * subject's own in the trail. Refused with {@code INVALID_ARGUMENT}, before anything is written.
 */
public final class ReservedPurposes {

    /** The purpose of a subject's self-access. */
    public static final String SUBJECT_ACCESS = "SUBJECT_ACCESS";

    private ReservedPurposes() {}

    /**
     * @param field the argument's name, for the message
     * @param purpose a purpose a consent or agreement names
     * @throws org.hyperledger.fabric.shim.ChaincodeException {@code INVALID_ARGUMENT} if it is reserved
     */
    public static void requireGrantable(String field, String purpose) {
        if (SUBJECT_ACCESS.equals(purpose)) {
            throw ContractErrors.invalid(field + " may not be " + SUBJECT_ACCESS + ": it is reserved for a subject's"
                    + " access to their own records, which needs no consent or agreement");
        }
    }

    /**
     * @param field the argument's name, for the message
     * @param purposes the purposes an agreement names
     * @throws org.hyperledger.fabric.shim.ChaincodeException {@code INVALID_ARGUMENT} if one is reserved
     */
    public static void requireGrantable(String field, List<String> purposes) {
        for (String purpose : purposes) {
            requireGrantable(field, purpose);
        }
    }
}
