package org.qcchain.chaincode;

import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.qcchain.chaincode.access.Caller;
import org.qcchain.chaincode.access.CertificateTrust;
import org.qcchain.chaincode.model.Organisation;
import org.qcchain.chaincode.model.OrganisationRegistration;
import org.qcchain.chaincode.model.PlatformSettings;
import org.qcchain.chaincode.model.Role;
import org.qcchain.chaincode.store.Stores;
import org.qcchain.chaincode.support.Args;
import org.qcchain.chaincode.support.Check;
import org.qcchain.chaincode.support.ContractErrors;
import org.qcchain.chaincode.support.Events;
import org.qcchain.chaincode.support.LedgerTime;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;

/**
 * Member organisations and their roles. The first operator registers itself through {@code init};
 * from then on only operators register organisations and change their roles and CA certificates.
 */
@Contract(name = "Organisations", info = @Info(title = "Organisations", version = "0.1.0",
        description = "Member organisations, their roles and CA certificates"))
public final class OrganisationContract implements ContractInterface {
    private static final int MAX_CA_CERTIFICATES = 8;

    /**
     * Initialises the platform with its first operator. The caller must be that operator's MSP, and
     * this works once only.
     *
     * @param registrationJson {@link OrganisationRegistration} of the operator; roles may be omitted
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String init(Context ctx, String registrationJson) {
        Stores stores = Stores.of(ctx);
        if (stores.platform().find().isPresent()) {
            throw ContractErrors.error(ErrorCode.ALREADY_INITIALISED, "the platform was initialised before");
        }
        OrganisationRegistration registration = Args.parse("registration", registrationJson, OrganisationRegistration.class);
        String caller = ctx.getClientIdentity().getMSPID();
        if (!caller.equals(registration.mspId())) {
            throw ContractErrors.notAuthorized("the first operator must initialise the platform itself; caller is '"
                    + caller + "'");
        }
        List<Role> roles = registration.roles() == null || registration.roles().isEmpty()
                ? List.of(Role.OPERATOR) : registration.roles();
        if (!roles.contains(Role.OPERATOR)) {
            throw ContractErrors.invalid("the first organisation must hold the role OPERATOR");
        }
        Organisation operator = newOrganisation(ctx, registration, roles);
        stores.organisations().save(operator);
        stores.platform().save(new PlatformSettings(operator.mspId(), LedgerTime.nowText(ctx),
                PlatformSettings.DEFAULT_MAX_REQUEST_SKEW_SECONDS));
        Events.emit(ctx, "PlatformInitialised", Map.of("mspId", operator.mspId()));
        return Json.write(operator);
    }

    /** Registers an organisation (OPERATOR). */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String registerOrganisation(Context ctx, String registrationJson) {
        Stores stores = Stores.of(ctx);
        stores.platform().require();
        Caller.of(ctx, stores.organisations()).requireAnyRole(Role.OPERATOR);
        OrganisationRegistration registration = Args.parse("registration", registrationJson, OrganisationRegistration.class);
        if (stores.organisations().exists(registration.mspId())) {
            throw ContractErrors.error(ErrorCode.ORGANISATION_EXISTS, "organisation '" + registration.mspId()
                    + "' is already registered");
        }
        Organisation organisation = newOrganisation(ctx, registration, registration.roles());
        stores.organisations().save(organisation);
        Events.emit(ctx, "OrganisationRegistered", Map.of("mspId", organisation.mspId()));
        return Json.write(organisation);
    }

    /**
     * Replaces an organisation's roles (OPERATOR). An operator cannot take OPERATOR from itself, so
     * the platform always keeps one.
     *
     * @param rolesJson a JSON array of roles, e.g. {@code ["PROVIDER","CONSUMER"]}
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String updateRoles(Context ctx, String mspId, String rolesJson) {
        Stores stores = Stores.of(ctx);
        Caller caller = Caller.of(ctx, stores.organisations());
        caller.requireAnyRole(Role.OPERATOR);
        Organisation organisation = stores.organisations().require(mspId);
        List<Role> roles = validRoles(List.of(Args.parse("roles", rolesJson, Role[].class)));
        if (caller.is(mspId) && !roles.contains(Role.OPERATOR)) {
            throw ContractErrors.error(ErrorCode.INVALID_STATE_TRANSITION,
                    "an operator cannot remove its own OPERATOR role");
        }
        Organisation updated = organisation.withRoles(roles, LedgerTime.nowText(ctx));
        stores.organisations().save(updated);
        Events.emit(ctx, "OrganisationRolesChanged", Map.of("mspId", mspId));
        return Json.write(updated);
    }

    /**
     * Replaces the CA certificates that act for an organisation (OPERATOR), e.g. to roll a CA.
     *
     * @param certificatesJson a JSON array of PEM CA certificates
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String updateCertificates(Context ctx, String mspId, String certificatesJson) {
        Stores stores = Stores.of(ctx);
        Caller.of(ctx, stores.organisations()).requireAnyRole(Role.OPERATOR);
        Organisation organisation = stores.organisations().require(mspId);
        List<String> certificates = validCertificates(List.of(Args.parse("certificates", certificatesJson, String[].class)));
        Organisation updated = organisation.withCertificates(certificates, LedgerTime.nowText(ctx));
        stores.organisations().save(updated);
        Events.emit(ctx, "OrganisationCertificatesChanged", Map.of("mspId", mspId));
        return Json.write(updated);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getOrganisation(Context ctx, String mspId) {
        Stores stores = Stores.of(ctx);
        Caller.of(ctx, stores.organisations()).requireRegistered();
        return Json.write(stores.organisations().require(mspId));
    }

    /** @param queryJson {@link PageQuery}; may be empty for the first page */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String listOrganisations(Context ctx, String queryJson) {
        Stores stores = Stores.of(ctx);
        Caller.of(ctx, stores.organisations()).requireRegistered();
        return Json.write(stores.organisations().page(Args.pageQuery(queryJson)));
    }

    private static Organisation newOrganisation(Context ctx, OrganisationRegistration registration, List<Role> roles) {
        Check.matches("mspId", registration.mspId(), Check.MSP_ID);
        Check.text("name", registration.name(), 200);
        String now = LedgerTime.nowText(ctx);
        return new Organisation(registration.mspId(), registration.name(), validRoles(roles),
                validCertificates(registration.caCertificates()), now, now);
    }

    private static List<Role> validRoles(List<Role> roles) {
        return Check.nonEmpty("roles", roles, Role.values().length);
    }

    private static List<String> validCertificates(List<String> certificates) {
        List<String> checked = Check.nonEmpty("caCertificates", certificates, MAX_CA_CERTIFICATES);
        CertificateTrust.requireCaCertificates(checked);
        return checked;
    }
}
