package org.qcchain.common.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qcchain.common.crypto.CryptoSuite;

/**
 * The worked example of {@code docs/proof-format.md}: a batch of three vehicle registrations,
 * P256_SHA256, salts derived from the key 0x00 0x01 ... 0x1f, the middle record disclosed with
 * two of its four fields. The expected values below are pasted in the document; if this test
 * fails, the format changed and the document must change with it.
 */
class WorkedExampleTest {

    private static final CryptoSuite SUITE = CryptoSuite.P256_SHA256;

    static byte[] saltKey() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        return key;
    }

    static List<DataRecord> records() {
        String[][] rows = {
            {"rec-0001", "鲁A12345", "white", "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90"},
            {"rec-0002", "鲁A7Q890", "black", "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"},
            {"rec-0003", "鲁B00001", "red", "77e1d0c2b3a4958677e1d0c2b3a4958677e1d0c2b3a4958677e1d0c2b3a49586"},
        };
        List<DataRecord> records = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            records.add(DataRecord.builder()
                    .datasetId("vehicle.registration")
                    .recordId(rows[i][0])
                    .version(1)
                    .subject(rows[i][3])
                    .field("plate", rows[i][1])
                    .field("colour", rows[i][2])
                    .field("seats", 5 + i)
                    .field("insured", i != 1)
                    .build());
        }
        return records;
    }

    static List<CommittedRecord> committed() {
        RecordCommitter committer = RecordCommitter.create(SUITE, SaltSource.derived(SUITE, saltKey()));
        return records().stream().map(committer::commit).toList();
    }

    @Test
    void derives_the_documented_salts_of_the_disclosed_record() {
        CommittedRecord middle = committed().get(1);

        assertThat(Base64.getEncoder().encodeToString(middle.salt("plate")))
                .isEqualTo("o+TfYVYOatScR/KBkiN31sUYPN7I/LP8IMXh55XAeVA=");
        assertThat(Base64.getEncoder().encodeToString(middle.salt("insured")))
                .isEqualTo("szMy/o2q9pYQ4VtyxO5f0xSf0U9qU6+y8MdU2R6CUvY=");
    }

    @Test
    void commits_to_the_documented_commitments_and_record_roots() {
        List<CommittedRecord> committed = committed();

        assertThat(committed.get(1).commitments()).containsExactly(
                entry("colour", "fd331eb621a6c73643e25493fbbba0d09ce2be89f4777c4de336bb10985c2c7a"),
                entry("insured", "bc96d810689c2954cc1c880c0ffb89815def22c19b4219e1a5862732a18be2d2"),
                entry("plate", "acde4a1228a249346766f436d2dc8ceb981a076f44638e691b32533ea01a9c66"),
                entry("seats", "a7bce631fb9da1fbfa32a0b28912434811826bbe163856004bb1367aeb8520d4"));
        assertThat(committed).extracting(CommittedRecord::rootHex).containsExactly(
                "abe75d014943eec9a36640dfb005414ce60af9f55b8bc14a025694d69fda1b48",
                "86b343bc3fa753fd95eb0fa0813e78ff4410af54786ae36d99d7ae9641641dd6",
                "771eb25fbffd3d7973183bf5c03d0712a57e2d78db9e3aea726ad9cda69889e4");
    }

    @Test
    void builds_the_documented_batch_root_and_proof() {
        MerkleTree tree = MerkleTree.of(SUITE, committed().stream().map(CommittedRecord::root).toList());

        assertThat(tree.rootHex()).isEqualTo("15170f5e575286841856ee44a497b3a862d4f8115fac7eb1a2f5bae42649c6c8");
        assertThat(tree.inclusionProof(1).toJson()).isEqualTo("{\"format\":\"qcchain-proof/1\",\"leafIndex\":1,"
                + "\"path\":[\"29282405092586e7a666fab50ca5efaba7c2bcd928072c81b12ea30a6766ca60\","
                + "\"440b088b1e6c44242d89b6a5335d5af5b22de94e939548f768687fb08306ac0f\"],"
                + "\"suite\":\"P256_SHA256\",\"treeSize\":3}");
    }

    @Test
    void the_documented_disclosure_and_proof_verify_against_the_documented_batch_root() {
        CommittedRecord middle = committed().get(1);
        Disclosure disclosure = middle.disclose(Set.of("plate", "insured"));
        MerkleTree tree = MerkleTree.of(SUITE, committed().stream().map(CommittedRecord::root).toList());
        BatchRoot anchored = new BatchRoot(SUITE,
                "15170f5e575286841856ee44a497b3a862d4f8115fac7eb1a2f5bae42649c6c8", 3);

        assertThat(disclosure.toJson()).isEqualTo("{\"commitments\":{"
                + "\"colour\":\"fd331eb621a6c73643e25493fbbba0d09ce2be89f4777c4de336bb10985c2c7a\","
                + "\"insured\":\"bc96d810689c2954cc1c880c0ffb89815def22c19b4219e1a5862732a18be2d2\","
                + "\"plate\":\"acde4a1228a249346766f436d2dc8ceb981a076f44638e691b32533ea01a9c66\","
                + "\"seats\":\"a7bce631fb9da1fbfa32a0b28912434811826bbe163856004bb1367aeb8520d4\"},"
                + "\"datasetId\":\"vehicle.registration\",\"format\":\"qcchain-proof/1\",\"openings\":{"
                + "\"insured\":{\"salt\":\"szMy/o2q9pYQ4VtyxO5f0xSf0U9qU6+y8MdU2R6CUvY=\",\"value\":false},"
                + "\"plate\":{\"salt\":\"o+TfYVYOatScR/KBkiN31sUYPN7I/LP8IMXh55XAeVA=\",\"value\":\"鲁A7Q890\"}},"
                + "\"recordId\":\"rec-0002\","
                + "\"recordRoot\":\"86b343bc3fa753fd95eb0fa0813e78ff4410af54786ae36d99d7ae9641641dd6\","
                + "\"subject\":\"0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0\","
                + "\"suite\":\"P256_SHA256\",\"version\":1}");
        assertThatCode(() -> ProofVerifier.forSuite(SUITE).verify(disclosure, tree.inclusionProof(1), anchored))
                .doesNotThrowAnyException();
    }
}
