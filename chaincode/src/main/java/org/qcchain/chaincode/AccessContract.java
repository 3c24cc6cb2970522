package org.qcchain.chaincode;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.qcchain.chaincode.access.AccessPolicy;
import org.qcchain.chaincode.access.Caller;
import org.qcchain.chaincode.access.CertificateTrust;
import org.qcchain.chaincode.access.DeliveryRules;
import org.qcchain.chaincode.evaluation.AccessEvaluator;
import org.qcchain.chaincode.evaluation.Evaluation;
import org.qcchain.chaincode.evaluation.RequestValidation;
import org.qcchain.chaincode.evaluation.TransactionSignature;
import org.qcchain.chaincode.model.AccessQuery;
import org.qcchain.chaincode.model.AccessRecord;
import org.qcchain.chaincode.model.AccessRequest;
import org.qcchain.chaincode.model.AccessScope;
import org.qcchain.chaincode.model.Consent;
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
import org.qcchain.common.time.IsoInstant;

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

    /** Receipts per {@code recordDeliveries}: keeps a transaction's write set to a few hundred keys. */
    public static final int MAX_RECEIPTS = 500;

    /**
     * Decides a signed data request and records the decision. The submitter is the requester
     * itself (a consumer, or for {@code SUBJECT_ACCESS} an identity provider) or an operator's node
     * mediating for it. A requester submitting its own request may leave the request's signature
     * empty when the request names the transaction creator's certificate: the transaction's
     * signature then authenticates it ({@link TransactionSignature}).
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
        boolean signedByTransaction = TransactionSignature.covers(ctx.getClientIdentity(), signed, certificate);
        Evaluation evaluation = evaluator.evaluate(signed, certificate, signedBytes, accessId, signedByTransaction);

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
        Optional<ChaincodeException> refusal = DeliveryRules.refusal(caller, record);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        AccessRecord delivered = record.delivered(receipt.answerHash(), LedgerTime.nowText(ctx));
        stores.accessRecords().save(delivered);
        Events.emit(ctx, "AccessDelivered", Map.of("accessId", record.accessId()));
        return Json.write(delivered);
    }

    /**
     * Records the deliveries of many answers in one transaction, each under the rules of {@link
     * #recordDelivery} (the submitter of a GRANTED request, once). A receipt that breaks a rule is
     * reported and skipped, the others are recorded: a node replaying its receipts after a crash
     * learns which were recorded before without failing the rest. Malformed input (not a list of
     * well-formed receipts, more than {@value #MAX_RECEIPTS}) refuses the whole call.
     *
     * @param receiptsJson a JSON array of {@link DeliveryReceipt}
     * @return a JSON array with one outcome per receipt, in order: {@code {accessId, recorded:
     *     true}}, or {@code {accessId, recorded: false, code, message}} and, when the delivery was
     *     recorded before, the {@code answerHash} recorded then
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String recordDeliveries(Context ctx, String receiptsJson) {
        Stores stores = Stores.of(ctx);
        Caller caller = Caller.of(ctx, stores.organisations());
        caller.requireRegistered();
        List<DeliveryReceipt> receipts = Check.nonEmpty("receipts",
                Arrays.asList(Args.parse("receipts", receiptsJson, DeliveryReceipt[].class)), MAX_RECEIPTS);
        for (int i = 0; i < receipts.size(); i++) {
            Check.matches("receipts[" + i + "].accessId", receipts.get(i).accessId(), Check.RECORD_ID);
            Check.matches("receipts[" + i + "].answerHash", receipts.get(i).answerHash(), Check.HEX_256);
        }
        String now = LedgerTime.nowText(ctx);
        // a transaction does not read its own writes: a receipt repeated in the list is caught here
        Set<String> seen = new HashSet<>();
        List<Map<String, Object>> outcomes = new ArrayList<>();
        List<String> recorded = new ArrayList<>();
        for (DeliveryReceipt receipt : receipts) {
            Optional<AccessRecord> record = stores.accessRecords().find(receipt.accessId());
            Optional<ChaincodeException> refusal = record.isEmpty()
                    ? Optional.of(ContractErrors.error(ErrorCode.ACCESS_RECORD_NOT_FOUND, "access record '"
                            + receipt.accessId() + "' does not exist"))
                    : !seen.add(receipt.accessId()) ? Optional.of(DeliveryRules.alreadyRecorded(receipt.accessId()))
                    : DeliveryRules.refusal(caller, record.get());
            Map<String, Object> outcome = new TreeMap<>();
            outcome.put("accessId", receipt.accessId());
            outcome.put("recorded", refusal.isEmpty());
            if (refusal.isPresent()) {
                outcome.put("code", ContractErrors.codeOf(refusal.get()).code());
                outcome.put("message", ContractErrors.reasonOf(refusal.get()));
                record.map(AccessRecord::answerHash).ifPresent(hash -> outcome.put("answerHash", hash));
            } else {
                stores.accessRecords().save(record.get().delivered(receipt.answerHash(), now));
                recorded.add(receipt.accessId());
            }
            outcomes.add(outcome);
        }
        if (!recorded.isEmpty()) {
            Events.emit(ctx, "AccessesDelivered", Map.of("accessIds", recorded));
        }
        return Json.write(outcomes);
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
            retainUntil = until == null ? null : IsoInstant.format(until);
            long used = evaluation.usageAfter().orElseThrow().uses();
            usesRemaining = consent.terms().useLimit().map(limit -> limit - used).orElse(null);
        }
        return new AccessRecord(accessId, requestHash, suite.name(), request.consumerMspId(), caller.mspId(),
                request.subject(), request.consentId(), request.purpose(), evaluation.items(), request.dataRange(),
                evaluation.decision(), evaluation.reason() == null ? null : evaluation.reason().code(),
                evaluation.reasonMessage(), IsoInstant.format(now), request.timestamp(), request.nonce(),
                evaluation.certificateFingerprint(), retainUntil, usesRemaining, null, null);
    }
}
