package org.qcchain.ledger.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.chaincode.model.AccessRecord;
import org.qcchain.chaincode.model.ConsentView;
import org.qcchain.chaincode.model.Decision;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.CanonicalJson;
import org.qcchain.common.json.Json;
import org.qcchain.simulator.ChaincodeEventRecord;
import org.qcchain.simulator.VersionedKeyValue;

/** The real chaincode through the whole ledger: submit, commit, reopen from disk, verify. */
class EndToEndTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void grants_a_data_request_and_keeps_everything_across_a_reopen(CryptoSuite suite) throws Exception {
        TestPlatform platform = new TestPlatform(suite);
        List<ChaincodeEventRecord> events = new CopyOnWriteArrayList<>();
        List<CommittedBlock> blocks = new CopyOnWriteArrayList<>();
        CommitResult granted;
        long height;
        List<VersionedKeyValue> state;
        try (EmbeddedLedger ledger = platform.open(folder)) {
            ledger.addListener(new LedgerListener() {
                @Override
                public void onBlock(CommittedBlock block) {
                    blocks.add(block);
                }

                @Override
                public void onChaincodeEvent(long blockNumber, ChaincodeEventRecord event) {
                    events.add(event);
                }
            });
            Scenario.ready(platform, ledger);
            granted = platform.commit(ledger, platform.bank, "Access:requestAccess",
                    Scenario.signedRequest(platform, Scenario.CONSENT, Scenario.SUBJECT));
            AccessRecord record = Json.parse(granted.payloadAsString(), AccessRecord.class);
            assertThat(record.decision()).isEqualTo(Decision.GRANTED);
            assertThat(record.accessId()).isEqualTo(granted.txId());
            assertThat(record.hashSuite()).isEqualTo(suite.name());
            assertThat(granted.event()).hasValueSatisfying(e -> assertThat(e.name()).isEqualTo("AccessDecided"));

            EvaluateResult consent = ledger.evaluate(platform.proposal(platform.citizenApp, "Consents:getConsent",
                    Scenario.CONSENT));
            assertThat(Json.parse(consent.payloadAsString(), ConsentView.class).usage().uses()).isEqualTo(1);
            height = ledger.height();
            state = ledger.stateRange("", "", 0);
        }

        try (EmbeddedLedger reopened = platform.open(folder)) {
            assertThat(reopened.height()).isEqualTo(height);
            assertThat(reopened.stateRange("", "", 0)).isEqualTo(state);
            TransactionRecord tx = reopened.transaction(granted.txId()).orElseThrow();
            assertThat(tx.code()).isEqualTo(ValidationCode.VALID);
            assertThat(tx.blockNumber()).isEqualTo(granted.blockNumber().getAsLong());
            byte[] hashedForm = tx.hashedForm();
            assertThat(suite.hashHex(hashedForm)).isEqualTo(tx.hash());
            assertThat(CanonicalJson.serializeUtf8(Json.tree(new String(hashedForm, UTF_8)))).isEqualTo(hashedForm);
            assertThat(Json.tree(new String(hashedForm, UTF_8)).path("event").path("name").asText())
                    .isEqualTo("AccessDecided");
            Block block = reopened.block(tx.blockNumber()).orElseThrow();
            assertThat(reopened.blockByHash(block.hash())).contains(block);
            assertThat(suite.hashHex(block.headerBytes())).isEqualTo(block.hash());
            assertThat(reopened.block(0).orElseThrow().genesis()).hasValueSatisfying(genesis -> {
                assertThat(genesis.suite()).isEqualTo(suite);
                assertThat(genesis.channel()).isEqualTo(TestPlatform.CHANNEL);
                assertThat(genesis.nodeCertificatePem()).isEqualTo(platform.node.certificatePem());
            });

            VerificationReport report = reopened.verify(ProgressListener.NONE);
            assertThat(report.height()).isEqualTo(height);
            assertThat(report.transactions()).isEqualTo(height - 1);
            assertThat(report.stateKeys()).isEqualTo(state.size());
        }
        assertThat(blocks).hasSize((int) height - 1);
        // what listeners are handed is what the ledger hashed, and what it makes again from the stored parts
        for (CommittedBlock block : blocks) {
            for (int i = 0; i < block.transactions().size(); i++) {
                TransactionRecord tx = block.transactions().get(i);
                assertThat(block.hashedForm(i)).as(tx.txId()).isEqualTo(tx.hashedForm());
                assertThat(suite.hashHex(block.hashedForm(i))).as(tx.txId()).isEqualTo(tx.hash());
            }
        }
        assertThat(blocks).flatExtracting(CommittedBlock::transactions).extracting(TransactionRecord::txId)
                .contains(granted.txId());
        assertThat(events).extracting(ChaincodeEventRecord::name).startsWith("PlatformInitialised")
                .endsWith("AccessDecided");
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void keeps_the_history_of_a_key_newest_first(CryptoSuite suite) {
        TestPlatform platform = new TestPlatform(suite);
        try (EmbeddedLedger ledger = platform.open(folder)) {
            Scenario.ready(platform, ledger);
            CommitResult first = platform.commit(ledger, platform.bank, "Access:requestAccess",
                    Scenario.signedRequest(platform, Scenario.CONSENT, Scenario.SUBJECT));
            CommitResult second = platform.commit(ledger, platform.bank, "Access:requestAccess",
                    Scenario.signedRequest(platform, Scenario.CONSENT, Scenario.SUBJECT));

            String usageKey = "\u0000qc.consent.usage\u0000" + Scenario.CONSENT + "\u0000";
            assertThat(ledger.history(usageKey)).extracting(h -> h.txId())
                    .containsExactly(second.txId(), first.txId());
            assertThat(ledger.state(usageKey)).hasValueSatisfying(v ->
                    assertThat(v.version().blockNumber()).isEqualTo(second.blockNumber().getAsLong()));
        }
    }
}
