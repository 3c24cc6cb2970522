package org.qcchain.chaincode.access;

import org.qcchain.chaincode.model.AccessRecord;
import org.qcchain.chaincode.model.AccessScope;
import org.qcchain.chaincode.model.Agreement;
import org.qcchain.chaincode.model.Consent;
import org.qcchain.chaincode.model.Role;
import org.qcchain.chaincode.support.ContractErrors;

/**
 * Who may read what, in one place. Organisations, datasets and anchors are readable by every
 * registered organisation; agreements, consents and the access trail only by the parties to them
 * and by auditors.
 *
 * <p>The operator reads access records and subjects' consents too, <em>for relaying</em>: its node
 * queries the ledger with its own identity on behalf of the caller it authenticated, and applies
 * this class's per-caller rule itself (the node's {@code AccessTrailPolicy}). The right is stated
 * here rather than borrowed from the AUDITOR role, which would also make the operator an auditor
 * of itself; and it hides nothing the operator could not otherwise see, since the operator's peer
 * endorses and holds every transaction (docs/chaincode.md, "Roles").
 */
public final class AccessPolicy {
    private AccessPolicy() {}

    /** Parties to the agreement, the operator and auditors. */
    public static void requireCanRead(Caller caller, Agreement agreement) {
        caller.requireRegistered();
        if (agreement.involves(caller.mspId()) || caller.hasRole(Role.AUDITOR) || caller.hasRole(Role.OPERATOR)) {
            return;
        }
        throw ContractErrors.notAuthorized("only the parties to agreement '" + agreement.agreementId()
                + "', the operator and auditors may read it");
    }

    /** The identity provider that recorded it, the consumer it names, and auditors. */
    public static void requireCanRead(Caller caller, Consent consent) {
        caller.requireRegistered();
        if (caller.is(consent.identityProviderMspId()) || caller.is(consent.terms().consumerMspId())
                || caller.hasRole(Role.AUDITOR)) {
            return;
        }
        throw ContractErrors.notAuthorized("only the identity provider, the consumer and auditors may read consent '"
                + consent.consentId() + "'");
    }

    /**
     * Auditors and the operator (relaying); the consumer and the submitting organisation; providers
     * of a requested dataset; identity providers, which show subjects who used their data.
     */
    public static void requireCanRead(Caller caller, AccessRecord record) {
        caller.requireRegistered();
        if (readsEveryTrail(caller) || caller.is(record.consumerMspId()) || caller.is(record.submitterMspId())
                || record.concernsProvider(caller.mspId()) || caller.hasRole(Role.IDENTITY_PROVIDER)) {
            return;
        }
        throw ContractErrors.notAuthorized("organisation '" + caller.mspId() + "' may not read access record '"
                + record.accessId() + "'");
    }

    /**
     * Auditors read every trail, and so does the operator, whose node relays callers' queries;
     * consumers and providers their own; identity providers subjects' trails.
     */
    public static void requireCanList(Caller caller, AccessScope scope, String party) {
        caller.requireRegistered();
        if (readsEveryTrail(caller)) {
            return;
        }
        boolean allowed = switch (scope) {
            case ALL -> false;
            case CONSUMER -> caller.is(party) && caller.hasRole(Role.CONSUMER);
            case PROVIDER -> caller.is(party) && caller.hasRole(Role.PROVIDER);
            case SUBJECT -> caller.hasRole(Role.IDENTITY_PROVIDER);
        };
        if (!allowed) {
            throw ContractErrors.notAuthorized("organisation '" + caller.mspId() + "' may not list the "
                    + scope.name().toLowerCase(java.util.Locale.ROOT) + " access trail"
                    + (scope == AccessScope.ALL ? "; only auditors and the operator's node may"
                            : " of '" + party + "'"));
        }
    }

    /** An organisation lists its own agreements; the operator and auditors list anyone's. */
    public static void requireCanListAgreementsOf(Caller caller, String mspId) {
        caller.requireRegistered();
        if (caller.is(mspId) || caller.hasRole(Role.AUDITOR) || caller.hasRole(Role.OPERATOR)) {
            return;
        }
        throw ContractErrors.notAuthorized("organisation '" + caller.mspId() + "' may not list the agreements of '"
                + mspId + "'");
    }

    /**
     * Identity providers (for the subject), auditors, and the operator (its node relays identity
     * providers' and auditors' queries) list a subject's consents.
     */
    public static void requireCanListConsentsOfSubjects(Caller caller) {
        caller.requireAnyRole(Role.IDENTITY_PROVIDER, Role.AUDITOR, Role.OPERATOR);
    }

    /** Auditors, and the operator relaying for the callers its node authenticated. */
    private static boolean readsEveryTrail(Caller caller) {
        return caller.hasRole(Role.AUDITOR) || caller.hasRole(Role.OPERATOR);
    }
}
