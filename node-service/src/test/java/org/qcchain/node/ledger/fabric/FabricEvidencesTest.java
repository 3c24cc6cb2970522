package org.qcchain.node.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;
import org.qcchain.common.answer.FabricEvidence;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.json.Json;

class FabricEvidencesTest {

    private final TestChannel channel = new TestChannel();
    private final Envelope first = channel.endorserTransaction("BureauMSP", channel.bureauClient,
            "Organisations:init", "PlatformInitialised");
    private final Envelope second = channel.endorserTransaction("BankMSP", channel.bankClient,
            "Access:requestAccess", "AccessRecorded");
    private final Block block = TestChannel.block(TestChannel.block(null, List.of(channel.configTransaction()),
            List.of(TxValidationCode.VALID)), List.of(first, second),
            List.of(TxValidationCode.VALID, TxValidationCode.VALID));

    @Test
    void evidence_is_the_block_as_the_peer_sent_it_and_the_transaction_s_index() throws Exception {
        byte[] bytes = block.toByteArray();

        FabricEvidence evidence = FabricEvidences.of(TestChannel.CHANNEL, TestChannel.txIdOf(second), bytes);

        assertThat(evidence.ledger()).isEqualTo("fabric");
        assertThat(evidence.channel()).isEqualTo(TestChannel.CHANNEL);
        assertThat(evidence.txId()).isEqualTo(TestChannel.txIdOf(second));
        assertThat(evidence.index()).isEqualTo(1);
        assertThat(Base64.getDecoder().decode(evidence.block())).isEqualTo(bytes);
    }

    @Test
    void evidence_travels_as_json_and_reads_back_as_fabric_evidence() throws Exception {
        FabricEvidence evidence = FabricEvidences.of(TestChannel.CHANNEL, TestChannel.txIdOf(first),
                block.toByteArray());

        TransactionEvidence read = Json.parse(Json.write(evidence), TransactionEvidence.class);

        assertThat(read).isEqualTo(evidence);
        assertThat(Json.tree(Json.write(evidence)).path("ledger").asText()).isEqualTo("fabric");
    }

    @Test
    void refuses_a_block_that_does_not_hold_the_transaction() {
        String other = "0f".repeat(32);

        assertThatThrownBy(() -> FabricEvidences.of(TestChannel.CHANNEL, other, block.toByteArray()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("block 1 does not hold transaction " + other);
    }
}
