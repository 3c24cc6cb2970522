package org.qcchain.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qcchain.chaincode.model.Classification;
import org.qcchain.chaincode.model.Dataset;
import org.qcchain.chaincode.model.DatasetDefinition;
import org.qcchain.chaincode.model.DatasetStatus;
import org.qcchain.chaincode.model.FieldSpec;
import org.qcchain.chaincode.model.Page;
import org.qcchain.chaincode.model.PageQuery;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;

class CatalogueContractTest {
    private final TestNetwork net = TestNetwork.started(CryptoSuite.P256_SHA256);

    @Test
    void a_provider_registers_a_dataset_with_per_field_classification() {
        Dataset dataset = net.submit(net.socialInsurance, "Catalogue:registerDataset",
                Json.write(Scenario.socialInsuranceDefinition())).assertCommitted().as(Dataset.class);

        assertThat(dataset.providerMspId()).isEqualTo("SocialInsuranceMSP");
        assertThat(dataset.status()).isEqualTo(DatasetStatus.ACTIVE);
        assertThat(dataset.version()).isEqualTo(1);
        assertThat(dataset.field("medicalRecord")).get().extracting(FieldSpec::level).isEqualTo(Classification.L4);
    }

    @Test
    void one_data_one_source_a_second_provider_cannot_register_the_same_id() {
        net.submit(net.socialInsurance, "Catalogue:registerDataset", Json.write(Scenario.socialInsuranceDefinition()))
                .assertCommitted();
        TestNetwork.Outcome second = net.submit(net.vehicleAdmin, "Catalogue:registerDataset",
                Json.write(Scenario.socialInsuranceDefinition()));
        second.assertError(ErrorCode.DATASET_EXISTS);
        assertThat(second.message()).contains("SocialInsuranceMSP");
    }

    @Test
    void only_providers_register_datasets() {
        net.submit(net.bank, "Catalogue:registerDataset", Json.write(Scenario.socialInsuranceDefinition()))
                .assertError(ErrorCode.NOT_AUTHORIZED);
    }

    @Test
    void only_the_source_updates_its_dataset_and_each_update_bumps_the_version() {
        net.submit(net.socialInsurance, "Catalogue:registerDataset", Json.write(Scenario.socialInsuranceDefinition()))
                .assertCommitted();
        DatasetDefinition d = Scenario.socialInsuranceDefinition();
        List<FieldSpec> fields = new ArrayList<>(d.fields());
        fields.add(new FieldSpec("arrears", Classification.L3, null));
        DatasetDefinition changed = new DatasetDefinition(d.id(), d.titleZh(), d.titleEn(), d.description(), fields,
                d.updateFrequency());

        net.submit(net.vehicleAdmin, "Catalogue:updateDataset", Json.write(changed))
                .assertError(ErrorCode.NOT_AUTHORIZED);
        Dataset updated = net.submit(net.socialInsurance, "Catalogue:updateDataset", Json.write(changed))
                .assertCommitted().as(Dataset.class);
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.fieldNames()).contains("arrears");
    }

    @Test
    void a_retired_dataset_can_be_read_but_not_changed() {
        net.submit(net.socialInsurance, "Catalogue:registerDataset", Json.write(Scenario.socialInsuranceDefinition()))
                .assertCommitted();
        net.submit(net.bank, "Catalogue:retireDataset", Scenario.DATASET, "no").assertError(ErrorCode.NOT_AUTHORIZED);
        net.submit(net.bureau, "Catalogue:retireDataset", Scenario.DATASET, "superseded by v2").assertCommitted();

        Dataset read = net.evaluate(net.bank, "Catalogue:getDataset", Scenario.DATASET).as(Dataset.class);
        assertThat(read.status()).isEqualTo(DatasetStatus.RETIRED);
        assertThat(read.retiredReason()).isEqualTo("superseded by v2");
        net.submit(net.socialInsurance, "Catalogue:updateDataset", Json.write(Scenario.socialInsuranceDefinition()))
                .assertError(ErrorCode.DATASET_RETIRED);
    }

    @Test
    void refuses_duplicate_fields_missing_levels_and_bad_ids() {
        DatasetDefinition d = Scenario.socialInsuranceDefinition();
        DatasetDefinition duplicate = new DatasetDefinition(d.id(), d.titleZh(), d.titleEn(), null,
                List.of(new FieldSpec("a", Classification.L1, null), new FieldSpec("a", Classification.L2, null)),
                "DAILY");
        DatasetDefinition noLevel = new DatasetDefinition(d.id(), d.titleZh(), d.titleEn(), null,
                List.of(new FieldSpec("a", null, null)), "DAILY");
        DatasetDefinition badId = new DatasetDefinition("'; DROP TABLE x; --", d.titleZh(), d.titleEn(), null,
                d.fields(), "DAILY");
        for (DatasetDefinition bad : List.of(duplicate, noLevel, badId)) {
            net.submit(net.socialInsurance, "Catalogue:registerDataset", Json.write(bad))
                    .assertError(ErrorCode.INVALID_ARGUMENT);
        }
        net.submit(net.socialInsurance, "Catalogue:registerDataset", "{\"id\":\"a.b\",\"fields\":[{\"name\":\"x\","
                + "\"level\":\"L9\"}],\"titleZh\":\"x\",\"titleEn\":\"x\",\"updateFrequency\":\"DAILY\"}")
                .assertError(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void lists_the_catalogue_in_pages() {
        for (int i = 0; i < 7; i++) {
            DatasetDefinition d = Scenario.vehicleDefinition();
            net.submit(net.vehicleAdmin, "Catalogue:registerDataset", Json.write(new DatasetDefinition(
                    "vehicle.set" + i, d.titleZh(), d.titleEn(), null, d.fields(), "DAILY"))).assertCommitted();
        }
        List<String> ids = new ArrayList<>();
        String bookmark = null;
        int pages = 0;
        do {
            Page<Dataset> page = net.evaluate(net.bank, "Catalogue:listDatasets",
                    Json.write(new PageQuery(3, bookmark))).as(new TypeReference<Page<Dataset>>() {});
            page.records().forEach(dataset -> ids.add(dataset.id()));
            bookmark = page.bookmark();
            pages++;
        } while (!bookmark.isEmpty());

        assertThat(pages).isEqualTo(3);
        assertThat(ids).hasSize(7).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void unknown_datasets_are_not_found() {
        net.evaluate(net.bank, "Catalogue:getDataset", "no.such").assertError(ErrorCode.DATASET_NOT_FOUND);
    }
}
