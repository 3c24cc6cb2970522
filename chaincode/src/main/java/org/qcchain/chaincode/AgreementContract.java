package org.qcchain.chaincode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.qcchain.chaincode.access.AccessPolicy;
import org.qcchain.chaincode.access.Caller;
import org.qcchain.chaincode.consent.ReservedPurposes;
import org.qcchain.chaincode.model.Agreement;
import org.qcchain.chaincode.model.AgreementApproval;
import org.qcchain.chaincode.model.AgreementProposal;
import org.qcchain.chaincode.model.AgreementStatus;
import org.qcchain.chaincode.model.Dataset;
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
 * Agreements (供需对接): a consumer asks a provider for fields of a dataset, for given purposes and
 * a period; the provider approves (possibly narrowing), or rejects; either party ends it. One
 * agreement per consumer and dataset is in force at a time; approving a new one supersedes it. The
 * in-force pointer keeps naming the latest approved agreement after it ends, so that a request
 * under an ended agreement is denied with its status rather than as if there had never been one.
 *
 * <p>Each write has a relayed form ({@code …Relayed}) that takes the party's signed command as a
 * last argument, so that an operator's node can carry the write without holding the party's key
 * (docs/chaincode.md, "Relayed commands").
 */
@Contract(name = "Agreements", info = @Info(title = "Agreements", version = "0.1.0",
        description = "Organisation-level rights of consumers to ask for datasets"))
public final class AgreementContract implements ContractInterface {
    private static final int MAX_PURPOSES = 16;
    private static final int MAX_FIELDS = 128;

    /** Asks for an agreement (CONSUMER). */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String requestAgreement(Context ctx, String proposalJson) {
        return Acting.plain(ctx).write((stores, caller) -> request(ctx, stores, caller, proposalJson));
    }

    /** {@link #requestAgreement} signed by the consumer and relayed by an operator's node. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String requestAgreementRelayed(Context ctx, String proposalJson, String commandJson) {
        return Acting.relayed(ctx, "Agreements:requestAgreement", commandJson, proposalJson)
                .write((stores, caller) -> request(ctx, stores, caller, proposalJson));
    }

    /** Approves a pending agreement, possibly narrowing fields, purposes and end (the provider). */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String approveAgreement(Context ctx, String approvalJson) {
        return Acting.plain(ctx).write((stores, caller) -> approve(ctx, stores, caller, approvalJson));
    }

    /** {@link #approveAgreement}, relayed. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String approveAgreementRelayed(Context ctx, String approvalJson, String commandJson) {
        return Acting.relayed(ctx, "Agreements:approveAgreement", commandJson, approvalJson)
                .write((stores, caller) -> approve(ctx, stores, caller, approvalJson));
    }

    /** Rejects a pending agreement (the provider). */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String rejectAgreement(Context ctx, String agreementId, String reason) {
        return Acting.plain(ctx).write((stores, caller) -> reject(ctx, stores, caller, agreementId, reason));
    }

    /** {@link #rejectAgreement}, relayed. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String rejectAgreementRelayed(Context ctx, String agreementId, String reason, String commandJson) {
        return Acting.relayed(ctx, "Agreements:rejectAgreement", commandJson, agreementId, reason)
                .write((stores, caller) -> reject(ctx, stores, caller, agreementId, reason));
    }

    /** Ends a pending or active agreement (either party). */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String terminateAgreement(Context ctx, String agreementId, String reason) {
        return Acting.plain(ctx).write((stores, caller) -> terminate(ctx, stores, caller, agreementId, reason));
    }

    /** {@link #terminateAgreement}, relayed. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String terminateAgreementRelayed(Context ctx, String agreementId, String reason, String commandJson) {
        return Acting.relayed(ctx, "Agreements:terminateAgreement", commandJson, agreementId, reason)
                .write((stores, caller) -> terminate(ctx, stores, caller, agreementId, reason));
    }

    private static String request(Context ctx, Stores stores, Caller caller, String proposalJson) {
        caller.requireAnyRole(Role.CONSUMER);
        AgreementProposal proposal = Args.parse("proposal", proposalJson, AgreementProposal.class);
        Check.matches("agreementId", proposal.agreementId(), Check.RECORD_ID);
        Check.matches("datasetId", proposal.datasetId(), Check.DATASET_ID);
        List<String> fields = Check.distinct("fields", proposal.fields(), Check.FIELD_NAME, MAX_FIELDS);
        List<String> purposes = Check.distinct("purposes", proposal.purposes(), Check.CODE, MAX_PURPOSES);
        ReservedPurposes.requireGrantable("purposes", purposes);
        Instant from = Check.instant("validFrom", proposal.validFrom());
        Instant until = Check.instant("validUntil", proposal.validUntil());
        Check.before("validFrom", from, "validUntil", until);
        Check.before("the transaction time", LedgerTime.now(ctx), "validUntil", until);
        Dataset dataset = stores.datasets().requireActive(proposal.datasetId());
        Check.subset("fields", fields, dataset.fieldNames(), "dataset '" + dataset.id() + "'");
        if (stores.agreements().exists(proposal.agreementId())) {
            throw ContractErrors.error(ErrorCode.AGREEMENT_EXISTS, "agreement '" + proposal.agreementId()
                    + "' already exists");
        }
        String now = LedgerTime.nowText(ctx);
        Agreement agreement = new Agreement(proposal.agreementId(), caller.mspId(), dataset.providerMspId(),
                dataset.id(), fields, purposes, fields, purposes, IsoInstant.format(from), IsoInstant.format(until),
                AgreementStatus.PENDING, now, now, null);
        stores.agreements().create(agreement);
        emit(ctx, "AgreementRequested", agreement);
        return Json.write(agreement);
    }

    private static String approve(Context ctx, Stores stores, Caller caller, String approvalJson) {
        caller.requireAnyRole(Role.PROVIDER);
        AgreementApproval approval = Args.parse("approval", approvalJson, AgreementApproval.class);
        Agreement agreement = requirePending(stores, Check.matches("agreementId", approval.agreementId(), Check.RECORD_ID));
        requireProvider(caller, agreement);
        stores.datasets().requireActive(agreement.datasetId());
        List<String> fields = approval.fields() == null ? agreement.requestedFields()
                : Check.distinct("fields", approval.fields(), Check.FIELD_NAME, MAX_FIELDS);
        Check.subset("fields", fields, agreement.requestedFields(), "the request");
        List<String> purposes = approval.purposes() == null ? agreement.requestedPurposes()
                : Check.distinct("purposes", approval.purposes(), Check.CODE, MAX_PURPOSES);
        Check.subset("purposes", purposes, agreement.requestedPurposes(), "the request");
        ReservedPurposes.requireGrantable("purposes", purposes);
        Instant until = approval.validUntil() == null ? IsoInstant.parse(agreement.validUntil())
                : Check.instant("validUntil", approval.validUntil());
        if (until.isAfter(IsoInstant.parse(agreement.validUntil()))) {
            throw ContractErrors.invalid("validUntil may narrow the requested period, not extend it");
        }
        Check.before("validFrom", IsoInstant.parse(agreement.validFrom()), "validUntil", until);
        Check.optionalText("note", approval.note(), 500);
        String now = LedgerTime.nowText(ctx);
        supersedePrevious(stores, agreement, now);
        Agreement approved = agreement.approved(fields, purposes, IsoInstant.format(until), now, approval.note());
        stores.agreements().save(approved);
        stores.agreements().setInForce(approved);
        emit(ctx, "AgreementApproved", approved);
        return Json.write(approved);
    }

    private static String reject(Context ctx, Stores stores, Caller caller, String agreementId, String reason) {
        caller.requireAnyRole(Role.PROVIDER);
        Agreement agreement = requirePending(stores, agreementId);
        requireProvider(caller, agreement);
        Agreement rejected = agreement.withStatus(AgreementStatus.REJECTED, LedgerTime.nowText(ctx),
                Check.text("reason", reason, 500));
        stores.agreements().save(rejected);
        emit(ctx, "AgreementRejected", rejected);
        return Json.write(rejected);
    }

    private static String terminate(Context ctx, Stores stores, Caller caller, String agreementId, String reason) {
        caller.requireRegistered();
        Agreement agreement = stores.agreements().require(agreementId);
        if (!agreement.involves(caller.mspId())) {
            throw ContractErrors.notAuthorized("only the parties to agreement '" + agreementId + "' may end it");
        }
        if (agreement.status() != AgreementStatus.PENDING && agreement.status() != AgreementStatus.ACTIVE) {
            throw ContractErrors.error(ErrorCode.INVALID_STATE_TRANSITION, "agreement '" + agreementId + "' is "
                    + agreement.status() + " and cannot be terminated");
        }
        Agreement terminated = agreement.withStatus(AgreementStatus.TERMINATED, LedgerTime.nowText(ctx),
                Check.text("reason", reason, 500));
        // the in-force pointer stays: a later request learns that its agreement was terminated
        stores.agreements().save(terminated);
        emit(ctx, "AgreementTerminated", terminated);
        return Json.write(terminated);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getAgreement(Context ctx, String agreementId) {
        Stores stores = Stores.of(ctx);
        Agreement agreement = stores.agreements().require(agreementId);
        AccessPolicy.requireCanRead(Caller.of(ctx, stores.organisations()), agreement);
        return Json.write(agreement);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String listAgreementsByConsumer(Context ctx, String consumerMspId, String queryJson) {
        Stores stores = Stores.of(ctx);
        AccessPolicy.requireCanListAgreementsOf(Caller.of(ctx, stores.organisations()), consumerMspId);
        return Json.write(stores.agreements().pageByConsumer(consumerMspId, Args.pageQuery(queryJson)));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String listAgreementsByProvider(Context ctx, String providerMspId, String queryJson) {
        Stores stores = Stores.of(ctx);
        AccessPolicy.requireCanListAgreementsOf(Caller.of(ctx, stores.organisations()), providerMspId);
        return Json.write(stores.agreements().pageByProvider(providerMspId, Args.pageQuery(queryJson)));
    }

    private static Agreement requirePending(Stores stores, String agreementId) {
        Agreement agreement = stores.agreements().require(agreementId);
        if (agreement.status() != AgreementStatus.PENDING) {
            throw ContractErrors.error(ErrorCode.INVALID_STATE_TRANSITION, "agreement '" + agreementId + "' is "
                    + agreement.status() + ", not PENDING");
        }
        return agreement;
    }

    private static void requireProvider(Caller caller, Agreement agreement) {
        if (!caller.is(agreement.providerMspId())) {
            throw ContractErrors.notAuthorized("only '" + agreement.providerMspId() + "' may decide agreement '"
                    + agreement.agreementId() + "'");
        }
    }

    /** The agreement in force for the same consumer and dataset, if any, becomes SUPERSEDED. */
    private static void supersedePrevious(Stores stores, Agreement agreement, String now) {
        stores.agreements().inForce(agreement.consumerMspId(), agreement.datasetId())
                .flatMap(id -> stores.agreements().find(id))
                .filter(previous -> previous.status() == AgreementStatus.ACTIVE)
                .ifPresent(previous -> stores.agreements().save(previous.withStatus(AgreementStatus.SUPERSEDED, now,
                        "superseded by agreement '" + agreement.agreementId() + "'")));
    }

    private static void emit(Context ctx, String event, Agreement agreement) {
        Events.emit(ctx, event, Map.of("agreementId", agreement.agreementId(), "datasetId", agreement.datasetId(),
                "consumerMspId", agreement.consumerMspId(), "providerMspId", agreement.providerMspId()));
    }
}
