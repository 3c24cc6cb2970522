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
     * Auditors; the consumer and the submitting organisation; providers of a requested dataset;
     * identity providers, which show subjects who used their data.
     */
    public static void requireCanRead(Caller caller, AccessRecord record) {
        caller.requireRegistered();
        if (caller.hasRole(Role.AUDITOR) || caller.is(record.consumerMspId()) || caller.is(record.submitterMspId())
                || record.concernsProvider(caller.mspId()) || caller.hasRole(Role.IDENTITY_PROVIDER)) {
            return;
        }
        throw ContractErrors.notAuthorized("organisation '" + caller.mspId() + "' may not read access record '"
                + record.accessId() + "'");
    }

    /** Auditors read every trail; consumers and providers their own; identity providers subjects' trails. */
    public static void requireCanList(Caller caller, AccessScope scope, String party) {
        caller.requireRegistered();
        if (caller.hasRole(Role.AUDITOR)) {
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
                    + (scope == AccessScope.ALL ? "; only auditors may" : " of '" + party + "'"));
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

    /** Identity providers (for the subject) and auditors list a subject's consents. */
    public static void requireCanListConsentsOfSubjects(Caller caller) {
        caller.requireAnyRole(Role.IDENTITY_PROVIDER, Role.AUDITOR);
    }
}
