package org.qcchain.chaincode;

import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.qcchain.chaincode.access.AccessPolicy;
import org.qcchain.chaincode.access.Caller;
import org.qcchain.chaincode.model.HistoryEntryView;
import org.qcchain.chaincode.store.Keys;
import org.qcchain.chaincode.store.Stores;
import org.qcchain.chaincode.support.ContractErrors;
import org.qcchain.common.json.Json;

/**
 * The history of any record, from the ledger's key history: every version with the transaction
 * that wrote it, newest first. Who may read a record's history is who may read the record.
 */
@Contract(name = "History", info = @Info(title = "History", version = "0.1.0",
        description = "Every version of a record, from the key history"))
public final class HistoryContract implements ContractInterface {
    private static final int MAX_ENTRIES = 1000;

    /**
     * @param type ORGANISATION, DATASET, ANCHOR, AGREEMENT, CONSENT, CONSENT_USAGE or ACCESS
     * @param id the record's id; for ANCHOR {@code datasetId/batchId}
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getHistory(Context ctx, String type, String id) {
        Stores stores = Stores.of(ctx);
        Caller caller = Caller.of(ctx, stores.organisations());
        caller.requireRegistered();
        if (id == null || id.isEmpty() || id.length() > 256) {
            throw ContractErrors.invalid("id is required and at most 256 characters");
        }
        String key = switch (type == null ? "" : type) {
            case "ORGANISATION" -> {
                stores.organisations().require(id);
                yield Keys.of(ctx.getStub(), Keys.ORGANISATION, id);
            }
            case "DATASET" -> {
                stores.datasets().require(id);
                yield Keys.of(ctx.getStub(), Keys.DATASET, id);
            }
            case "ANCHOR" -> anchorKey(ctx, stores, id);
            case "AGREEMENT" -> {
                AccessPolicy.requireCanRead(caller, stores.agreements().require(id));
                yield Keys.of(ctx.getStub(), Keys.AGREEMENT, id);
            }
            case "CONSENT" -> {
                AccessPolicy.requireCanRead(caller, stores.consents().require(id));
                yield Keys.of(ctx.getStub(), Keys.CONSENT, id);
            }
            case "CONSENT_USAGE" -> {
                AccessPolicy.requireCanRead(caller, stores.consents().require(id));
                yield Keys.of(ctx.getStub(), Keys.CONSENT_USAGE, id);
            }
            case "ACCESS" -> {
                AccessPolicy.requireCanRead(caller, stores.accessRecords().require(id));
                yield Keys.of(ctx.getStub(), Keys.ACCESS, id);
            }
            default -> throw ContractErrors.invalid("type must be one of ORGANISATION, DATASET, ANCHOR, AGREEMENT,"
                    + " CONSENT, CONSENT_USAGE, ACCESS");
        };
        return Json.write(history(ctx, key));
    }

    private static String anchorKey(Context ctx, Stores stores, String id) {
        int slash = id.indexOf('/');
        if (slash <= 0 || slash == id.length() - 1) {
            throw ContractErrors.invalid("an ANCHOR id is datasetId/batchId");
        }
        String datasetId = id.substring(0, slash);
        String batchId = id.substring(slash + 1);
        stores.anchors().require(datasetId, batchId);
        return Keys.of(ctx.getStub(), Keys.ANCHOR, datasetId, batchId);
    }

    private static List<HistoryEntryView> history(Context ctx, String key) {
        List<HistoryEntryView> entries = new ArrayList<>();
        try (QueryResultsIterator<KeyModification> modifications = ctx.getStub().getHistoryForKey(key)) {
            for (KeyModification modification : modifications) {
                if (entries.size() == MAX_ENTRIES) {
                    break;
                }
                entries.add(new HistoryEntryView(modification.getTxId(), modification.getTimestamp().toString(),
                        modification.isDeleted(),
                        modification.isDeleted() ? null : Json.tree(modification.getStringValue())));
            }
        } catch (Exception e) {
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("reading the key history failed", e);
        }
        return entries;
    }
}
