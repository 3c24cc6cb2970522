package org.qcchain.sdk.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;
import org.qcchain.sdk.examples.synthetic.FabricLedger;
import org.qcchain.sdk.examples.synthetic.SyntheticFabric;
import org.qcchain.sdk.examples.synthetic.SyntheticNetwork;

/**
 * An auditor checks a stretch of a Fabric channel's chain as a node serves it ({@code {ledger:
 * "fabric", number, hash, previousHash, dataHash, transactions, block}}) from the block bytes and
 * the channel's trust, and learns the first bad block.
 */
class FabricChainVerifierTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Instant CUT = SyntheticNetwork.EPOCH.minusSeconds(600);

    private final SyntheticFabric fabric = Fixtures.fabric();

    /** Three blocks of a channel, from block 7, each with two transactions. */
    private List<Block> blocks() {
        FabricLedger ledger = new FabricLedger(fabric, new Random(21));
        for (int i = 0; i < 3; i++) {
            ledger.addFiller();
            ledger.addFiller();
            ledger.cut(List.of("VALID", "MVCC_READ_CONFLICT"), CUT.plusSeconds(i));
        }
        return ledger.fabricBlocks();
    }

    /** The node's JSON of a block (docs/fabric.md, "Blocks and transactions"). */
    static ObjectNode served(Block block) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("ledger", "fabric").put("number", block.getHeader().getNumber())
                .put("hash", HEX.formatHex(FabricLedger.sha256(FabricLedger.headerBytes(block.getHeader()))))
                .put("previousHash", HEX.formatHex(block.getHeader().getPreviousHash().toByteArray()))
                .put("dataHash", HEX.formatHex(block.getHeader().getDataHash().toByteArray()));
        ArrayNode transactions = node.putArray("transactions");
        byte[] filter = block.getMetadata().getMetadata(2).toByteArray();
        for (int i = 0; i < block.getData().getDataCount(); i++) {
            ChannelHeader header = channelHeader(block.getData().getData(i));
            transactions.addObject().put("txId", header.getTxId()).put("index", i)
                    .put("validationCode", TxValidationCode.forNumber(filter[i]).name())
                    .put("type", "ENDORSER_TRANSACTION");
        }
        node.put("block", Base64.getEncoder().encodeToString(block.toByteArray()));
        return node;
    }

    private static ChannelHeader channelHeader(ByteString envelope) {
        try {
            return ChannelHeader.parseFrom(Payload.parseFrom(Envelope.parseFrom(envelope).getPayload()).getHeader()
                    .getChannelHeader());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> served(List<Block> blocks) {
        List<JsonNode> served = new ArrayList<>();
        blocks.forEach(block -> served.add(served(block)));
        return served;
    }

    private static String previousOf(Block first) {
        return HEX.formatHex(first.getHeader().getPreviousHash().toByteArray());
    }

    private ChainVerifier verifier() {
        return ChainVerifier.create(fabric.trustAnchors(), CryptoSuite.P256_SHA256);
    }

    private void assertBroken(ChainVerifier verifier, List<JsonNode> blocks, String previous, long block,
            VerificationFailure failure) {
        assertThatThrownBy(() -> verifier.verify(blocks, previous, null))
                .isInstanceOfSatisfying(ChainVerificationException.class, e -> {
                    assertThat(e.blockNumber()).isEqualTo(block);
                    assertThat(e.failure()).isEqualTo(failure);
                });
    }

    @Test
    void an_untouched_stretch_verifies_and_reports_the_last_der_header_hash() throws Exception {
        List<Block> blocks = blocks();

        ChainReport report = verifier().verify(served(blocks), previousOf(blocks.get(0)), null);

        assertThat(report.firstBlock()).isEqualTo(7);
        assertThat(report.lastBlock()).isEqualTo(9);
        assertThat(report.lastHash()).isEqualTo(served(blocks.get(2)).get("hash").asText());
        assertThat(report.transactions()).isEqualTo(6);
    }

    @Test
    void a_block_left_out_breaks_the_previous_hash_link() {
        List<Block> blocks = new ArrayList<>(blocks());
        Block last = blocks.remove(2);
        blocks.set(1, last);

        assertBroken(verifier(), served(blocks), previousOf(blocks.get(0)), 8,
                VerificationFailure.BLOCK_HASH_LINK_BROKEN);
    }

    @Test
    void a_stretch_that_does_not_extend_the_hash_kept_is_refused_at_its_first_block() {
        assertBroken(verifier(), served(blocks()), "11".repeat(32), 7, VerificationFailure.BLOCK_HASH_LINK_BROKEN);
    }

    @Test
    void a_changed_envelope_is_found_by_the_data_hash() {
        List<Block> blocks = new ArrayList<>(blocks());
        Block changed = blocks.get(1).toBuilder().setData(blocks.get(1).getData().toBuilder()
                .setData(0, blocks.get(2).getData().getData(0))).build();
        blocks.set(1, changed);

        assertBroken(verifier(), served(blocks), previousOf(blocks.get(0)), 8,
                VerificationFailure.BLOCK_DATA_HASH_MISMATCH);
    }

    @Test
    void a_block_sealed_by_a_peer_instead_of_the_orderer_is_refused() {
        List<Block> blocks = new ArrayList<>(blocks());
        blocks.set(2, FabricLedger.seal(blocks.get(2).toBuilder(), fabric.peer(SyntheticFabric.BUREAU), false,
                new Random(1)));

        assertBroken(verifier(), served(blocks), previousOf(blocks.get(0)), 9,
                VerificationFailure.ORDERER_SIGNATURE_INVALID);
    }

    @Test
    void a_served_summary_or_hash_other_than_the_block_s_own_is_refused() {
        List<Block> blocks = blocks();
        List<JsonNode> codeChanged = served(blocks);
        ((ObjectNode) codeChanged.get(1).get("transactions").get(1)).put("validationCode", "VALID");
        List<JsonNode> hashChanged = served(blocks);
        ((ObjectNode) hashChanged.get(2)).put("hash", "22".repeat(32));

        assertBroken(verifier(), codeChanged, previousOf(blocks.get(0)), 8,
                VerificationFailure.BLOCK_TRANSACTIONS_ROOT_MISMATCH);
        assertBroken(verifier(), hashChanged, previousOf(blocks.get(0)), 9, VerificationFailure.BLOCK_HASH_LINK_BROKEN);
    }

    @Test
    void anchors_without_a_channel_refuse_fabric_blocks_as_unsupported() {
        List<Block> blocks = blocks();
        ChainVerifier embeddedOnly = ChainVerifier.create(Fixtures.network(CryptoSuite.P256_SHA256).trustAnchors(),
                CryptoSuite.P256_SHA256);

        assertBroken(embeddedOnly, served(blocks), previousOf(blocks.get(0)), 7,
                VerificationFailure.FORMAT_UNSUPPORTED);
    }

    @Test
    void a_stretch_said_to_start_at_block_0_must_start_there() {
        assertThatThrownBy(() -> verifier().verify(served(blocks())))
                .isInstanceOfSatisfying(ChainVerificationException.class,
                        e -> assertThat(e.failure()).isEqualTo(VerificationFailure.MALFORMED));
    }
}
