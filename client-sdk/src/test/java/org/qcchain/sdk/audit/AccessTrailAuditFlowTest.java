package org.qcchain.sdk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.CanonicalJson;
import org.qcchain.common.json.Json;
import org.qcchain.sdk.QcchainClient;
import org.qcchain.sdk.examples.synthetic.SyntheticLedger;
import org.qcchain.sdk.examples.synthetic.SyntheticNetwork;
import org.qcchain.sdk.subject.AccessTrailVerifier;
import org.qcchain.sdk.verify.VerificationException;
import org.qcchain.sdk.verify.VerificationFailure;

/**
 * Before a rule sees a listed record, the audit checks it against the transaction the node
 * served for its access id; a record the ledger did not write stops the review.
 */
class AccessTrailAuditFlowTest {

    private static final SyntheticNetwork NETWORK = SyntheticNetwork.create(CryptoSuite.P256_SHA256);
    private static final Instant CUT = SyntheticNetwork.EPOCH.minusSeconds(60);

    private final SyntheticLedger ledger = new SyntheticLedger(CryptoSuite.P256_SHA256, NETWORK.node(), new Random(9));
    private final AccessTrailAudit audit = AccessTrailAudit.create(unusedClient(), AccessTrailVerifier.create(
            NETWORK.trustAnchors(), CryptoSuite.P256_SHA256), NETWORK.node().certificatePem());

    /** Writes the record as its {@code AccessDecided} transaction; returns the transaction as the node serves it. */
    private ObjectNode decided(ObjectNode record) {
        ledger.addFiller();
        ledger.add(record.get("accessId").asText(), 200, CanonicalJson.serializeUtf8(record), "AccessDecided");
        ObjectNode transaction = Json.mapper().createObjectNode().put("txId", record.get("accessId").asText());
        transaction.set("evidence", Json.mapper().valueToTree(ledger.cut(List.of("VALID", "VALID"), CUT).get(1)));
        return transaction;
    }

    private ObjectNode record() {
        ObjectNode record = new Trail().record(Trail.BANK, 7, Trail.MONDAY_10, "CONSENT_REVOKED", "consent-7");
        return record.put("accessId", ledger.newTxId());
    }

    @Test
    void a_record_the_ledger_wrote_verifies() {
        ObjectNode record = record();
        ObjectNode transaction = decided(record);

        assertThatCode(() -> audit.verify(record, transaction)).doesNotThrowAnyException();
    }

    @Test
    void an_edited_record_is_not_on_the_ledger_and_the_failure_names_its_access_id() {
        ObjectNode record = record();
        ObjectNode transaction = decided(record);
        ObjectNode shown = record.deepCopy().put("consumerMspId", Trail.INSURER);

        assertThatThrownBy(() -> audit.verify(shown, transaction))
                .isInstanceOfSatisfying(VerificationException.class, e -> assertThat(e.failure())
                        .isEqualTo(VerificationFailure.ACCESS_RECORD_NOT_ON_LEDGER))
                .hasMessageStartingWith("ACCESS_RECORD_NOT_ON_LEDGER: access record "
                        + record.get("accessId").asText() + ": the transaction wrote another access record");
    }

    @Test
    void a_transaction_without_evidence_and_a_record_without_access_id_are_malformed() {
        ObjectNode record = record();
        ObjectNode bare = decided(record).deepCopy();
        bare.remove("evidence");
        ObjectNode anonymous = record.deepCopy();
        anonymous.remove("accessId");

        assertThatThrownBy(() -> audit.verify(record, bare)).hasMessageStartingWith("MALFORMED: the node served");
        assertThatThrownBy(() -> audit.verify(anonymous, decided(record())))
                .hasMessageStartingWith("MALFORMED: the access record has no access id");
    }

    /** The verification of one record needs no node; {@code feed} is tested against a real node in node-service. */
    private static QcchainClient unusedClient() {
        return QcchainClient.builder().endpoint(URI.create("http://127.0.0.1:9"))
                .identity("AuditOfficeMSP", NETWORK.member("AuditOfficeMSP", "auditor"))
                .trustAnchors(NETWORK.trustAnchors()).build();
    }
}
