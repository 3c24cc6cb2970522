package org.qcchain.chaincode;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.qcchain.chaincode.access.Caller;
import org.qcchain.chaincode.model.Dataset;
import org.qcchain.chaincode.model.DatasetDefinition;
import org.qcchain.chaincode.model.DatasetStatus;
import org.qcchain.chaincode.model.FieldSpec;
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
 * The public data resource catalogue (资源目录). A provider registers each dataset it is the
 * authoritative source of, with a classification level per field; one data, one source (一数一源):
 * no second provider can register the same id.
 */
@Contract(name = "Catalogue", info = @Info(title = "Catalogue", version = "0.1.0",
        description = "Datasets, their one authoritative provider and per-field classification"))
public final class CatalogueContract implements ContractInterface {
    private static final int MAX_FIELDS = 128;

    /** Registers a dataset (PROVIDER); the caller becomes its one source. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String registerDataset(Context ctx, String definitionJson) {
        Stores stores = Stores.of(ctx);
        Caller caller = Caller.of(ctx, stores.organisations());
        caller.requireAnyRole(Role.PROVIDER);
        DatasetDefinition definition = validDefinition(Args.parse("definition", definitionJson, DatasetDefinition.class));
        stores.datasets().find(definition.id()).ifPresent(existing -> {
            throw ContractErrors.error(ErrorCode.DATASET_EXISTS, "dataset '" + existing.id()
                    + "' is already registered by its authoritative source '" + existing.providerMspId() + "'");
        });
        String now = LedgerTime.nowText(ctx);
        Dataset dataset = new Dataset(definition.id(), caller.mspId(), definition.titleZh(), definition.titleEn(),
                definition.description(), definition.fields(), definition.updateFrequency(), DatasetStatus.ACTIVE, 1,
                now, now, null);
        stores.datasets().save(dataset);
        Events.emit(ctx, "DatasetRegistered", Map.of("datasetId", dataset.id(), "providerMspId", caller.mspId()));
        return Json.write(dataset);
    }

    /**
     * Replaces a dataset's titles, description, fields and update frequency (its provider only).
     * Fields may be added and reclassified; removing a field does not change existing agreements,
     * which can only ever be satisfied for fields the provider still serves.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String updateDataset(Context ctx, String definitionJson) {
        Stores stores = Stores.of(ctx);
        Caller caller = Caller.of(ctx, stores.organisations());
        caller.requireAnyRole(Role.PROVIDER);
        DatasetDefinition definition = validDefinition(Args.parse("definition", definitionJson, DatasetDefinition.class));
        Dataset dataset = stores.datasets().requireActive(definition.id());
        requireProvider(caller, dataset);
        Dataset updated = dataset.withDefinition(definition, LedgerTime.nowText(ctx));
        stores.datasets().save(updated);
        Events.emit(ctx, "DatasetUpdated", Map.of("datasetId", dataset.id(), "version", updated.version()));
        return Json.write(updated);
    }

    /** Retires a dataset (its provider, or an operator): no more anchors, agreements or requests. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String retireDataset(Context ctx, String datasetId, String reason) {
        Stores stores = Stores.of(ctx);
        Caller caller = Caller.of(ctx, stores.organisations());
        caller.requireRegistered();
        Dataset dataset = stores.datasets().requireActive(datasetId);
        if (!caller.hasRole(Role.OPERATOR)) {
            requireProvider(caller, dataset);
        }
        Dataset retired = dataset.retired(Check.text("reason", reason, 500), LedgerTime.nowText(ctx));
        stores.datasets().save(retired);
        Events.emit(ctx, "DatasetRetired", Map.of("datasetId", datasetId));
        return Json.write(retired);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getDataset(Context ctx, String datasetId) {
        Stores stores = Stores.of(ctx);
        Caller.of(ctx, stores.organisations()).requireRegistered();
        return Json.write(stores.datasets().require(datasetId));
    }

    /** @param queryJson {@link org.qcchain.chaincode.model.PageQuery}; may be empty */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String listDatasets(Context ctx, String queryJson) {
        Stores stores = Stores.of(ctx);
        Caller.of(ctx, stores.organisations()).requireRegistered();
        return Json.write(stores.datasets().page(Args.pageQuery(queryJson)));
    }

    private static void requireProvider(Caller caller, Dataset dataset) {
        if (!caller.is(dataset.providerMspId())) {
            throw ContractErrors.notAuthorized("only '" + dataset.providerMspId() + "', the source of dataset '"
                    + dataset.id() + "', may change it");
        }
    }

    private static DatasetDefinition validDefinition(DatasetDefinition definition) {
        Check.matches("id", definition.id(), Check.DATASET_ID);
        Check.text("titleZh", definition.titleZh(), 200);
        Check.text("titleEn", definition.titleEn(), 200);
        Check.optionalText("description", definition.description(), 2000);
        Check.matches("updateFrequency", definition.updateFrequency(), Check.CODE);
        List<FieldSpec> fields = Check.nonEmpty("fields", definition.fields(), MAX_FIELDS);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            FieldSpec field = fields.get(i);
            Check.matches("fields[" + i + "].name", field.name(), Check.FIELD_NAME);
            Check.present("fields[" + i + "].level", field.level());
            Check.optionalText("fields[" + i + "].description", field.description(), 500);
            if (!names.add(field.name())) {
                throw ContractErrors.invalid("fields names '" + field.name() + "' twice");
            }
        }
        return definition;
    }
}
