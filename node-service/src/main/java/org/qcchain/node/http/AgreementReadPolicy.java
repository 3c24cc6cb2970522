package org.qcchain.node.http;

import org.qcchain.chaincode.model.Agreement;
import org.qcchain.chaincode.model.Role;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.node.ApiException;
import org.qcchain.node.auth.Caller;

/**
 * The chaincode's rule for reading agreements, applied to the caller. The node evaluates the
 * agreement functions with its own identity (the operator's node may read every agreement), so it
 * must apply the rule to the caller itself, as it does for the access trail: the parties read an
 * agreement and list their own; OPERATOR and AUDITOR read and list anyone's.
 */
final class AgreementReadPolicy {

    private AgreementReadPolicy() {}

    static void requireCanRead(Caller caller, Agreement agreement) {
        if (!agreement.involves(caller.mspId()) && !overseer(caller)) {
            throw new ApiException(ErrorCode.NOT_AUTHORIZED, "only the parties to agreement '"
                    + agreement.agreementId() + "', the operator and auditors may read it");
        }
    }

    static void requireCanList(Caller caller, String mspId) {
        if (!caller.mspId().equals(mspId) && !overseer(caller)) {
            throw new ApiException(ErrorCode.NOT_AUTHORIZED, caller.mspId()
                    + " may list its own agreements, not those of " + mspId);
        }
    }

    private static boolean overseer(Caller caller) {
        return caller.roles().contains(Role.OPERATOR) || caller.roles().contains(Role.AUDITOR);
    }
}
