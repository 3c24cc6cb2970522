package org.qcchain.common.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fabric's hashes byte for byte. The DER vectors are what Go's {@code encoding/asn1} writes for
 * {@code protoutil.BlockHeaderBytes} (an INTEGER with a leading zero byte when its top bit is set);
 * the SHA-256 vectors were computed independently (Python's hashlib).
 */
class FabricHashesTest {

    private static final HexFormat HEX = HexFormat.of();

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void block_header_bytes_are_the_der_sequence_go_writes() {
        assertThat(HEX.formatHex(FabricHashes.blockHeaderBytes(1, ascii("foo"), ascii("bar"))))
                .isEqualTo("300d020101" + "0403666f6f" + "0403626172");
        assertThat(HEX.formatHex(FabricHashes.blockHeaderBytes(0, new byte[0], new byte[0])))
                .isEqualTo("3007020100" + "0400" + "0400");
        assertThat(HEX.formatHex(FabricHashes.blockHeaderBytes(128, new byte[0], new byte[0])))
                .isEqualTo("300802020080" + "0400" + "0400");
    }

    @Test
    void the_largest_block_number_is_read_as_unsigned() {
        assertThat(HEX.formatHex(FabricHashes.blockHeaderBytes(-1L, ascii("foo"), ascii("bar"))))
                .isEqualTo("3015" + "020900ffffffffffffffff" + "0403666f6f" + "0403626172");
    }

    @Test
    void the_block_hash_is_sha256_of_the_header_bytes() {
        BlockHeader header = new BlockHeader(1, ascii("foo"), ascii("bar"));

        // python3: hashlib.sha256(bytes.fromhex("300d0201010403666f6f0403626172")).hexdigest()
        assertThat(HEX.formatHex(header.hash()))
                .isEqualTo("e93c1382cc0ad21a64ae3286fd3ec883e2da582a793eb7b255954370b90a6b5b");
    }

    @Test
    void the_data_hash_is_sha256_of_the_envelopes_concatenated() {
        assertThat(HEX.formatHex(FabricHashes.dataHash(List.of())))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(FabricHashes.dataHash(List.of(ascii("ab"), ascii("c"))))
                .isEqualTo(FabricHashes.dataHash(List.of(ascii("a"), ascii("bc"))))
                .isEqualTo(FabricHashes.dataHash(List.of(ascii("abc"))));
        assertThat(HEX.formatHex(FabricHashes.dataHash(List.of(ascii("abc")))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void the_transaction_id_is_hex_sha256_of_nonce_and_creator() {
        assertThat(FabricHashes.transactionId(ascii("a"), ascii("bc")))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void the_proposal_hash_covers_both_headers_and_the_chaincode_payload_in_order() {
        assertThat(FabricHashes.proposalHash(ascii("a"), ascii("b"), ascii("c")))
                .isEqualTo(FabricHashes.dataHash(List.of(ascii("abc"))));
    }
}
