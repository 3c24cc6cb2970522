package org.qcchain.node.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.qcchain.common.json.Json;

/** Reading Fabric blocks: transactions and their codes, the block as JSON, a transaction's details. */
class BlockReadingTest {

    static TestChannel channel;
    static Block genesis;
    static Envelope anchor;
    static Envelope request;
    static Block block1;

    @BeforeAll
    static void blocks() {
        channel = new TestChannel();
        genesis = TestChannel.block(null, List.of(channel.configTransaction()), List.of(TxValidationCode.VALID));
        anchor = channel.endorserTransaction("BureauMSP", channel.bureauClient, "Anchors:anchorBatch", "BatchAnchored");
        request = channel.endorserTransaction("BankMSP", channel.bankClient, "Access:requestAccess", "AccessRecorded");
        block1 = TestChannel.block(genesis, List.of(anchor, request),
                List.of(TxValidationCode.VALID, TxValidationCode.MVCC_READ_CONFLICT));
    }

    @Nested
    class Transactions {

        @Test
        void finds_a_transaction_by_its_channel_header_id_at_its_index() throws Exception {
            TransactionSummary found = BlockTransactions.find(block1, TestChannel.txIdOf(request)).orElseThrow();

            assertThat(found.index()).isEqualTo(1);
            assertThat(found.type()).isEqualTo("ENDORSER_TRANSACTION");
            assertThat(found.validationCode()).isEqualTo("MVCC_READ_CONFLICT");
            assertThat(found.isValid()).isFalse();
        }

        @Test
        void a_transaction_the_block_does_not_hold_is_not_found() {
            assertThat(BlockTransactions.find(block1, "ab".repeat(32))).isEmpty();
        }

        @Test
        void lists_every_envelope_with_the_peer_s_validation_code() throws Exception {
            assertThat(BlockTransactions.of(block1)).containsExactly(
                    new TransactionSummary(0, TestChannel.txIdOf(anchor), "ENDORSER_TRANSACTION", "VALID"),
                    new TransactionSummary(1, TestChannel.txIdOf(request), "ENDORSER_TRANSACTION",
                            "MVCC_READ_CONFLICT"));
            assertThat(BlockTransactions.of(genesis)).extracting(TransactionSummary::type).containsExactly("CONFIG");
        }

        @Test
        void names_validation_codes_and_says_when_the_block_carries_none() {
            Block uncommitted = block1.toBuilder().setMetadata(BlockMetadata.getDefaultInstance()).build();

            assertThat(BlockTransactions.codeName(0)).isEqualTo("VALID");
            assertThat(BlockTransactions.codeName(10)).isEqualTo("ENDORSEMENT_POLICY_FAILURE");
            assertThat(BlockTransactions.codeName(11)).isEqualTo("MVCC_READ_CONFLICT");
            assertThat(BlockTransactions.codeName(12)).isEqualTo("PHANTOM_READ_CONFLICT");
            assertThat(BlockTransactions.codeName(200)).isEqualTo("CODE_200");
            assertThat(BlockTransactions.validationCode(uncommitted, 0)).isEqualTo("NOT_VALIDATED");
        }

        @Test
        void lists_an_envelope_that_does_not_parse_without_shifting_the_others() throws Exception {
            Block odd = block1.toBuilder().setData(block1.getData().toBuilder()
                    .setData(0, ByteString.copyFrom(new byte[] {(byte) 0xff, 0x01}))).build();

            List<TransactionSummary> all = BlockTransactions.of(odd);

            assertThat(all.get(0).type()).isEqualTo(BlockTransactions.UNREADABLE);
            assertThat(all.get(0).txId()).isEmpty();
            assertThat(all.get(1).txId()).isEqualTo(TestChannel.txIdOf(request));
        }
    }

    @Nested
    class BlockAsJson {

        @Test
        void shows_number_hashes_transactions_and_the_raw_block() throws Exception {
            HexFormat hex = HexFormat.of();
            JsonNode json = Json.tree(Json.write(BlockJson.of(block1)));

            assertThat(json.path("ledger").asText()).isEqualTo("fabric");
            assertThat(json.path("number").asLong()).isEqualTo(1);
            assertThat(json.path("hash").asText()).isEqualTo(hex.formatHex(BlockHashes.headerHash(block1.getHeader())));
            assertThat(json.path("previousHash").asText())
                    .isEqualTo(hex.formatHex(BlockHashes.headerHash(genesis.getHeader())));
            assertThat(json.path("dataHash").asText()).isEqualTo(hex.formatHex(block1.getHeader().getDataHash()
                    .toByteArray()));
            assertThat(json.path("transactions")).hasSize(2);
            JsonNode second = json.path("transactions").get(1);
            assertThat(second.path("txId").asText()).isEqualTo(TestChannel.txIdOf(request));
            assertThat(second.path("index").asInt()).isEqualTo(1);
            assertThat(second.path("validationCode").asText()).isEqualTo("MVCC_READ_CONFLICT");
            assertThat(second.path("type").asText()).isEqualTo("ENDORSER_TRANSACTION");
            assertThat(Block.parseFrom(Base64.getDecoder().decode(json.path("block").asText()))).isEqualTo(block1);
        }

        @Test
        void the_genesis_block_has_an_empty_previous_hash() {
            assertThat(BlockJson.of(genesis).path("previousHash").asText()).isEmpty();
        }
    }

    @Nested
    class EnvelopeReading {

        @Test
        void reads_creator_chaincode_function_response_and_event() {
            ObjectNode node = Json.mapper().createObjectNode();

            EnvelopeDetails.describe(request, node);

            assertThat(node.path("channel").asText()).isEqualTo(TestChannel.CHANNEL);
            assertThat(node.path("creatorMspId").asText()).isEqualTo("BankMSP");
            assertThat(node.path("chaincode").asText()).isEqualTo(TestChannel.CHAINCODE);
            assertThat(node.path("function").asText()).isEqualTo("Access:requestAccess");
            assertThat(node.path("status").asInt()).isEqualTo(200);
            assertThat(node.path("endorsements").asInt()).isEqualTo(1);
            assertThat(node.path("event").asText()).isEqualTo("AccessRecorded");
            assertThat(node.path("timestamp").asText()).isEqualTo("2026-01-01T00:00:00Z");
        }

        @Test
        void reads_a_config_envelope_without_chaincode_details() {
            ObjectNode node = Json.mapper().createObjectNode();

            EnvelopeDetails.describe(channel.configTransaction(), node);

            assertThat(node.path("creatorMspId").asText()).isEqualTo("BureauMSP");
            assertThat(node.has("chaincode")).isFalse();
        }
    }
}
