package org.qcchain.chaincode.access;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hyperledger.fabric.contract.Context;
import org.qcchain.chaincode.model.Organisation;
import org.qcchain.chaincode.model.Role;
import org.qcchain.chaincode.store.OrganisationStore;
import org.qcchain.chaincode.support.ContractErrors;
import org.qcchain.common.error.ErrorCode;

/**
 * The organisation behind a transaction, taken from the transaction's client identity (its MSP
 * id, vouched for by Fabric's MSP), never from an argument. Every transaction starts here.
 */
public final class Caller {
    private final String mspId;
    private final Optional<Organisation> organisation;

    private Caller(String mspId, Optional<Organisation> organisation) {
        this.mspId = mspId;
        this.organisation = organisation;
    }

    public static Caller of(Context ctx, OrganisationStore organisations) {
        String mspId = ctx.getClientIdentity().getMSPID();
        return new Caller(mspId, organisations.find(mspId));
    }

    public String mspId() {
        return mspId;
    }

    public boolean hasRole(Role role) {
        return organisation.map(o -> o.hasRole(role)).orElse(false);
    }

    public boolean is(String otherMspId) {
        return mspId.equals(otherMspId);
    }

    public Organisation requireRegistered() {
        return organisation.orElseThrow(() -> ContractErrors.error(ErrorCode.ORGANISATION_NOT_REGISTERED,
                "organisation '" + mspId + "' is not registered on the platform"));
    }

    /** The caller's organisation, which must hold at least one of the roles. */
    public Organisation requireAnyRole(Role... roles) {
        Organisation org = requireRegistered();
        for (Role role : roles) {
            if (org.hasRole(role)) {
                return org;
            }
        }
        throw ContractErrors.notAuthorized("organisation '" + mspId + "' needs the role "
                + Arrays.stream(roles).map(Role::name).collect(Collectors.joining(" or ")));
    }
}
