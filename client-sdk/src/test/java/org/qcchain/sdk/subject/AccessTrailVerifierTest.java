package org.qcchain.sdk.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.CanonicalJson;
import org.qcchain.common.json.Json;
import org.qcchain.sdk.examples.synthetic.FabricLedger;
import org.qcchain.sdk.examples.synthetic.SyntheticChain;
import org.qcchain.sdk.examples.synthetic.SyntheticFabric;
import org.qcchain.sdk.examples.synthetic.SyntheticLedger;
import org.qcchain.sdk.examples.synthetic.SyntheticNetwork;
import org.qcchain.sdk.verify.VerificationException;
import org.qcchain.sdk.verify.VerificationFailure;

/**
 * A subject's trail entry is verified against the transaction that decided it, on the embedded
 * ledger and on a Fabric channel alike.
 */
class AccessTrailVerifierTest {

    private static final String SUBJECT = "9f2c".repeat(16);
    private static final Instant CUT = SyntheticNetwork.EPOCH.minusSeconds(60);
    private static final SyntheticNetwork NETWORK = SyntheticNetwork.create(CryptoSuite.P256_SHA256);
    private static final SyntheticFabric FABRIC = new SyntheticFabric(NETWORK);

    private final String nodePem = NETWORK.node().certificatePem();
    private final AccessTrailVerifier embeddedTrust = AccessTrailVerifier.create(NETWORK.trustAnchors(),
            CryptoSuite.P256_SHA256);
    private final AccessTrailVerifier fabricTrust = AccessTrailVerifier.create(FABRIC.trustAnchors(),
            CryptoSuite.P256_SHA256);

    private static ObjectNode record(String accessId, String decision) {
        ObjectNode record = Json.mapper().createObjectNode();
        record.put("accessId", accessId).put("subject", SUBJECT).put("consumerMspId", "BankMSP")
                .put("purpose", "LOAN_UNDERWRITING").put("decision", decision).put("decidedAt", "2026-03-02T08:59:00Z");
        record.putArray("items").addObject().put("datasetId", "social.insurance.contributions");
        if ("DENIED".equals(decision)) {
            record.put("reasonCode", "FIELD_NOT_COVERED");
        }
        return record;
    }

    /** Writes the record as the {@code AccessDecided} transaction {@code accessId} and returns its evidence. */
    private static TransactionEvidence decided(SyntheticChain chain, ObjectNode record, String event) {
        chain.addFiller();
        chain.add(record.get("accessId").asText(), 200, CanonicalJson.serializeUtf8(record), event);
        return chain.cut(List.of("VALID", "VALID"), CUT).get(1);
    }

    private static SyntheticLedger embedded() {
        return new SyntheticLedger(CryptoSuite.P256_SHA256, NETWORK.node(), new Random(3));
    }

    private static FabricLedger fabric() {
        return new FabricLedger(FABRIC, new Random(5));
    }

    private static void assertFails(AccessTrailVerifier verifier, AccessTrailEntry entry, String nodePem,
            VerificationFailure failure) {
        assertThatThrownBy(() -> verifier.verify(entry, SUBJECT, nodePem))
                .isInstanceOfSatisfying(VerificationException.class, e -> assertThat(e.failure()).isEqualTo(failure));
    }

    @Test
    void an_embedded_entry_verifies_with_the_node_certificate() throws Exception {
        SyntheticLedger ledger = embedded();
        ObjectNode record = record(ledger.newTxId(), "GRANTED");
        TransactionEvidence evidence = decided(ledger, record, "AccessDecided");

        VerifiedAccess access = embeddedTrust.verify(new AccessTrailEntry(record, evidence, "Bank"), SUBJECT, nodePem);

        assertThat(access.accessId()).isEqualTo(record.get("accessId").asText());
        assertThat(access.granted()).isTrue();
        assertThat(access.datasets()).containsExactly("social.insurance.contributions");
        assertThat(access.position().blockHash()).isEqualTo(ledger.blocks().get(1).hash());
    }

    @Test
    void a_fabric_entry_verifies_against_the_channel_without_a_node_certificate() throws Exception {
        FabricLedger ledger = fabric();
        ObjectNode record = record(ledger.newTxId(), "DENIED");
        TransactionEvidence evidence = decided(ledger, record, "AccessDecided");

        VerifiedAccess access = fabricTrust.verify(new AccessTrailEntry(record, evidence, "Bank"), SUBJECT, null);

        assertThat(access.granted()).isFalse();
        assertThat(access.reasonCode()).isEqualTo("FIELD_NOT_COVERED");
        assertThat(access.position().txId()).isEqualTo(record.get("accessId").asText());
        assertThat(access.position().blockNumber()).isEqualTo(ledger.fabricBlocks().get(0).getHeader().getNumber());
    }

    @Test
    void delivery_fields_added_later_do_not_count_as_a_difference() throws Exception {
        FabricLedger ledger = fabric();
        ObjectNode record = record(ledger.newTxId(), "GRANTED");
        TransactionEvidence evidence = decided(ledger, record, "AccessDecided");
        ObjectNode delivered = record.deepCopy().put("answerHash", "ab".repeat(32)).put("deliveredAt",
                "2026-03-02T08:59:01Z");

        assertThat(fabricTrust.verify(new AccessTrailEntry(delivered, evidence, "Bank"), SUBJECT, null).granted())
                .isTrue();
    }

    @Test
    void a_fabric_entry_is_unsupported_by_anchors_without_a_channel() {
        FabricLedger ledger = fabric();
        ObjectNode record = record(ledger.newTxId(), "GRANTED");

        assertFails(embeddedTrust, new AccessTrailEntry(record, decided(ledger, record, "AccessDecided"), "Bank"),
                nodePem, VerificationFailure.FORMAT_UNSUPPORTED);
    }

    @Test
    void a_record_other_than_the_one_written_is_not_on_the_ledger() {
        for (SyntheticChain ledger : List.of(embedded(), fabric())) {
            ObjectNode record = record(ledger.newTxId(), "DENIED");
            TransactionEvidence evidence = decided(ledger, record, "AccessDecided");
            ObjectNode shown = record.deepCopy().put("decision", "GRANTED");
            shown.remove("reasonCode");
            AccessTrailVerifier verifier = ledger instanceof FabricLedger ? fabricTrust : embeddedTrust;

            assertFails(verifier, new AccessTrailEntry(shown, evidence, "Bank"), nodePem,
                    VerificationFailure.ACCESS_RECORD_NOT_ON_LEDGER);
        }
    }

    @Test
    void a_transaction_of_another_event_is_not_the_decision() {
        FabricLedger ledger = fabric();
        ObjectNode record = record(ledger.newTxId(), "GRANTED");

        assertFails(fabricTrust, new AccessTrailEntry(record, decided(ledger, record, "Other"), "Bank"), null,
                VerificationFailure.ACCESS_RECORD_NOT_ON_LEDGER);
    }

    @Test
    void an_entry_about_another_subject_is_refused_before_its_evidence() {
        ObjectNode record = record("ab".repeat(32), "GRANTED").put("subject", "77".repeat(32));

        assertFails(fabricTrust, new AccessTrailEntry(record, null, "Bank"), null,
                VerificationFailure.ACCESS_RECORD_MISMATCH);
    }

    @Test
    void an_entry_without_evidence_is_malformed() {
        assertFails(fabricTrust, new AccessTrailEntry(record("ab".repeat(32), "GRANTED"), null, "Bank"), null,
                VerificationFailure.MALFORMED);
    }
}
