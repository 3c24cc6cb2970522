package org.qcchain.sdk.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qcchain.sdk.examples.synthetic.SyntheticFabric.BANK;
import static org.qcchain.sdk.examples.synthetic.SyntheticFabric.BUREAU;
import static org.qcchain.sdk.examples.synthetic.SyntheticFabric.SOCIAL;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.MetadataSignature;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.qcchain.common.answer.FabricEvidence;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.crypto.CertificateAuthority;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.sdk.examples.synthetic.FabricLedger;
import org.qcchain.sdk.examples.synthetic.FabricMember;
import org.qcchain.sdk.examples.synthetic.SyntheticFabric;
import org.qcchain.sdk.examples.synthetic.SyntheticNetwork;

/**
 * Fabric evidence (docs/proof-format.md section 11): a transaction in a real Fabric-shaped block
 * verifies from the trust anchors alone, and every forgery fails with its own reason.
 */
class FabricEvidenceTest {

    private static final byte[] RECORD = "{\"accessId\":\"a\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant CUT = SyntheticNetwork.EPOCH.minusSeconds(60);

    private final SyntheticFabric fabric = Fixtures.fabric();
    private final CertificateAuthority rogueCa = CertificateAuthority.createRoot(CryptoSuite.P256_SHA256,
            "CN=ca.rogue,O=Rogue,C=CN", SyntheticNetwork.EPOCH.minus(Duration.ofDays(2)), Duration.ofDays(3650));

    /** A block of three transactions whose middle one is the access transaction. */
    private FabricEvidence build(FabricLedger ledger, String code, int status) {
        ledger.addFiller();
        String txId = ledger.newTxId();
        ledger.add(txId, status, RECORD, AccessCheck.EVENT);
        ledger.addFiller();
        List<TransactionEvidence> block = ledger.cut(List.of("VALID", code, "VALID"), CUT);
        return (FabricEvidence) block.get(1);
    }

    private FabricLedger ledger() {
        return new FabricLedger(fabric, new Random(7));
    }

    private FabricEvidence honest() {
        return build(ledger(), "VALID", 200);
    }

    private static TransactionCheck check(TrustAnchors anchors) {
        return new TransactionCheck(new Signers(CryptoSuite.P256_SHA256, 0, 0), anchors);
    }

    private TransactionCheck.Checked verify(FabricEvidence evidence) throws VerificationException {
        return check(fabric.trustAnchors()).check(evidence, null, "evidence");
    }

    private void assertFails(FabricEvidence evidence, VerificationFailure failure) {
        assertFails(fabric.trustAnchors(), evidence, failure);
    }

    private static void assertFails(TrustAnchors anchors, FabricEvidence evidence, VerificationFailure failure) {
        assertThatThrownBy(() -> check(anchors).check(evidence, null, "evidence"))
                .isInstanceOfSatisfying(VerificationException.class, e -> assertThat(e.failure()).isEqualTo(failure))
                .hasMessageStartingWith(failure.name() + ": ");
    }

    @Nested
    class Honest_evidence {

        @Test
        void verifies_and_gives_what_the_embedded_check_gives() throws Exception {
            FabricEvidence evidence = honest();

            TransactionCheck.Checked checked = verify(evidence);

            var block = FabricTamper.block(evidence);
            assertThat(checked.position().txId()).isEqualTo(evidence.txId());
            assertThat(checked.position().blockNumber()).isEqualTo(block.getHeader().getNumber());
            assertThat(checked.position().index()).isEqualTo(1);
            assertThat(checked.position().blockHash()).isEqualTo(
                    HexFormat.of().formatHex(FabricLedger.sha256(FabricLedger.headerBytes(block.getHeader()))));
            assertThat(checked.payload()).isEqualTo(RECORD);
            assertThat(checked.eventName()).isEqualTo(AccessCheck.EVENT);
        }

        @Test
        void verifies_with_two_endorsing_organisations_when_two_are_needed() throws Exception {
            FabricEvidence evidence = build(ledger().endorsers(fabric.peer(BUREAU), fabric.peer(SOCIAL)), "VALID", 200);
            TrustAnchors twoOfTwo = fabric.trustAnchors(FabricTrust.builder().channel(SyntheticFabric.CHANNEL)
                    .ordererOrganisations(BUREAU).endorsingOrganisations(BUREAU, SOCIAL).minimumEndorsements(2).build());

            check(twoOfTwo).check(evidence, null, "evidence");
        }

        @Test
        void verifies_when_a_further_orderer_signature_is_bad_as_fabric_ignores_it() throws Exception {
            FabricEvidence evidence = FabricTamper.edit(honest(), block -> {
                try {
                    Metadata signatures = Metadata.parseFrom(block.getMetadata().getMetadata(0));
                    MetadataSignature extra = signatures.getSignatures(0).toBuilder()
                            .setSignature(FabricTamper.flip(signatures.getSignatures(0).getSignature(), 5)).build();
                    block.getMetadataBuilder().setMetadata(0, signatures.toBuilder().addSignatures(0, extra).build()
                            .toByteString());
                } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                    throw new IllegalStateException(e);
                }
            });

            verify(evidence);
        }
    }

    @Nested
    class The_block {

        @Test
        void with_a_changed_payload_byte_fails_its_data_hash() {
            FabricEvidence evidence = honest();
            assertFails(FabricTamper.edit(evidence, FabricTamper.envelope(evidence,
                    FabricTamper.responsePayload("{\"accessId\":\"b\"}".getBytes(StandardCharsets.UTF_8), null))),
                    VerificationFailure.BLOCK_DATA_HASH_MISMATCH);
        }

        @Test
        void whose_header_names_other_envelopes_fails_its_data_hash_even_signed_by_the_orderer() {
            FabricEvidence evidence = honest();
            assertFails(FabricTamper.edit(evidence, block -> {
                block.getHeaderBuilder().setDataHash(ByteString.copyFrom(new byte[32]));
                FabricLedger.seal(block, fabric.orderer(), false, new Random(1));
            }), VerificationFailure.BLOCK_DATA_HASH_MISMATCH);
        }

        @Test
        void changed_with_its_data_hash_recomputed_fails_the_orderer_signature() {
            FabricEvidence evidence = honest();
            assertFails(FabricTamper.edit(evidence, block -> {
                FabricTamper.envelope(evidence, FabricTamper.responsePayload(new byte[] {'x'}, fabric.client()))
                        .accept(block);
                byte[][] envelopes = block.getData().getDataList().stream().map(ByteString::toByteArray)
                        .toArray(byte[][]::new);
                block.getHeaderBuilder().setDataHash(ByteString.copyFrom(FabricLedger.sha256(envelopes)));
            }), VerificationFailure.ORDERER_SIGNATURE_INVALID);
        }

        @Test
        void signed_again_by_an_orderer_of_an_untrusted_ca_is_rejected() {
            FabricMember rogue = SyntheticFabric.member(rogueCa, BUREAU, "orderer0.rogue", "orderer");
            assertFails(FabricTamper.reseal(honest(), rogue, block -> block.getHeaderBuilder().setNumber(99)),
                    VerificationFailure.ORDERER_SIGNATURE_INVALID);
        }

        @Test
        void signed_by_a_peer_of_the_orderer_organisation_is_rejected() {
            assertFails(FabricTamper.reseal(honest(), fabric.peer(BUREAU), block -> { }),
                    VerificationFailure.ORDERER_SIGNATURE_INVALID);
        }

        @Test
        void signed_by_an_orderer_node_of_another_organisation_is_rejected() {
            FabricMember bankOrderer = fabric.member(BANK, "orderer0.bank", "orderer");
            assertFails(FabricTamper.reseal(honest(), bankOrderer, block -> { }),
                    VerificationFailure.ORDERER_SIGNATURE_INVALID);
        }

        @Test
        void signed_only_by_consenter_id_cannot_be_resolved_and_is_rejected() {
            FabricEvidence evidence = FabricTamper.edit(honest(), block -> block.getMetadataBuilder().setMetadata(0,
                    Metadata.newBuilder().addSignatures(MetadataSignature.newBuilder()
                            .setIdentifierHeader(ByteString.copyFrom(new byte[] {8, 1}))
                            .setSignature(ByteString.copyFrom(new byte[70]))).build().toByteString()));

            assertThatThrownBy(() -> verify(evidence)).isInstanceOf(VerificationException.class)
                    .hasMessageStartingWith("ORDERER_SIGNATURE_INVALID: ").hasMessageContaining("consenter id");
        }

        @Test
        void truncated_is_malformed() {
            FabricEvidence evidence = honest();
            byte[] block = FabricTamper.block(evidence).toByteArray();
            assertFails(FabricTamper.withBlock(evidence, Arrays.copyOf(block, block.length - 40)),
                    VerificationFailure.MALFORMED);
        }

        @Test
        void that_is_not_base64_is_malformed() {
            FabricEvidence evidence = honest();
            assertFails(new FabricEvidence("fabric", evidence.channel(), evidence.txId(), 1, "not base64!"),
                    VerificationFailure.MALFORMED);
        }
    }

    @Nested
    class The_transaction {

        @Test
        void named_at_the_index_of_another_transaction_is_not_included() {
            FabricEvidence evidence = honest();
            assertFails(new FabricEvidence("fabric", evidence.channel(), evidence.txId(), 0, evidence.block()),
                    VerificationFailure.BLOCK_TRANSACTION_NOT_INCLUDED);
        }

        @Test
        void at_an_index_beyond_the_block_is_not_included() {
            FabricEvidence evidence = honest();
            assertFails(new FabricEvidence("fabric", evidence.channel(), evidence.txId(), 3, evidence.block()),
                    VerificationFailure.BLOCK_TRANSACTION_NOT_INCLUDED);
        }

        @Test
        void of_another_channel_than_the_trusted_one_is_rejected() {
            FabricEvidence evidence = honest();
            assertFails(new FabricEvidence("fabric", "otherchannel", evidence.txId(), 1, evidence.block()),
                    VerificationFailure.CHANNEL_MISMATCH);
        }

        @Test
        void whose_envelope_names_another_channel_is_rejected() {
            assertFails(build(ledger().channel("otherchannel"), "VALID", 200), VerificationFailure.CHANNEL_MISMATCH);
        }

        @Test
        void of_another_chaincode_is_rejected() {
            assertFails(build(ledger().chaincode("lookalike"), "VALID", 200), VerificationFailure.CHAINCODE_MISMATCH);
        }

        @Test
        void whose_creator_signature_is_broken_is_rejected_even_in_a_block_the_orderer_signed() {
            FabricEvidence evidence = honest();
            assertFails(FabricTamper.reseal(evidence, fabric.orderer(), FabricTamper.envelope(evidence,
                    envelope -> envelope.toBuilder().setSignature(FabricTamper.flip(envelope.getSignature(), 3))
                            .build())), VerificationFailure.CREATOR_SIGNATURE_INVALID);
        }

        @Test
        void with_a_changed_response_in_a_block_the_orderer_signed_fails_the_creator_signature() {
            FabricEvidence evidence = honest();
            assertFails(FabricTamper.reseal(evidence, fabric.orderer(), FabricTamper.envelope(evidence,
                    FabricTamper.responsePayload("{\"accessId\":\"b\"}".getBytes(StandardCharsets.UTF_8), null))),
                    VerificationFailure.CREATOR_SIGNATURE_INVALID);
        }

        @Test
        void created_by_a_member_of_an_untrusted_ca_is_rejected() {
            FabricMember rogue = SyntheticFabric.member(rogueCa, BUREAU, "client.rogue", "client");
            assertFails(build(ledger().creator(rogue), "VALID", 200), VerificationFailure.CREATOR_SIGNATURE_INVALID);
        }

        @Test
        void marked_mvcc_read_conflict_by_the_committing_peer_is_invalid() {
            assertThatThrownBy(() -> verify(build(ledger(), "MVCC_READ_CONFLICT", 200)))
                    .isInstanceOf(VerificationException.class)
                    .hasMessageStartingWith("TRANSACTION_INVALID: ").hasMessageContaining("MVCC_READ_CONFLICT");
        }

        @Test
        void whose_chaincode_answered_500_is_invalid() {
            assertFails(build(ledger(), "VALID", 500), VerificationFailure.TRANSACTION_INVALID);
        }
    }

    @Nested
    class The_endorsements {

        @Test
        void by_a_peer_of_an_organisation_nobody_trusts_are_rejected() {
            FabricMember rogue = SyntheticFabric.member(rogueCa, "RogueMSP", "peer0.rogue", "peer");
            assertFails(build(ledger().endorsers(fabric.peer(BUREAU), rogue), "VALID", 200),
                    VerificationFailure.ENDORSER_UNTRUSTED);
        }

        @Test
        void by_a_peer_claiming_a_trusted_organisation_with_a_rogue_certificate_are_rejected() {
            FabricMember impostor = SyntheticFabric.member(rogueCa, SOCIAL, "peer0.social", "peer");
            assertFails(build(ledger().endorsers(impostor), "VALID", 200), VerificationFailure.ENDORSER_UNTRUSTED);
        }

        @Test
        void by_a_client_instead_of_a_peer_are_rejected() {
            assertFails(build(ledger().endorsers(fabric.client()), "VALID", 200), VerificationFailure.ENDORSER_UNTRUSTED);
        }

        @Test
        void with_a_broken_signature_are_rejected_even_when_creator_and_orderer_collude() {
            FabricEvidence evidence = honest();
            assertFails(FabricTamper.reseal(evidence, fabric.orderer(), FabricTamper.envelope(evidence,
                    FabricTamper.endorsementSignatureBroken(fabric.client()))),
                    VerificationFailure.ENDORSEMENT_SIGNATURE_INVALID);
        }

        @Test
        void only_by_an_organisation_that_may_not_endorse_do_not_satisfy_the_rule() {
            assertFails(build(ledger().endorsers(fabric.peer(BANK)), "VALID", 200),
                    VerificationFailure.ENDORSEMENT_POLICY_NOT_SATISFIED);
        }

        @Test
        void of_one_organisation_twice_do_not_count_as_two() {
            FabricEvidence evidence = build(ledger().endorsers(fabric.peer(BUREAU), fabric.peer(BUREAU)), "VALID", 200);
            TrustAnchors twoOfTwo = fabric.trustAnchors(FabricTrust.builder().channel(SyntheticFabric.CHANNEL)
                    .ordererOrganisations(BUREAU).endorsingOrganisations(BUREAU, SOCIAL).minimumEndorsements(2).build());

            assertFails(twoOfTwo, evidence, VerificationFailure.ENDORSEMENT_POLICY_NOT_SATISFIED);
        }

        @Test
        void that_are_absent_do_not_satisfy_the_rule() {
            assertFails(build(ledger().endorsers(), "VALID", 200), VerificationFailure.ENDORSEMENT_POLICY_NOT_SATISFIED);
        }
    }

    @Nested
    class The_verifier {

        @Test
        void without_fabric_trust_refuses_fabric_evidence() {
            assertFails(Fixtures.network(CryptoSuite.P256_SHA256).trustAnchors(), honest(),
                    VerificationFailure.FORMAT_UNSUPPORTED);
        }

        @Test
        void of_another_suite_refuses_fabric_evidence() {
            FabricEvidence evidence = honest();
            assertThatThrownBy(() -> new TransactionCheck(new Signers(CryptoSuite.SM2_SM3, 0, 0), fabric.trustAnchors())
                    .check(evidence, null, "evidence"))
                    .isInstanceOfSatisfying(VerificationException.class,
                            e -> assertThat(e.failure()).isEqualTo(VerificationFailure.SUITE_MISMATCH));
        }

        @Test
        void with_warm_caches_still_rejects_every_forgery() throws Exception {
            FabricEvidence evidence = honest();
            TransactionCheck warm = new TransactionCheck(new Signers(CryptoSuite.P256_SHA256, 100, 100),
                    fabric.trustAnchors());
            warm.check(evidence, null, "evidence");
            FabricEvidence forged = FabricTamper.reseal(evidence, fabric.orderer(), FabricTamper.envelope(evidence,
                    FabricTamper.endorsementSignatureBroken(fabric.client())));
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> warm.check(forged, null, "evidence"))
                        .isInstanceOfSatisfying(VerificationException.class, e -> assertThat(e.failure())
                                .isEqualTo(VerificationFailure.ENDORSEMENT_SIGNATURE_INVALID));
            }
            warm.check(evidence, null, "evidence");
        }
    }
}
