package org.qcchain.chaincode;

import java.time.Instant;
import java.util.Map;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.qcchain.chaincode.access.AccessPolicy;
import org.qcchain.chaincode.access.Caller;
import org.qcchain.chaincode.consent.ConsentValidation;
import org.qcchain.chaincode.model.Consent;
import org.qcchain.chaincode.model.ConsentGrant;
import org.qcchain.chaincode.model.ConsentStatus;
import org.qcchain.chaincode.model.ConsentStatusChange;
import org.qcchain.chaincode.model.ConsentTerms;
import org.qcchain.chaincode.model.ConsentView;
import org.qcchain.chaincode.model.Organisation;
import org.qcchain.chaincode.model.Page;
import org.qcchain.chaincode.model.Role;
import org.qcchain.chaincode.store.Stores;
import org.qcchain.chaincode.support.Args;
import org.qcchain.chaincode.support.Check;
import org.qcchain.chaincode.support.ContractErrors;
import org.qcchain.chaincode.support.Events;
import org.qcchain.chaincode.support.LedgerTime;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.common.time.IsoInstant;

/**
 * Consents (授权): an identity provider records what a subject allows one consumer to do with
 * which data, and relays the subject's pauses, resumptions and revocation. A revocation takes
 * effect from the next transaction: a request in the same block as the revocation conflicts on
 * the consent key and is invalidated.
 *
 * <p>Each write has a relayed form ({@code …Relayed}) that takes the identity provider's signed
 * command as a last argument, so that an operator's node can carry the write without holding the
 * identity provider's key (docs/chaincode.md, "Relayed commands").
 */
@Contract(name = "Consents", info = @Info(title = "Consents", version = "0.1.0",
        description = "Data subjects' consents, recorded by identity providers"))
public final class ConsentContract implements ContractInterface {
    private static final StatusChange PAUSE = new StatusChange(ConsentStatus.ACTIVE, ConsentStatus.PAUSED,
            "ConsentPaused");
    private static final StatusChange RESUME = new StatusChange(ConsentStatus.PAUSED, ConsentStatus.ACTIVE,
            "ConsentResumed");
    private static final StatusChange REVOKE = new StatusChange(null, ConsentStatus.REVOKED, "ConsentRevoked");

    /** Records a consent (IDENTITY_PROVIDER); a subject signature, if present, is verified. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String grantConsent(Context ctx, String grantJson) {
        return Acting.plain(ctx).write((stores, caller) -> grant(ctx, stores, caller, grantJson));
    }

    /** {@link #grantConsent} signed by the identity provider and relayed by an operator's node. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String grantConsentRelayed(Context ctx, String grantJson, String commandJson) {
        return Acting.relayed(ctx, "Consents:grantConsent", commandJson, grantJson)
                .write((stores, caller) -> grant(ctx, stores, caller, grantJson));
    }

    /** Suspends an active consent (the identity provider that recorded it). */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String pauseConsent(Context ctx, String changeJson) {
        return Acting.plain(ctx).write((stores, caller) -> changeStatus(ctx, stores, caller, changeJson, PAUSE));
    }

    /** {@link #pauseConsent}, relayed. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String pauseConsentRelayed(Context ctx, String changeJson, String commandJson) {
        return Acting.relayed(ctx, "Consents:pauseConsent", commandJson, changeJson)
                .write((stores, caller) -> changeStatus(ctx, stores, caller, changeJson, PAUSE));
    }

    /** Resumes a paused consent (the identity provider that recorded it). */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String resumeConsent(Context ctx, String changeJson) {
        return Acting.plain(ctx).write((stores, caller) -> changeStatus(ctx, stores, caller, changeJson, RESUME));
    }

    /** {@link #resumeConsent}, relayed. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String resumeConsentRelayed(Context ctx, String changeJson, String commandJson) {
        return Acting.relayed(ctx, "Consents:resumeConsent", commandJson, changeJson)
                .write((stores, caller) -> changeStatus(ctx, stores, caller, changeJson, RESUME));
    }

    /** Revokes an active or paused consent for good (the identity provider that recorded it). */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String revokeConsent(Context ctx, String changeJson) {
        return Acting.plain(ctx).write((stores, caller) -> changeStatus(ctx, stores, caller, changeJson, REVOKE));
    }

    /** {@link #revokeConsent}, relayed. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String revokeConsentRelayed(Context ctx, String changeJson, String commandJson) {
        return Acting.relayed(ctx, "Consents:revokeConsent", commandJson, changeJson)
                .write((stores, caller) -> changeStatus(ctx, stores, caller, changeJson, REVOKE));
    }

    /** A consent with its usage and whether it is in force now. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getConsent(Context ctx, String consentId) {
        Stores stores = Stores.of(ctx);
        Consent consent = stores.consents().require(consentId);
        AccessPolicy.requireCanRead(Caller.of(ctx, stores.organisations()), consent);
        return Json.write(view(stores, consent, LedgerTime.now(ctx)));
    }

    /** A subject's consents, for the subject's identity provider and auditors. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String listConsentsBySubject(Context ctx, String subject, String queryJson) {
        Stores stores = Stores.of(ctx);
        AccessPolicy.requireCanListConsentsOfSubjects(Caller.of(ctx, stores.organisations()));
        Check.matches("subject", subject, Check.PSEUDONYM);
        Instant now = LedgerTime.now(ctx);
        Page<Consent> page = stores.consents().pageBySubject(subject, Args.pageQuery(queryJson));
        return Json.write(new Page<>(page.records().stream().map(c -> view(stores, c, now)).toList(),
                page.bookmark(), page.fetched()));
    }

    private static String grant(Context ctx, Stores stores, Caller caller, String grantJson) {
        Organisation identityProvider = caller.requireAnyRole(Role.IDENTITY_PROVIDER);
        ConsentGrant grant = Args.parse("grant", grantJson, ConsentGrant.class);
        ConsentTerms terms = Check.present("terms", grant.terms());
        Instant now = LedgerTime.now(ctx);
        new ConsentValidation(stores, now).validate(terms);
        if (stores.consents().exists(terms.consentId())) {
            throw ContractErrors.error(ErrorCode.CONSENT_EXISTS, "consent '" + terms.consentId() + "' already exists");
        }
        if (grant.subjectSignature() != null) {
            ConsentValidation.verifySubjectSignature(identityProvider, terms, grant.subjectSignature(), now);
        }
        Consent consent = new Consent(terms, caller.mspId(), grant.subjectSignature(), ConsentStatus.ACTIVE,
                IsoInstant.format(now), IsoInstant.format(now), null);
        stores.consents().create(consent);
        emit(ctx, "ConsentGranted", consent);
        return Json.write(consent);
    }

    private static String changeStatus(Context ctx, Stores stores, Caller caller, String changeJson,
            StatusChange transition) {
        caller.requireAnyRole(Role.IDENTITY_PROVIDER);
        ConsentStatusChange change = Args.parse("change", changeJson, ConsentStatusChange.class);
        Consent consent = stores.consents().require(Check.matches("consentId", change.consentId(), Check.RECORD_ID));
        if (!caller.is(consent.identityProviderMspId())) {
            throw ContractErrors.notAuthorized("only '" + consent.identityProviderMspId()
                    + "', which recorded consent '" + consent.consentId() + "', may change it");
        }
        ConsentStatus from = transition.from();
        ConsentStatus to = transition.to();
        boolean allowed = from == null ? consent.status() != ConsentStatus.REVOKED : consent.status() == from;
        if (!allowed) {
            throw ContractErrors.error(ErrorCode.INVALID_STATE_TRANSITION, "consent '" + consent.consentId()
                    + "' is " + consent.status() + " and cannot become " + to);
        }
        Consent changed = consent.withStatus(to, LedgerTime.nowText(ctx), Check.optionalText("reason", change.reason(), 500));
        stores.consents().save(changed);
        emit(ctx, transition.event(), changed);
        return Json.write(changed);
    }

    private static ConsentView view(Stores stores, Consent consent, Instant now) {
        ConsentTerms terms = consent.terms();
        boolean inForce = consent.status() == ConsentStatus.ACTIVE
                && !now.isBefore(IsoInstant.parse(terms.validFrom())) && now.isBefore(IsoInstant.parse(terms.validUntil()));
        return new ConsentView(consent, stores.consents().usage(consent.consentId()), inForce);
    }

    private static void emit(Context ctx, String event, Consent consent) {
        Events.emit(ctx, event, Map.of("consentId", consent.consentId(),
                "consumerMspId", consent.terms().consumerMspId(), "status", consent.status().name()));
    }

    /** A status change: from which status (any but REVOKED when null), to which, and its event. */
    private record StatusChange(ConsentStatus from, ConsentStatus to, String event) {}
}
