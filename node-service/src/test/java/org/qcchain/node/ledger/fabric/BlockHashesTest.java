package org.qcchain.node.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.junit.jupiter.api.Test;

/** The two hashes, checked against bytes laid out by hand as Go's encoding/asn1 writes them. */
class BlockHashesTest {

    private static final byte[] PREVIOUS = filled(0x11);
    private static final byte[] DATA = filled(0x22);

    @Test
    void header_hash_is_sha256_of_the_der_sequence_of_number_previous_hash_and_data_hash() throws Exception {
        BlockHeader header = BlockHeader.newBuilder().setNumber(1).setPreviousHash(ByteString.copyFrom(PREVIOUS))
                .setDataHash(ByteString.copyFrom(DATA)).build();
        ByteArrayOutputStream der = new ByteArrayOutputStream();
        der.write(new byte[] {0x30, 0x47, 0x02, 0x01, 0x01, 0x04, 0x20});
        der.write(PREVIOUS);
        der.write(new byte[] {0x04, 0x20});
        der.write(DATA);

        assertThat(BlockHashes.headerHash(header)).isEqualTo(sha256(der.toByteArray()));
    }

    @Test
    void the_genesis_header_hashes_an_empty_previous_hash_as_an_empty_octet_string() throws Exception {
        BlockHeader header = BlockHeader.newBuilder().setNumber(0).setDataHash(ByteString.copyFrom(DATA)).build();
        ByteArrayOutputStream der = new ByteArrayOutputStream();
        der.write(new byte[] {0x30, 0x27, 0x02, 0x01, 0x00, 0x04, 0x00, 0x04, 0x20});
        der.write(DATA);

        assertThat(BlockHashes.headerHash(header)).isEqualTo(sha256(der.toByteArray()));
    }

    @Test
    void a_block_number_past_127_is_a_positive_der_integer() throws Exception {
        BlockHeader header = BlockHeader.newBuilder().setNumber(200).setPreviousHash(ByteString.copyFrom(PREVIOUS))
                .setDataHash(ByteString.copyFrom(DATA)).build();
        ByteArrayOutputStream der = new ByteArrayOutputStream();
        der.write(new byte[] {0x30, 0x48, 0x02, 0x02, 0x00, (byte) 0xc8, 0x04, 0x20});
        der.write(PREVIOUS);
        der.write(new byte[] {0x04, 0x20});
        der.write(DATA);

        assertThat(BlockHashes.headerHash(header)).isEqualTo(sha256(der.toByteArray()));
    }

    @Test
    void data_hash_is_sha256_of_the_envelopes_one_after_the_other() throws Exception {
        BlockData data = BlockData.newBuilder().addData(ByteString.copyFromUtf8("first"))
                .addData(ByteString.copyFromUtf8("second")).build();

        assertThat(BlockHashes.dataHash(data)).isEqualTo(sha256("firstsecond".getBytes()));
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
