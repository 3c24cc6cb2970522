package org.qcchain.sdk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.peer.ChaincodeInput;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeSpec;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.junit.jupiter.api.Test;
import org.qcchain.common.fabric.ProtoFormatException;

/** The function, id and time of a stored proposal, read from Fabric's own encoding; bad bytes refused. */
class ProposalViewTest {

    static final String TX_ID = "7e".repeat(32);
    static final Instant AT = Instant.parse("2026-03-02T09:00:01.250Z");

    private static Proposal proposal(ChaincodeInput input) {
        ChannelHeader channel = ChannelHeader.newBuilder().setType(3).setChannelId("qcchain").setTxId(TX_ID)
                .setTimestamp(Timestamp.newBuilder().setSeconds(AT.getEpochSecond()).setNanos(AT.getNano())).build();
        ChaincodeInvocationSpec invocation = ChaincodeInvocationSpec.newBuilder()
                .setChaincodeSpec(ChaincodeSpec.newBuilder().setInput(input)).build();
        return Proposal.newBuilder()
                .setHeader(Header.newBuilder().setChannelHeader(channel.toByteString()).build().toByteString())
                .setPayload(ChaincodeProposalPayload.newBuilder().setInput(invocation.toByteString()).build()
                        .toByteString())
                .build();
    }

    @Test
    void the_function_id_and_time_are_read_from_fabric_s_encoding() throws Exception {
        ProposalView view = ProposalView.read(proposal(ChaincodeInput.newBuilder()
                .addArgs(ByteString.copyFromUtf8("Access:requestAccess")).addArgs(ByteString.copyFromUtf8("{}"))
                .build()).toByteArray());

        assertThat(view).isEqualTo(new ProposalView(TX_ID, AT, "Access:requestAccess"));
    }

    @Test
    void a_proposal_read_two_ways_or_without_a_function_is_refused() {
        byte[] once = proposal(ChaincodeInput.newBuilder().addArgs(ByteString.copyFromUtf8("Access:requestAccess"))
                .build()).toByteArray();
        byte[] twice = new byte[once.length * 2];
        System.arraycopy(once, 0, twice, 0, once.length);
        System.arraycopy(once, 0, twice, once.length, once.length);

        assertThatThrownBy(() -> ProposalView.read(twice)).isInstanceOf(ProtoFormatException.class)
                .hasMessageContaining("occurs twice");
        assertThatThrownBy(() -> ProposalView.read(proposal(ChaincodeInput.getDefaultInstance()).toByteArray()))
                .isInstanceOf(ProtoFormatException.class).hasMessageContaining("no function");
        assertThatThrownBy(() -> ProposalView.read(new byte[] {(byte) 0x0a, 0x05, 0x01}))
                .isInstanceOf(ProtoFormatException.class);
    }
}
