package org.qcchain.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.common.crypto.CryptoSuite;

/** The RFC 6962 tree hash, written out by hand for small trees. */
class MerkleTreeTest {

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void hashes_leaves_and_nodes_with_domain_separation_and_splits_at_a_power_of_two(CryptoSuite suite) {
        byte[] a = suite.hash(new byte[] {1});
        byte[] b = suite.hash(new byte[] {2});
        byte[] c = suite.hash(new byte[] {3});
        byte[] leafA = suite.hash(concat(new byte[] {0}, a));
        byte[] leafB = suite.hash(concat(new byte[] {0}, b));
        byte[] leafC = suite.hash(concat(new byte[] {0}, c));

        assertThat(MerkleTree.root(suite, List.of())).isEqualTo(suite.hash(new byte[0]));
        assertThat(MerkleTree.root(suite, List.of(a))).isEqualTo(leafA);
        assertThat(MerkleTree.root(suite, List.of(a, b, c))).isEqualTo(
                suite.hash(concat(new byte[] {1}, suite.hash(concat(new byte[] {1}, leafA, leafB)), leafC)));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
