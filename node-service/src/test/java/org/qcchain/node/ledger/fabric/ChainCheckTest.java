package org.qcchain.node.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** verify() on Fabric: the hash chain and data hashes of the blocks the peer serves. */
class ChainCheckTest {

    private final TestChannel channel = new TestChannel();
    private final List<Block> chain = new ArrayList<>();

    @BeforeEach
    void threeBlocks() {
        Block genesis = TestChannel.block(null, List.of(channel.configTransaction()), List.of(TxValidationCode.VALID));
        Block one = TestChannel.block(genesis, List.of(
                channel.endorserTransaction("BureauMSP", channel.bureauClient, "Organisations:init", "PlatformInitialised"),
                channel.endorserTransaction("BankMSP", channel.bankClient, "Access:requestAccess", "AccessRecorded")),
                List.of(TxValidationCode.VALID, TxValidationCode.MVCC_READ_CONFLICT));
        Block two = TestChannel.block(one, List.of(
                channel.endorserTransaction("BankMSP", channel.bankClient, "Access:requestAccess", "AccessRecorded")),
                List.of(TxValidationCode.VALID));
        chain.addAll(List.of(genesis, one, two));
    }

    @Test
    void an_untouched_chain_is_intact_with_its_transactions_counted() {
        List<long[]> progress = new ArrayList<>();

        JsonNode report = check((verified, height) -> progress.add(new long[] {verified, height}));

        assertThat(report.path("intact").asBoolean()).isTrue();
        assertThat(report.path("height").asLong()).isEqualTo(3);
        assertThat(report.path("transactions").asLong()).isEqualTo(4);
        assertThat(report.path("validTransactions").asLong()).isEqualTo(3);
        assertThat(report.path("checked").asText()).contains("previous-hash chain", "not signatures");
        assertThat(progress).last().satisfies(last -> assertThat(last).containsExactly(3, 3));
    }

    @Test
    void an_edited_envelope_breaks_its_block_s_data_hash() {
        Block one = chain.get(1);
        chain.set(1, one.toBuilder().setData(one.getData().toBuilder()
                .setData(1, one.getData().getData(1).concat(ByteString.copyFromUtf8("x")))).build());

        JsonNode report = check((verified, height) -> { });

        assertThat(report.path("intact").asBoolean()).isFalse();
        assertThat(report.path("block").asLong()).isEqualTo(1);
        assertThat(report.path("problem").asText()).contains("data hash");
    }

    @Test
    void a_rewritten_block_whose_own_hashes_agree_breaks_the_next_block_s_link() {
        Block one = chain.get(1);
        Block rewritten = TestChannel.block(chain.get(0), List.of(
                channel.endorserTransaction("BankMSP", channel.bankClient, "Access:requestAccess", "AccessRecorded")),
                List.of(TxValidationCode.VALID));
        assertThat(rewritten.getHeader().getNumber()).isEqualTo(one.getHeader().getNumber());
        chain.set(1, rewritten);

        JsonNode report = check((verified, height) -> { });

        assertThat(report.path("intact").asBoolean()).isFalse();
        assertThat(report.path("block").asLong()).isEqualTo(2);
        assertThat(report.path("problem").asText()).contains("previous hash", "header hash of block 1");
    }

    @Test
    void a_block_served_under_another_number_is_reported() {
        chain.set(2, chain.get(1));

        JsonNode report = check((verified, height) -> { });

        assertThat(report.path("block").asLong()).isEqualTo(2);
        assertThat(report.path("problem").asText()).contains("says it is number 1");
    }

    @Test
    void a_chain_info_hash_other_than_the_last_block_s_is_reported() {
        JsonNode report = ChainCheck.run(number -> chain.get((int) number), 3, new byte[32], (verified, height) -> { });

        assertThat(report.path("intact").asBoolean()).isFalse();
        assertThat(report.path("block").asLong()).isEqualTo(2);
        assertThat(report.path("problem").asText()).contains("chain info");
    }

    private JsonNode check(org.qcchain.node.ledger.VerifyProgress progress) {
        byte[] last = BlockHashes.headerHash(chain.get(chain.size() - 1).getHeader());
        return ChainCheck.run(number -> chain.get((int) number), chain.size(), last, progress);
    }
}
