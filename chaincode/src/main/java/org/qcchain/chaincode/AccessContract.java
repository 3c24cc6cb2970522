package org.qcchain.chaincode;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.qcchain.chaincode.access.AccessPolicy;
import org.qcchain.chaincode.access.Caller;
import org.qcchain.chaincode.access.CertificateTrust;
import org.qcchain.chaincode.evaluation.AccessEvaluator;
import org.qcchain.chaincode.evaluation.Evaluation;
import org.qcchain.chaincode.evaluation.RequestValidation;
import org.qcchain.chaincode.model.AccessQuery;
import org.qcchain.chaincode.model.AccessRecord;
import org.qcchain.chaincode.model.AccessRequest;
import org.qcchain.chaincode.model.AccessScope;
import org.qcchain.chaincode.model.Consent;
import org.qcchain.chaincode.model.Decision;
import org.qcchain.chaincode.model.DeliveryReceipt;
import org.qcchain.chaincode.model.PageQuery;
import org.qcchain.chaincode.model.Period;
import org.qcchain.chaincode.model.PlatformSettings;
import org.qcchain.chaincode.model.Role;
import org.qcchain.chaincode.model.SignedAccessRequest;
import org.qcchain.chaincode.store.Stores;
import org.qcchain.chaincode.support.Args;
import org.qcchain.chaincode.support.Check;
import org.qcchain.chaincode.support.ContractErrors;
import org.qcchain.chaincode.support.Events;
import org.qcchain.chaincode.support.LedgerTime;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;

/**
 * Data requests and the access trail (留痕). {@code requestAccess} verifies a consumer's signed
 * request, decides it against agreement and consent, spends a use of the consent when granted, and
 * writes the access record in the same transaction whether it grants or denies: no data leaves a
 * provider without a record, and every refusal is on the ledger too. A subject reading their own
 * records through their identity provider (purpose {@code SUBJECT_ACCESS}) is decided and recorded
 * the same way, without consent or agreement (docs/chaincode.md, "Subject access").
 */
@Contract(name = "Access", info = @Info(title = "Access", version = "0.1.0",
        description = "Data requests, their decisions and the access trail"))
public final class AccessContract implements ContractInterface {

    /**
     * Decides a signed data request and records the decision. The submitter is the requester
     * itself (a consumer, or for {@code SUBJECT_ACCESS} an identity provider) or an operator's node
     * mediating for it.
     *
     * @param signedRequestJson {@link SignedAccessRequest}
     * @return the {@link AccessRecord}; {@code decision} says GRANTED or DENIED and why
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String requestAccess(Context ctx, String signedRequestJson) {
        Stores stores = Stores.of(ctx);
        Caller caller = Caller.of(ctx, stores.organisations());
        PlatformSettings settings = stores.platform().require();
        SignedAccessRequest signed = Args.parse("signedRequest", signedRequestJson, SignedAccessRequest.class);
        X509Certificate certificate = RequestValidation.validate(signed);
        AccessRequest request = signed.request();
        if (!caller.is(request.consumerMspId()) && !caller.hasRole(Role.OPERATOR)) {
            throw ContractErrors.notAuthorized("'" + caller.mspId() + "' may not submit requests of '"
                    + request.consumerMspId() + "'; only the consumer or an operator's node may");
        }
        Instant now = LedgerTime.now(ctx);
        byte[] signedBytes = Json.canonicalBytes(request);
        CryptoSuite suite = CertificateTrust.suiteOf(certificate);
        AccessEvaluator evaluator = new AccessEvaluator(stores.organisations(), stores.datasets(),
                stores.agreements(), stores.consents(), stores.nonces(), now,
                Duration.ofSeconds(settings.maxRequestSkewSeconds()));
        String accessId = ctx.getStub().getTxId();
        Evaluation evaluation = evaluator.evaluate(signed, certificate, signedBytes, accessId);

        AccessRecord record = record(accessId, caller, request, suite, suite.hashHex(signedBytes), evaluation, now);
        stores.accessRecords().create(record);
        if (evaluation.signatureVerified() && evaluation.reason() != ErrorCode.REQUEST_REPLAYED) {
            stores.nonces().markUsed(request.consumerMspId(), request.nonce(), accessId);
        }
        evaluation.usageAfter().ifPresent(stores.consents()::saveUsage);
        Map<String, Object> ids = new TreeMap<>();
        ids.put("accessId", accessId);
        ids.put("consumerMspId", request.consumerMspId());
        ids.put("decision", record.decision().name());
        ids.put("datasets", request.items().stream().map(i -> i.datasetId()).toList());
        if (record.reasonCode() != null) {
            ids.put("reasonCode", record.reasonCode());
        }
        Events.emit(ctx, "AccessDecided", ids);
        return Json.write(record);
    }

    /**
     * Records the hash of the answer delivered for a granted request (the organisation that
     * submitted the request, once).
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String recordDelivery(Context ctx, String receiptJson) {
        Stores stores = Stores.of(ctx);
        Caller caller = Caller.of(ctx, stores.organisations());
        caller.requireRegistered();
        DeliveryReceipt receipt = Args.parse("receipt", receiptJson, DeliveryReceipt.class);
        AccessRecord record = stores.accessRecords().require(Check.matches("accessId", receipt.accessId(),
                Check.RECORD_ID));
        Check.matches("answerHash", receipt.answerHash(), Check.HEX_256);
        if (!caller.is(record.submitterMspId())) {
            throw ContractErrors.notAuthorized("only '" + record.submitterMspId()
                    + "', which submitted the request, may record its delivery");
        }
        if (record.decision() != Decision.GRANTED) {
            throw ContractErrors.error(ErrorCode.INVALID_STATE_TRANSITION, "access '" + record.accessId()
                    + "' was denied; nothing can have been delivered");
        }
        if (record.answerHash() != null) {
            throw ContractErrors.error(ErrorCode.DELIVERY_ALREADY_RECORDED, "the delivery of access '"
                    + record.accessId() + "' was recorded before");
        }
        AccessRecord delivered = record.delivered(receipt.answerHash(), LedgerTime.nowText(ctx));
        stores.accessRecords().save(delivered);
        Events.emit(ctx, "AccessDelivered", Map.of("accessId", record.accessId()));
        return Json.write(delivered);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getAccessRecord(Context ctx, String accessId) {
        Stores stores = Stores.of(ctx);
        AccessRecord record = stores.accessRecords().require(accessId);
        AccessPolicy.requireCanRead(Caller.of(ctx, stores.organisations()), record);
        return Json.write(record);
    }

    /**
     * A page of an access trail, filtered by decision time.
     *
     * @param queryJson {@link AccessQuery}
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String listAccessRecords(Context ctx, String queryJson) {
        Stores stores = Stores.of(ctx);
        AccessQuery query = Args.parse("query", queryJson, AccessQuery.class);
        AccessScope scope = Check.present("scope", query.scope());
        String party = scope == AccessScope.ALL ? null : Check.present("party", query.party());
        if (scope == AccessScope.SUBJECT) {
            Check.matches("party", party, Check.PSEUDONYM);
        } else if (party != null) {
            Check.matches("party", party, Check.MSP_ID);
        }
        AccessPolicy.requireCanList(Caller.of(ctx, stores.organisations()), scope, party);
        Instant from = query.from() == null ? null : Check.instant("from", query.from());
        Instant to = query.to() == null ? null : Check.instant("to", query.to());
        if (from != null && to != null) {
            Check.before("from", from, "to", to);
        }
        return Json.write(stores.accessRecords().page(scope, party, from, to,
                new PageQuery(query.pageSize(), query.bookmark())));
    }

    private static AccessRecord record(String accessId, Caller caller, AccessRequest request, CryptoSuite suite,
            String requestHash, Evaluation evaluation, Instant now) {
        String retainUntil = null;
        Long usesRemaining = null;
        // a subject's access to their own records is granted on no consent: no uses, no data life
        if (evaluation.granted() && evaluation.consent().isPresent()) {
            Consent consent = evaluation.consent().get();
            Period dataLife = consent.terms().dataLife();
            Instant until = dataLife.unit().plus(now, dataLife.value());
            retainUntil = until == null ? null : until.toString();
            long used = evaluation.usageAfter().orElseThrow().uses();
            usesRemaining = consent.terms().useLimit().map(limit -> limit - used).orElse(null);
        }
        return new AccessRecord(accessId, requestHash, suite.name(), request.consumerMspId(), caller.mspId(),
                request.subject(), request.consentId(), request.purpose(), evaluation.items(), request.dataRange(),
                evaluation.decision(), evaluation.reason() == null ? null : evaluation.reason().code(),
                evaluation.reasonMessage(), now.toString(), request.timestamp(), request.nonce(),
                evaluation.certificateFingerprint(), retainUntil, usesRemaining, null, null);
    }
}
