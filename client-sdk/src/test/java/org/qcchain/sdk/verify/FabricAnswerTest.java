package org.qcchain.sdk.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qcchain.sdk.verify.Fixtures.FUND;
import static org.qcchain.sdk.verify.Fixtures.SOCIAL;
import static org.qcchain.sdk.verify.Fixtures.at;
import static org.qcchain.sdk.verify.Fixtures.edit;
import static org.qcchain.sdk.verify.Fixtures.loan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.qcchain.common.answer.DataAnswer;
import org.qcchain.common.answer.FabricEvidence;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.sdk.examples.synthetic.AnswerFactory;
import org.qcchain.sdk.examples.synthetic.FabricLedger;
import org.qcchain.sdk.examples.synthetic.Scenario;
import org.qcchain.sdk.examples.synthetic.SyntheticAnswer;
import org.qcchain.sdk.examples.synthetic.SyntheticChain;
import org.qcchain.sdk.examples.synthetic.SyntheticFabric;

/**
 * A whole answer from a node on Fabric: the access record and every anchor proven by Fabric
 * blocks, verified end to end by the same {@link Verifier} as embedded-ledger answers.
 */
class FabricAnswerTest {

    private static final CryptoSuite SUITE = CryptoSuite.P256_SHA256;

    private final SyntheticFabric fabric = Fixtures.fabric();

    private SyntheticAnswer build(Scenario scenario, long seed, SyntheticChain.Factory chains) {
        SyntheticAnswer built = AnswerFactory.create(Fixtures.network(SUITE), seed, chains).answer(scenario);
        return new SyntheticAnswer(DataAnswer.fromJson(built.answer().toJson()), built.request(), built.requestHash(),
                built.blocks(), built.node());
    }

    private SyntheticAnswer build(Scenario scenario, long seed) {
        return build(scenario, seed, FabricLedger.factory(fabric));
    }

    private Verifier verifier() {
        return Verifier.builder().trustAnchors(fabric.trustAnchors()).suite(SUITE).build();
    }

    private void assertFails(DataAnswer answer, byte[] requestHash, VerificationFailure failure) {
        assertThatThrownBy(() -> verifier().verify(answer, requestHash))
                .isInstanceOfSatisfying(VerificationException.class, e -> assertThat(e.failure()).isEqualTo(failure))
                .hasMessageStartingWith(failure.name() + ": ");
    }

    @Nested
    class A_correct_answer {

        @Test
        void verifies_and_gives_the_disclosed_values_and_fabric_positions() throws Exception {
            SyntheticAnswer built = build(loan(), 1);
            assertThat(built.answer().access().evidence()).isInstanceOf(FabricEvidence.class);

            VerifiedAnswer verified = verifier().verify(built.answer(), built.requestHash());

            assertThat(verified.records().keySet()).containsExactly(SOCIAL, FUND);
            assertThat(verified.records(SOCIAL).get(0).values().get("paidMonths").asLong()).isEqualTo(48);
            assertThat(verified.records(FUND).get(0).text("status")).isEqualTo("NORMAL");
            LedgerPosition access = verified.accessPosition();
            LedgerPosition anchor = verified.records(SOCIAL).get(0).anchor().position();
            assertThat(access.txId()).isEqualTo(verified.accessId());
            assertThat(anchor.blockNumber()).isEqualTo(7);
            assertThat(access.blockNumber()).isEqualTo(8);
            var anchorBlock = FabricTamper.block((FabricEvidence) built.answer().items().get(0).records().get(0)
                    .anchorEvidence());
            assertThat(anchor.blockHash()).isEqualTo(HexFormat.of().formatHex(
                    FabricLedger.sha256(FabricLedger.headerBytes(anchorBlock.getHeader()))));
        }

        @Test
        void verifies_twice_with_warm_caches_and_with_caches_off() throws Exception {
            SyntheticAnswer built = build(loan(), 2);
            Verifier cached = verifier();
            cached.verify(built.answer(), built.requestHash());
            cached.verify(built.answer(), built.requestHash());
            Verifier.builder().trustAnchors(fabric.trustAnchors()).suite(SUITE).signatureCacheSize(0).build()
                    .verify(built.answer(), built.requestHash());
        }

        @Test
        void verifies_a_kept_record_on_its_own() throws Exception {
            SyntheticAnswer built = build(loan(), 3);

            VerifiedRecord record = verifier().verifyRecord(built.answer().items().get(0).records().get(0),
                    "SocialInsuranceMSP", built.answer().nodeCertificate());

            assertThat(record.anchor().position().blockNumber()).isEqualTo(7);
        }

        @Test
        void verifies_an_anchor_on_its_own_from_its_fabric_block_without_a_node_certificate() throws Exception {
            SyntheticAnswer built = build(loan(), 4);
            var record = built.answer().items().get(0).records().get(0);

            VerifiedAnchor anchor = verifier().verifyAnchor(record.anchor(), record.anchorEvidence(), null);

            assertThat(anchor.datasetId()).isEqualTo(SOCIAL);
            assertThat(anchor.providerMspId()).isEqualTo("SocialInsuranceMSP");
            assertThat(anchor.retiring()).isFalse();
            assertThat(anchor.position().blockNumber()).isEqualTo(7);
            var otherRecord = built.answer().items().get(1).records().get(0);
            assertThatThrownBy(() -> verifier().verifyAnchor(record.anchor(), otherRecord.anchorEvidence(), null))
                    .isInstanceOfSatisfying(VerificationException.class,
                            e -> assertThat(e.failure()).isEqualTo(VerificationFailure.ANCHOR_NOT_ON_LEDGER));
        }
    }

    @Nested
    class A_forged_answer {

        @Test
        void whose_access_transaction_the_peer_marked_invalid_is_rejected() {
            SyntheticAnswer built = build(loan().accessValidationCode("MVCC_READ_CONFLICT"), 4);
            assertFails(built.answer(), built.requestHash(), VerificationFailure.TRANSACTION_INVALID);
        }

        @Test
        void endorsed_only_by_the_consumers_peer_is_rejected() {
            SyntheticAnswer built = build(loan(), 5, (suite, node, random) -> new FabricLedger(fabric, random)
                    .endorsers(fabric.peer(SyntheticFabric.BANK)));
            assertFails(built.answer(), built.requestHash(), VerificationFailure.ENDORSEMENT_POLICY_NOT_SATISFIED);
        }

        @Test
        void with_an_access_record_other_than_the_transaction_wrote_is_rejected() {
            SyntheticAnswer built = build(loan(), 6);
            assertFails(edit(built, t -> at(t, "/access/record").put("retainUntil", "2099-01-01T00:00:00Z")),
                    built.requestHash(), VerificationFailure.ACCESS_RECORD_NOT_ON_LEDGER);
        }

        @Test
        void whose_anchor_block_was_changed_is_rejected() {
            SyntheticAnswer built = build(loan(), 7);
            assertFails(edit(built, t -> {
                ObjectNode evidence = at(t, "/items/0/records/0/anchorEvidence");
                FabricEvidence fabricEvidence = (FabricEvidence) built.answer().items().get(0).records().get(0)
                        .anchorEvidence();
                FabricEvidence changed = FabricTamper.edit(fabricEvidence, block -> block.getDataBuilder().setData(0,
                        FabricTamper.flip(block.getData().getData(0), 10)));
                evidence.put("block", changed.block());
            }), built.requestHash(), VerificationFailure.BLOCK_DATA_HASH_MISMATCH);
        }

        @Test
        void proving_the_anchor_with_the_access_transaction_is_rejected() {
            SyntheticAnswer built = build(loan(), 8);
            assertFails(edit(built, t -> at(t, "/items/0/records/0")
                    .set("anchorEvidence", at(t, "/access/evidence").deepCopy())), built.requestHash(),
                    VerificationFailure.ANCHOR_NOT_ON_LEDGER);
        }

        @Test
        void is_not_accepted_by_a_verifier_that_trusts_no_fabric_channel() {
            SyntheticAnswer built = build(loan(), 9);
            assertThatThrownBy(() -> Fixtures.verifier(SUITE).verify(built.answer(), built.requestHash()))
                    .isInstanceOfSatisfying(VerificationException.class,
                            e -> assertThat(e.failure()).isEqualTo(VerificationFailure.FORMAT_UNSUPPORTED));
        }
    }
}
