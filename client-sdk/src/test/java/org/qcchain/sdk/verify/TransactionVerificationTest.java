package org.qcchain.sdk.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.sdk.examples.synthetic.FabricLedger;
import org.qcchain.sdk.examples.synthetic.SyntheticChain;
import org.qcchain.sdk.examples.synthetic.SyntheticFabric;
import org.qcchain.sdk.examples.synthetic.SyntheticLedger;
import org.qcchain.sdk.examples.synthetic.SyntheticNetwork;

/**
 * {@link Verifier#verifyTransaction}: one transaction on its own, embedded or Fabric evidence by its
 * kind, gives its position, payload and event, and fails closed with the check that failed.
 */
class TransactionVerificationTest {

    private static final byte[] PAYLOAD = "{\"accessId\":\"a\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant CUT = SyntheticNetwork.EPOCH.minusSeconds(60);

    private final SyntheticNetwork network = Fixtures.network(CryptoSuite.P256_SHA256);
    private final SyntheticFabric fabric = Fixtures.fabric();
    private final String nodePem = network.node().certificatePem();

    /** The middle transaction of a block of three, cut with the given code. */
    private static TransactionEvidence middle(SyntheticChain chain, String txId, String code) {
        chain.addFiller();
        chain.add(txId, 200, PAYLOAD, "AccessDecided");
        chain.addFiller();
        return chain.cut(List.of("VALID", code, "VALID"), CUT).get(1);
    }

    private static Verifier verifier(TrustAnchors anchors) {
        return Verifier.builder().trustAnchors(anchors).suite(CryptoSuite.P256_SHA256).build();
    }

    private static void assertFails(Verifier verifier, TransactionEvidence evidence, String nodePem,
            VerificationFailure failure) {
        assertThatThrownBy(() -> verifier.verifyTransaction(evidence, nodePem))
                .isInstanceOfSatisfying(VerificationException.class, e -> assertThat(e.failure()).isEqualTo(failure));
    }

    @Nested
    class Embedded_evidence {

        private final SyntheticLedger ledger = new SyntheticLedger(CryptoSuite.P256_SHA256, network.node(),
                new Random(11));
        private final String txId = ledger.newTxId();

        @Test
        void gives_the_position_payload_and_event_of_a_valid_transaction() throws Exception {
            TransactionEvidence evidence = middle(ledger, txId, "VALID");

            VerifiedTransaction tx = verifier(network.trustAnchors()).verifyTransaction(evidence, nodePem);

            assertThat(tx.position().txId()).isEqualTo(txId);
            assertThat(tx.position().blockNumber()).isEqualTo(1);
            assertThat(tx.position().index()).isEqualTo(1);
            assertThat(tx.position().blockHash()).isEqualTo(ledger.blocks().get(1).hash());
            assertThat(tx.payload()).isEqualTo(PAYLOAD);
            assertThat(tx.eventName()).isEqualTo("AccessDecided");
        }

        @Test
        void rejects_a_transaction_its_block_marks_invalid() {
            assertFails(verifier(network.trustAnchors()), middle(ledger, txId, "MVCC_READ_CONFLICT"), nodePem,
                    VerificationFailure.TRANSACTION_INVALID);
        }

        @Test
        void needs_a_node_certificate_of_a_trusted_node_ca() {
            TransactionEvidence evidence = middle(ledger, txId, "VALID");
            String otherNode = network.member("BankMSP", "not-a-node").certificatePem();

            assertFails(verifier(network.trustAnchors()), evidence, null, VerificationFailure.UNTRUSTED_SIGNER);
            assertFails(verifier(network.trustAnchors()), evidence, otherNode, VerificationFailure.UNTRUSTED_SIGNER);
        }

        @Test
        void rejects_a_block_another_trusted_node_did_not_sign() {
            TransactionEvidence evidence = middle(ledger, txId, "VALID");
            String anotherNode = network.node(SyntheticNetwork.EPOCH.minus(Duration.ofDays(1)), Duration.ofDays(30))
                    .certificatePem();

            assertFails(verifier(network.trustAnchors()), evidence, anotherNode,
                    VerificationFailure.BLOCK_SIGNATURE_INVALID);
        }
    }

    @Nested
    class Fabric_evidence {

        private final FabricLedger ledger = new FabricLedger(fabric, new Random(13));
        private final String txId = ledger.newTxId();

        @Test
        void gives_the_position_payload_and_event_without_a_node_certificate() throws Exception {
            TransactionEvidence evidence = middle(ledger, txId, "VALID");

            VerifiedTransaction tx = verifier(fabric.trustAnchors()).verifyTransaction(evidence, null);

            assertThat(tx.position().txId()).isEqualTo(txId);
            assertThat(tx.position().blockNumber()).isEqualTo(ledger.fabricBlocks().get(0).getHeader().getNumber());
            assertThat(tx.position().index()).isEqualTo(1);
            assertThat(tx.payload()).isEqualTo(PAYLOAD);
            assertThat(tx.eventName()).isEqualTo("AccessDecided");
        }

        @Test
        void rejects_a_transaction_the_committing_peer_marked_invalid() {
            assertFails(verifier(fabric.trustAnchors()), middle(ledger, txId, "MVCC_READ_CONFLICT"), nodePem,
                    VerificationFailure.TRANSACTION_INVALID);
        }

        @Test
        void is_unsupported_by_anchors_that_name_no_channel() {
            assertFails(verifier(network.trustAnchors()), middle(ledger, txId, "VALID"), nodePem,
                    VerificationFailure.FORMAT_UNSUPPORTED);
        }

        @Test
        void rejects_evidence_of_another_channel() {
            TrustAnchors otherChannel = fabric.trustAnchors(FabricTrust.builder().channel("other")
                    .ordererOrganisations(SyntheticFabric.BUREAU).endorsingOrganisations(SyntheticFabric.BUREAU).build());

            assertFails(verifier(otherChannel), middle(ledger, txId, "VALID"), null,
                    VerificationFailure.CHANNEL_MISMATCH);
        }
    }

    @Test
    void missing_evidence_is_malformed() {
        assertFails(verifier(network.trustAnchors()), null, nodePem, VerificationFailure.MALFORMED);
    }

    @Test
    void the_payload_cannot_be_changed_through_the_result() throws Exception {
        SyntheticLedger ledger = new SyntheticLedger(CryptoSuite.P256_SHA256, network.node(), new Random(17));
        VerifiedTransaction tx = verifier(network.trustAnchors())
                .verifyTransaction(middle(ledger, ledger.newTxId(), "VALID"), nodePem);

        tx.payload()[0] = 'X';

        assertThat(tx.payload()).isEqualTo(PAYLOAD);
    }
}
