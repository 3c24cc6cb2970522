package org.qcchain.node.http;

import org.qcchain.chaincode.model.AccessScope;
import org.qcchain.chaincode.model.Role;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.node.ApiException;
import org.qcchain.node.auth.Caller;

/**
 * Who may list which access trail: the chaincode's own rule ({@code AccessPolicy.requireCanList}),
 * applied by the node because the node queries the ledger with its own identity, which may read
 * every trail (the chaincode grants the OPERATOR that right for relaying, docs/chaincode.md).
 * AUDITOR: any scope; CONSUMER and PROVIDER: their own trail; IDENTITY_PROVIDER: a subject's trail.
 */
final class AccessTrailPolicy {

    private AccessTrailPolicy() {}

    /** The scope a caller lists when it names none: its own trail, or everything for an auditor. */
    static AccessScope defaultScope(Caller caller) {
        if (caller.roles().contains(Role.AUDITOR)) {
            return AccessScope.ALL;
        }
        if (caller.roles().contains(Role.CONSUMER)) {
            return AccessScope.CONSUMER;
        }
        if (caller.roles().contains(Role.PROVIDER)) {
            return AccessScope.PROVIDER;
        }
        return AccessScope.SUBJECT;
    }

    static void requireCanList(Caller caller, AccessScope scope, String party) {
        if (caller.roles().contains(Role.AUDITOR)) {
            return;
        }
        boolean allowed = switch (scope) {
            case ALL -> false;
            case CONSUMER -> caller.mspId().equals(party) && caller.roles().contains(Role.CONSUMER);
            case PROVIDER -> caller.mspId().equals(party) && caller.roles().contains(Role.PROVIDER);
            case SUBJECT -> caller.roles().contains(Role.IDENTITY_PROVIDER);
        };
        if (!allowed) {
            throw new ApiException(ErrorCode.NOT_AUTHORIZED, caller.mspId() + " may not list the "
                    + scope.name().toLowerCase(java.util.Locale.ROOT) + " access trail"
                    + (scope == AccessScope.ALL ? "; only auditors may" : " of '" + party + "'"));
        }
    }
}
