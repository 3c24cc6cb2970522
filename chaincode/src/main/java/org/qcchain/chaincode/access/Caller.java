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
 * The organisation that acts in a transaction, never taken from a plain argument: either the
 * transaction's client identity (its MSP id, vouched for by Fabric's MSP), or, in a function's
 * relayed form, the organisation whose signed command an operator's node carried and {@link
 * RelayedCommands} verified. Every transaction starts here, and the role and party checks that
 * follow apply to this organisation, not to a relaying node.
 */
public final class Caller {
    private final String mspId;
    private final Optional<Organisation> organisation;
    private final Optional<String> relayedBy;

    private Caller(String mspId, Optional<Organisation> organisation, Optional<String> relayedBy) {
        this.mspId = mspId;
        this.organisation = organisation;
        this.relayedBy = relayedBy;
    }

    /** The transaction's client identity. */
    public static Caller of(Context ctx, OrganisationStore organisations) {
        String mspId = ctx.getClientIdentity().getMSPID();
        return new Caller(mspId, organisations.find(mspId), Optional.empty());
    }

    /** A registered organisation whose verified command the operator {@code relayer} carried. */
    static Caller relayed(Organisation organisation, String relayer) {
        return new Caller(organisation.mspId(), Optional.of(organisation), Optional.of(relayer));
    }

    public String mspId() {
        return mspId;
    }

    /** The operator whose node carried this organisation's command, if the write was relayed. */
    public Optional<String> relayedBy() {
        return relayedBy;
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
