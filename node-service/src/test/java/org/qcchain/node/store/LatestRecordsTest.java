package org.qcchain.node.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;
import org.qcchain.common.proof.CommittedRecord;
import org.qcchain.common.proof.DataRecord;
import org.qcchain.common.proof.RecordCommitter;
import org.qcchain.common.proof.SaltSource;

/**
 * What a data answer is built from: the newest anchored version of each of a subject's records,
 * read from a real store file.
 */
class LatestRecordsTest {

    private static final CryptoSuite SUITE = CryptoSuite.P256_SHA256;
    private static final String DATASET = "social_insurance.contributions";
    private static final String ALICE = "a".repeat(64);
    private static final String BOB = "b".repeat(64);

    @TempDir
    Path folder;

    private ProviderStore store;
    private RecordCommitter committer;

    @BeforeEach
    void open() {
        store = ProviderStore.open("SocialInsuranceMSP", folder, null);
        committer = RecordCommitter.create(SUITE, SaltSource.derived(SUITE, store.saltKey()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void answersTheNewestAnchoredVersionOfEachRecordNewestBatchFirst() {
        batch("batch-0001", true, record("r1", 1, ALICE, 100), record("r2", 1, ALICE, 200), record("r9", 1, BOB, 900));
        batch("batch-0002", true, record("r1", 2, ALICE, 110), record("r3", 1, ALICE, 300));

        List<StoredRecord> latest = store.latestRecords(DATASET, ALICE, 10);

        assertThat(latest).extracting(r -> r.record().recordId() + "@" + r.record().version())
                .containsExactly("r3@1", "r1@2", "r2@1");
        assertThat(latest.get(1).record().fields().get("monthly_base").asLong()).isEqualTo(110);
        assertThat(latest.get(1).batchId()).isEqualTo("batch-0002");
        assertThat(latest.get(1).leafIndex()).isZero();
        assertThat(latest).allSatisfy(r -> assertThat(r.record().subject()).isEqualTo(ALICE));
    }

    @Test
    void aNewerVersionWaitingForItsAnchorIsNotAnsweredYet() {
        batch("batch-0001", true, record("r1", 1, ALICE, 100));
        batch("batch-0002", false, record("r1", 2, ALICE, 110));

        assertThat(store.latestRecords(DATASET, ALICE, 10))
                .extracting(r -> r.record().version()).containsExactly(1L);

        store.markAnchored(DATASET, "batch-0002", "f".repeat(64));
        assertThat(store.latestRecords(DATASET, ALICE, 10))
                .extracting(r -> r.record().version()).containsExactly(2L);
    }

    @Test
    void whatIsAnchoredIsReadBackWhenTheStoreIsOpenedAgain() {
        batch("batch-0001", true, record("r1", 1, ALICE, 100));
        batch("batch-0002", false, record("r1", 2, ALICE, 110));
        batch("other-0001", true, record("r7", 1, ALICE, 700));
        store.close();

        store = ProviderStore.open("SocialInsuranceMSP", folder, null);

        assertThat(store.latestRecords(DATASET, ALICE, 10))
                .extracting(r -> r.record().recordId() + "@" + r.record().version())
                .containsExactly("r7@1", "r1@1");
        store.markAnchored(DATASET, "batch-0002", "f".repeat(64));
        assertThat(store.latestRecords(DATASET, ALICE, 10))
                .extracting(r -> r.record().recordId() + "@" + r.record().version())
                .containsExactly("r7@1", "r1@2");
    }

    @Test
    void theLimitKeepsTheNewestRecordsAndCountsRecordsNotVersions() {
        batch("batch-0001", true, record("r1", 1, ALICE, 1), record("r2", 1, ALICE, 2), record("r3", 1, ALICE, 3));
        batch("batch-0002", true, record("r1", 2, ALICE, 4), record("r2", 2, ALICE, 5));

        assertThat(store.latestRecords(DATASET, ALICE, 2))
                .extracting(r -> r.record().recordId() + "@" + r.record().version())
                .containsExactly("r2@2", "r1@2");
        assertThat(store.latestRecords(DATASET, ALICE, 0)).isEmpty();
    }

    @Test
    void anUnknownSubjectOrDatasetHasNoRecords() {
        batch("batch-0001", true, record("r1", 1, ALICE, 100));

        assertThat(store.latestRecords(DATASET, BOB, 10)).isEmpty();
        assertThat(store.latestRecords("vehicle.registration", ALICE, 10)).isEmpty();
    }

    private DataRecord record(String recordId, long version, String subject, long monthlyBase) {
        return DataRecord.builder().datasetId(DATASET).recordId(recordId).version(version).subject(subject)
                .field("monthly_base", Json.mapper().valueToTree(monthlyBase)).build();
    }

    private void batch(String batchId, boolean anchored, DataRecord... records) {
        List<CommittedRecord> committed = new ArrayList<>();
        for (DataRecord record : records) {
            committed.add(committer.commit(record));
        }
        store.saveBatch(DATASET, batchId, committed, "0".repeat(64));
        if (anchored) {
            store.markAnchored(DATASET, batchId, "e".repeat(64));
        }
    }
}
