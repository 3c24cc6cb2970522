package org.qcchain.common.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every view reads what Fabric's generated classes write, over random field values (fixed seeds):
 * unknown fields are skipped, truncated or ambiguous input is rejected.
 */
class FabricMessagesTest {

    private static final int RUNS = 40;

    private final Random random = new Random(20260302L);

    private ByteString bytes(int max) {
        byte[] bytes = new byte[random.nextInt(max + 1)];
        random.nextBytes(bytes);
        return ByteString.copyFrom(bytes);
    }

    private String text() {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(4) == 0 ? (char) ('一' + random.nextInt(500)) : (char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private static byte[] b(ByteString bytes) {
        return bytes.toByteArray();
    }

    private org.hyperledger.fabric.protos.common.Block randomBlock() {
        var data = BlockData.newBuilder();
        int envelopes = random.nextInt(4);
        for (int i = 0; i < envelopes; i++) {
            data.addData(bytes(40));
        }
        var metadata = BlockMetadata.newBuilder();
        for (int i = 0; i < 5; i++) {
            metadata.addMetadata(bytes(20));
        }
        return org.hyperledger.fabric.protos.common.Block.newBuilder()
                .setHeader(org.hyperledger.fabric.protos.common.BlockHeader.newBuilder().setNumber(random.nextLong())
                        .setPreviousHash(bytes(32)).setDataHash(bytes(32)))
                .setData(data).setMetadata(metadata).build();
    }

    @Nested
    class Round_trips {

        @Test
        void block_header_data_and_metadata() throws Exception {
            for (int run = 0; run < RUNS; run++) {
                var proto = randomBlock();

                Block block = Block.parse(proto.toByteArray());

                assertThat(block.header().number()).isEqualTo(proto.getHeader().getNumber());
                assertThat(block.header().previousHash()).isEqualTo(b(proto.getHeader().getPreviousHash()));
                assertThat(block.header().dataHash()).isEqualTo(b(proto.getHeader().getDataHash()));
                assertThat(block.data()).hasSize(proto.getData().getDataCount());
                for (int i = 0; i < block.data().size(); i++) {
                    assertThat(block.data().get(i)).isEqualTo(b(proto.getData().getData(i)));
                }
                assertThat(block.metadata()).hasSize(5);
                assertThat(block.metadata().get(2)).isEqualTo(b(proto.getMetadata().getMetadata(2)));
            }
        }

        @Test
        void metadata_and_its_signatures() throws Exception {
            for (int run = 0; run < RUNS; run++) {
                var proto = org.hyperledger.fabric.protos.common.Metadata.newBuilder().setValue(bytes(30))
                        .addSignatures(org.hyperledger.fabric.protos.common.MetadataSignature.newBuilder()
                                .setSignatureHeader(bytes(30)).setSignature(bytes(72)).setIdentifierHeader(bytes(8)))
                        .addSignatures(org.hyperledger.fabric.protos.common.MetadataSignature.newBuilder()
                                .setSignature(bytes(72)))
                        .build();

                Metadata metadata = Metadata.parse(proto.toByteArray());

                assertThat(metadata.value()).isEqualTo(b(proto.getValue()));
                assertThat(metadata.signatures()).hasSize(2);
                for (int i = 0; i < 2; i++) {
                    MetadataSignature signature = metadata.signatures().get(i);
                    var expected = proto.getSignatures(i);
                    assertThat(signature.signatureHeader()).isEqualTo(b(expected.getSignatureHeader()));
                    assertThat(signature.signature()).isEqualTo(b(expected.getSignature()));
                    assertThat(signature.identifierHeader()).isEqualTo(b(expected.getIdentifierHeader()));
                }
            }
        }

        @Test
        void envelope_payload_and_headers() throws Exception {
            for (int run = 0; run < RUNS; run++) {
                var channel = org.hyperledger.fabric.protos.common.ChannelHeader.newBuilder()
                        .setType(random.nextInt(7)).setVersion(random.nextInt())
                        .setTimestamp(Timestamp.newBuilder().setSeconds(random.nextInt(Integer.MAX_VALUE))
                                .setNanos(random.nextInt(1_000_000_000)))
                        .setChannelId(text()).setTxId(text()).setEpoch(random.nextLong()).setExtension(bytes(20))
                        .setTlsCertHash(bytes(32)).build();
                var signature = org.hyperledger.fabric.protos.common.SignatureHeader.newBuilder()
                        .setCreator(bytes(50)).setNonce(bytes(24)).build();
                var payload = org.hyperledger.fabric.protos.common.Payload.newBuilder()
                        .setHeader(org.hyperledger.fabric.protos.common.Header.newBuilder()
                                .setChannelHeader(channel.toByteString()).setSignatureHeader(signature.toByteString()))
                        .setData(bytes(60)).build();
                var envelope = org.hyperledger.fabric.protos.common.Envelope.newBuilder()
                        .setPayload(payload.toByteString()).setSignature(bytes(72)).build();

                Envelope readEnvelope = Envelope.parse(envelope.toByteArray());
                Payload readPayload = Payload.parse(readEnvelope.payload());
                ChannelHeader readChannel = ChannelHeader.parse(readPayload.header().channelHeader());
                SignatureHeader readSignature = SignatureHeader.parse(readPayload.header().signatureHeader());

                assertThat(readEnvelope.signature()).isEqualTo(b(envelope.getSignature()));
                assertThat(readPayload.data()).isEqualTo(b(payload.getData()));
                assertThat(readPayload.header().channelHeader()).isEqualTo(channel.toByteArray());
                assertThat(readChannel.type()).isEqualTo(channel.getType());
                assertThat(readChannel.version()).isEqualTo(channel.getVersion());
                assertThat(readChannel.timestamp()).isEqualTo(
                        Instant.ofEpochSecond(channel.getTimestamp().getSeconds(), channel.getTimestamp().getNanos()));
                assertThat(readChannel.channelId()).isEqualTo(channel.getChannelId());
                assertThat(readChannel.txId()).isEqualTo(channel.getTxId());
                assertThat(readChannel.epoch()).isEqualTo(channel.getEpoch());
                assertThat(readChannel.extension()).isEqualTo(b(channel.getExtension()));
                assertThat(readSignature.creator()).isEqualTo(b(signature.getCreator()));
                assertThat(readSignature.nonce()).isEqualTo(b(signature.getNonce()));
            }
        }

        @Test
        void serialized_identity() throws Exception {
            for (int run = 0; run < RUNS; run++) {
                var proto = SerializedIdentity.newBuilder().setMspid(text()).setIdBytes(bytes(300)).build();

                var read = org.qcchain.common.fabric.SerializedIdentity.parse(proto.toByteArray());

                assertThat(read.mspid()).isEqualTo(proto.getMspid());
                assertThat(read.idBytes()).isEqualTo(b(proto.getIdBytes()));
            }
        }

        @Test
        void transaction_down_to_the_endorsements() throws Exception {
            for (int run = 0; run < RUNS; run++) {
                var endorsed = org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction.newBuilder()
                        .setProposalResponsePayload(bytes(80));
                int endorsements = random.nextInt(4);
                for (int i = 0; i < endorsements; i++) {
                    endorsed.addEndorsements(org.hyperledger.fabric.protos.peer.Endorsement.newBuilder()
                            .setEndorser(bytes(60)).setSignature(bytes(72)));
                }
                var actionPayload = org.hyperledger.fabric.protos.peer.ChaincodeActionPayload.newBuilder()
                        .setChaincodeProposalPayload(bytes(40)).setAction(endorsed).build();
                var transaction = org.hyperledger.fabric.protos.peer.Transaction.newBuilder()
                        .addActions(org.hyperledger.fabric.protos.peer.TransactionAction.newBuilder()
                                .setHeader(bytes(40)).setPayload(actionPayload.toByteString()))
                        .addActions(org.hyperledger.fabric.protos.peer.TransactionAction.newBuilder()
                                .setHeader(bytes(10)))
                        .build();

                Transaction read = Transaction.parse(transaction.toByteArray());
                ChaincodeActionPayload readPayload = ChaincodeActionPayload.parse(read.actions().get(0).payload());

                assertThat(read.actions()).hasSize(2);
                assertThat(read.actions().get(0).header()).isEqualTo(b(transaction.getActions(0).getHeader()));
                assertThat(read.actions().get(1).payload()).isEmpty();
                assertThat(readPayload.chaincodeProposalPayload()).isEqualTo(b(actionPayload.getChaincodeProposalPayload()));
                assertThat(readPayload.action().proposalResponsePayload())
                        .isEqualTo(b(endorsed.getProposalResponsePayload()));
                assertThat(readPayload.action().endorsements()).hasSize(endorsements);
                for (int i = 0; i < endorsements; i++) {
                    assertThat(readPayload.action().endorsements().get(i).endorser())
                            .isEqualTo(b(endorsed.getEndorsements(i).getEndorser()));
                    assertThat(readPayload.action().endorsements().get(i).signature())
                            .isEqualTo(b(endorsed.getEndorsements(i).getSignature()));
                }
            }
        }

        @Test
        void proposal_response_chaincode_action_event_and_header_extension() throws Exception {
            for (int run = 0; run < RUNS; run++) {
                var id = ChaincodeID.newBuilder().setPath(text()).setName(text()).setVersion(text()).build();
                var event = org.hyperledger.fabric.protos.peer.ChaincodeEvent.newBuilder().setChaincodeId(text())
                        .setTxId(text()).setEventName(text()).setPayload(bytes(30)).build();
                var action = org.hyperledger.fabric.protos.peer.ChaincodeAction.newBuilder().setResults(bytes(50))
                        .setEvents(event.toByteString())
                        .setResponse(org.hyperledger.fabric.protos.peer.Response.newBuilder()
                                .setStatus(random.nextInt(600)).setMessage(text()).setPayload(bytes(80)))
                        .setChaincodeId(id).build();
                var response = org.hyperledger.fabric.protos.peer.ProposalResponsePayload.newBuilder()
                        .setProposalHash(bytes(32)).setExtension(action.toByteString()).build();
                var extension = org.hyperledger.fabric.protos.peer.ChaincodeHeaderExtension.newBuilder()
                        .setChaincodeId(id).build();

                ProposalResponsePayload readResponse = ProposalResponsePayload.parse(response.toByteArray());
                ChaincodeAction readAction = ChaincodeAction.parse(readResponse.extension());
                ChaincodeEvent readEvent = ChaincodeEvent.parse(readAction.events());

                assertThat(readResponse.proposalHash()).isEqualTo(b(response.getProposalHash()));
                assertThat(readAction.results()).isEqualTo(b(action.getResults()));
                assertThat(readAction.response().status()).isEqualTo(action.getResponse().getStatus());
                assertThat(readAction.response().message()).isEqualTo(action.getResponse().getMessage());
                assertThat(readAction.response().payload()).isEqualTo(b(action.getResponse().getPayload()));
                assertThat(readAction.chaincodeId()).isEqualTo(new ChaincodeId(id.getPath(), id.getName(), id.getVersion()));
                assertThat(readEvent.chaincodeId()).isEqualTo(event.getChaincodeId());
                assertThat(readEvent.txId()).isEqualTo(event.getTxId());
                assertThat(readEvent.eventName()).isEqualTo(event.getEventName());
                assertThat(readEvent.payload()).isEqualTo(b(event.getPayload()));
                assertThat(ChaincodeHeaderExtension.parse(extension.toByteArray()).chaincodeId().name())
                        .isEqualTo(id.getName());
            }
        }

        @Test
        void absent_fields_read_as_proto3_defaults() throws Exception {
            ChannelHeader header = ChannelHeader.parse(new byte[0]);

            assertThat(header.type()).isZero();
            assertThat(header.timestamp()).isNull();
            assertThat(header.txId()).isEmpty();
            assertThat(header.extension()).isEmpty();
            assertThat(Block.parse(new byte[0]).data()).isEmpty();
            assertThat(ChaincodeAction.parse(new byte[0]).response().status()).isZero();
        }
    }

    @Nested
    class Unknown_fields {

        @Test
        void of_every_wire_type_are_skipped() throws Exception {
            var proto = org.hyperledger.fabric.protos.common.Envelope.newBuilder().setPayload(bytes(20))
                    .setSignature(bytes(20)).build();
            ByteArrayOutputStream withUnknown = new ByteArrayOutputStream();
            withUnknown.writeBytes(hex("f80601"));          // field 111, varint 1
            withUnknown.writeBytes(proto.toByteArray());
            withUnknown.writeBytes(hex("fa0603010203"));    // field 111, bytes
            withUnknown.writeBytes(hex("f9060102030405060708")); // field 111, fixed64
            withUnknown.writeBytes(hex("fd0601020304"));    // field 111, fixed32

            Envelope read = Envelope.parse(withUnknown.toByteArray());

            assertThat(org.hyperledger.fabric.protos.common.Envelope.parseFrom(withUnknown.toByteArray()).getPayload())
                    .isEqualTo(proto.getPayload());
            assertThat(read.payload()).isEqualTo(b(proto.getPayload()));
            assertThat(read.signature()).isEqualTo(b(proto.getSignature()));
        }

        @Test
        void such_as_a_channel_headers_tls_certificate_hash_are_skipped() throws Exception {
            var proto = org.hyperledger.fabric.protos.common.ChannelHeader.newBuilder().setTxId("abc")
                    .setTlsCertHash(bytes(32)).build();

            assertThat(ChannelHeader.parse(proto.toByteArray()).txId()).isEqualTo("abc");
        }

        private byte[] hex(String hex) {
            return java.util.HexFormat.of().parseHex(hex);
        }
    }

    @Nested
    class Malformed_messages {

        @Test
        void every_truncation_that_protobuf_rejects_is_rejected() throws Exception {
            for (int run = 0; run < 10; run++) {
                byte[] encoded = randomBlock().toByteArray();
                for (int length = 0; length < encoded.length; length++) {
                    byte[] prefix = java.util.Arrays.copyOf(encoded, length);
                    boolean protobufAccepts = accepts(prefix);
                    if (!protobufAccepts) {
                        assertThatThrownBy(() -> Block.parse(prefix)).as("prefix of %d bytes", length)
                                .isInstanceOf(ProtoFormatException.class);
                    }
                }
            }
        }

        @Test
        void a_block_cut_inside_its_data_is_rejected() {
            byte[] encoded = randomBlockWithData().toByteArray();
            byte[] cut = java.util.Arrays.copyOf(encoded, encoded.length - 25);

            assertThatThrownBy(() -> Block.parse(cut)).isInstanceOf(ProtoFormatException.class)
                    .hasMessageStartingWith("common.Block");
        }

        @Test
        void whatever_is_accepted_after_random_byte_changes_protobuf_reads_the_same_way() throws Exception {
            int accepted = 0;
            for (int run = 0; run < 400; run++) {
                var original = randomBlock();
                byte[] mutated = original.toByteArray();
                int changes = 1 + random.nextInt(3);
                for (int i = 0; i < changes && mutated.length > 0; i++) {
                    mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
                }
                Block ours;
                try {
                    ours = Block.parse(mutated);
                } catch (ProtoFormatException e) {
                    continue;
                }
                accepted++;
                var theirs = org.hyperledger.fabric.protos.common.Block.parseFrom(mutated);
                assertThat(ours.header().number()).isEqualTo(theirs.getHeader().getNumber());
                assertThat(ours.header().dataHash()).isEqualTo(b(theirs.getHeader().getDataHash()));
                assertThat(ours.data()).hasSize(theirs.getData().getDataCount());
                for (int i = 0; i < ours.data().size(); i++) {
                    assertThat(ours.data().get(i)).isEqualTo(b(theirs.getData().getData(i)));
                }
                assertThat(ours.metadata()).hasSize(theirs.getMetadata().getMetadataCount());
            }
            assertThat(accepted).as("some mutations stay well-formed").isPositive();
        }

        @Test
        void a_singular_field_given_twice_is_rejected() {
            byte[] twice = java.util.HexFormat.of().parseHex("0a0101" + "0a0102");

            assertThatThrownBy(() -> Envelope.parse(twice)).isInstanceOf(ProtoFormatException.class)
                    .hasMessageContaining("common.Envelope: field 1 occurs 2 times");
        }

        @Test
        void a_known_field_of_another_wire_type_is_rejected() {
            byte[] varintPayload = java.util.HexFormat.of().parseHex("0805");

            assertThatThrownBy(() -> Envelope.parse(varintPayload)).isInstanceOf(ProtoFormatException.class)
                    .hasMessageContaining("wire type 0, expected 2");
        }

        @Test
        void a_string_that_is_not_utf8_is_rejected() {
            byte[] channel = java.util.HexFormat.of().parseHex("2202c328");

            assertThatThrownBy(() -> ChannelHeader.parse(channel)).isInstanceOf(ProtoFormatException.class)
                    .hasMessageContaining("not UTF-8");
        }

        @Test
        void a_timestamp_with_nanos_out_of_range_is_rejected() {
            var header = org.hyperledger.fabric.protos.common.ChannelHeader.newBuilder()
                    .setTimestamp(Timestamp.newBuilder().setSeconds(1).setNanos(-5).buildPartial()).build();

            assertThatThrownBy(() -> ChannelHeader.parse(header.toByteArray())).isInstanceOf(ProtoFormatException.class)
                    .hasMessageContaining("nanos");
        }

        @Test
        void a_missing_metadata_entry_is_an_error_not_an_empty_entry() {
            Block block = new Block(new BlockHeader(0, new byte[0], new byte[0]), List.of(), List.of(new byte[0]));

            assertThatThrownBy(() -> block.metadata(2)).isInstanceOf(ProtoFormatException.class)
                    .hasMessageContaining("no metadata at index 2");
        }

        private org.hyperledger.fabric.protos.common.Block randomBlockWithData() {
            var block = randomBlock();
            return block.toBuilder().setData(BlockData.newBuilder().addData(bytes(10)).addData(
                    ByteString.copyFrom(new byte[60]))).setMetadata(BlockMetadata.getDefaultInstance()).build();
        }

        private boolean accepts(byte[] bytes) {
            try {
                org.hyperledger.fabric.protos.common.Block.parseFrom(bytes);
                return true;
            } catch (InvalidProtocolBufferException e) {
                return false;
            }
        }
    }
}
