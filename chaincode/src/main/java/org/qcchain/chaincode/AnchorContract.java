package org.qcchain.chaincode;

import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.qcchain.chaincode.access.Caller;
import org.qcchain.chaincode.access.CertificateTrust;
import org.qcchain.chaincode.model.Anchor;
import org.qcchain.chaincode.model.AnchorStatement;
import org.qcchain.chaincode.model.AnchorSubmission;
import org.qcchain.chaincode.model.Dataset;
import org.qcchain.chaincode.model.Organisation;
import org.qcchain.chaincode.model.Role;
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
 * Anchors (存证): a provider puts the Merkle root of a batch of its records on the ledger in one
 * transaction, signed with a certificate of its own CA; a provider without a node of its own has
 * an operator's node relay the statement it signed. Each record keeps its own inclusion proof
 * against the root; the records themselves never reach the ledger.
 */
@Contract(name = "Anchors", info = @Info(title = "Anchors", version = "0.1.0",
        description = "Merkle roots of providers' record batches"))
public final class AnchorContract implements ContractInterface {
    private static final long MAX_RECORDS_PER_BATCH = 100_000_000L;

    /**
     * Anchors a batch of an active dataset; the statement's signature is verified. The submitter
     * is either the dataset's provider itself or an OPERATOR relaying a statement the provider
     * signed (a provider without a node of its own): in both cases the signer certificate must be
     * issued by a CA of the dataset's provider, so the anchor speaks for the provider whoever
     * carried it, and the relaying operator is recorded as {@code relayedBy}.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String anchorBatch(Context ctx, String submissionJson) {
        Stores stores = Stores.of(ctx);
        Caller caller = Caller.of(ctx, stores.organisations());
        caller.requireAnyRole(Role.PROVIDER, Role.OPERATOR);
        AnchorSubmission submission = Args.parse("submission", submissionJson, AnchorSubmission.class);
        AnchorStatement statement = validStatement(Check.present("statement", submission.statement()));
        Dataset dataset = stores.datasets().requireActive(statement.datasetId());
        String relayedBy = relayer(caller, dataset);
        if (stores.anchors().exists(statement.datasetId(), statement.batchId())) {
            throw ContractErrors.error(ErrorCode.ANCHOR_EXISTS, "batch '" + statement.batchId() + "' of dataset '"
                    + statement.datasetId() + "' is already anchored");
        }
        Organisation provider = stores.organisations().require(dataset.providerMspId());
        X509Certificate signer = CertificateTrust.requireIssuedBy(provider, submission.certificate(), LedgerTime.now(ctx));
        if (CertificateTrust.suiteOf(signer) != CryptoSuite.fromName(statement.hashSuite())) {
            throw ContractErrors.invalid("the batch is hashed with " + statement.hashSuite()
                    + " but signed with a " + CertificateTrust.suiteOf(signer) + " certificate");
        }
        CertificateTrust.requireSignature(signer, Json.canonicalBytes(statement), submission.signature());
        Anchor anchor = new Anchor(statement, provider.mspId(), submission.certificate(), submission.signature(),
                LedgerTime.nowText(ctx), ctx.getStub().getTxId(), relayedBy);
        stores.anchors().save(anchor);
        Events.emit(ctx, "BatchAnchored", event(statement));
        return Json.write(anchor);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getAnchor(Context ctx, String datasetId, String batchId) {
        Stores stores = Stores.of(ctx);
        Caller.of(ctx, stores.organisations()).requireRegistered();
        return Json.write(stores.anchors().require(datasetId, batchId));
    }

    /** @param queryJson {@link org.qcchain.chaincode.model.PageQuery}; may be empty */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String listAnchors(Context ctx, String datasetId, String queryJson) {
        Stores stores = Stores.of(ctx);
        Caller.of(ctx, stores.organisations()).requireRegistered();
        stores.datasets().require(datasetId);
        return Json.write(stores.anchors().page(datasetId, Args.pageQuery(queryJson)));
    }

    /**
     * Who relays the anchor: null when the dataset's provider submits it itself, the operator's
     * MSP id when an OPERATOR carries the provider's signed statement; anyone else is refused.
     */
    private static String relayer(Caller caller, Dataset dataset) {
        if (caller.is(dataset.providerMspId())) {
            return null;
        }
        if (caller.hasRole(Role.OPERATOR)) {
            return caller.mspId();
        }
        throw ContractErrors.notAuthorized("only '" + dataset.providerMspId() + "', the source of dataset '"
                + dataset.id() + "', or an operator relaying its signed statement may anchor its records");
    }

    /** The event's payload: the statement's batch, and {@code retiring} only when it retires. */
    private static Map<String, Object> event(AnchorStatement statement) {
        Map<String, Object> payload = new TreeMap<>(Map.of("datasetId", statement.datasetId(),
                "batchId", statement.batchId(), "merkleRoot", statement.merkleRoot(),
                "recordCount", statement.recordCount()));
        if (statement.retires()) {
            payload.put("retiring", true);
        }
        return payload;
    }

    private static AnchorStatement validStatement(AnchorStatement statement) {
        Check.matches("statement.datasetId", statement.datasetId(), Check.DATASET_ID);
        Check.matches("statement.batchId", statement.batchId(), Check.RECORD_ID);
        Check.matches("statement.merkleRoot", statement.merkleRoot(), Check.HEX_256);
        Check.positive("statement.recordCount", statement.recordCount(), MAX_RECORDS_PER_BATCH);
        try {
            CryptoSuite.fromName(Check.present("statement.hashSuite", statement.hashSuite()));
        } catch (IllegalArgumentException e) {
            throw ContractErrors.invalid("statement.hashSuite must be one of P256_SHA256, SM2_SM3");
        }
        if (Boolean.FALSE.equals(statement.retiring())) {
            // one form per meaning: a batch of records leaves the member out, so its signed bytes
            // are the same whoever wrote them
            throw ContractErrors.invalid("statement.retiring is true for a batch that retires records, and absent"
                    + " otherwise");
        }
        return statement;
    }
}
