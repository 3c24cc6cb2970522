package org.qcchain.common.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.junit.jupiter.api.Test;

/**
 * The JDK's SHA-256 behind Bouncy Castle's digest interface must be the same function where
 * Bouncy Castle uses it: HMAC (RFC 4231's vector, and Bouncy Castle's own SHA-256 on keys and
 * messages of every length around the block size) and the deterministic ECDSA nonce (RFC 6979's
 * P-256 vector).
 */
class JdkDigestTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void hmac_sha256_matches_rfc_4231_test_case_2() {
        byte[] mac = hmac(JdkDigest.sha256(), "Jefe".getBytes(UTF_8),
                "what do ya want for nothing?".getBytes(UTF_8));

        assertThat(HEX.formatHex(mac))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void hmac_matches_bouncy_castles_sha256_for_keys_and_messages_around_the_block_size() {
        Random random = new Random(6979);
        for (int keyLength : new int[] {0, 1, 31, 32, 63, 64, 65, 128, 200}) {
            for (int dataLength : new int[] {0, 1, 55, 56, 63, 64, 65, 119, 1000, 70_000}) {
                byte[] key = new byte[keyLength];
                byte[] data = new byte[dataLength];
                random.nextBytes(key);
                random.nextBytes(data);

                assertThat(hmac(JdkDigest.sha256(), key, data))
                        .as("key %d bytes, data %d bytes", keyLength, dataLength)
                        .isEqualTo(hmac(new SHA256Digest(), key, data));
            }
        }
        assertThat(CryptoSuite.P256_SHA256.hmac("k".getBytes(UTF_8), "d".getBytes(UTF_8)))
                .isEqualTo(hmac(new SHA256Digest(), "k".getBytes(UTF_8), "d".getBytes(UTF_8)));
    }

    @Test
    void one_digest_used_again_after_doFinal_or_reset_starts_afresh() throws Exception {
        JdkDigest digest = JdkDigest.sha256();
        byte[] first = new byte[32];
        digest.update("abc".getBytes(UTF_8), 0, 3);
        digest.doFinal(first, 0);
        digest.update((byte) 'x');
        digest.reset();
        byte[] second = new byte[40];
        digest.update("abc".getBytes(UTF_8), 0, 3);
        assertThat(digest.doFinal(second, 8)).isEqualTo(32);

        byte[] expected = MessageDigest.getInstance("SHA-256").digest("abc".getBytes(UTF_8));
        assertThat(first).isEqualTo(expected);
        assertThat(java.util.Arrays.copyOfRange(second, 8, 40)).isEqualTo(expected);
        assertThat(digest.getByteLength()).isEqualTo(64);
        assertThat(digest.getDigestSize()).isEqualTo(32);
    }

    @Test
    void deterministic_ecdsa_nonce_matches_rfc_6979_p256_sha256_sample() throws Exception {
        // RFC 6979, A.2.5: P-256, private key x, message "sample", SHA-256
        BigInteger x = new BigInteger("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721", 16);
        ECPrivateKeyParameters key = new ECPrivateKeyParameters(x, EcCurve.P256.domain());
        byte[] hash = MessageDigest.getInstance("SHA-256").digest("sample".getBytes(UTF_8));
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(JdkDigest.sha256()));
        signer.init(true, key);

        BigInteger[] rs = signer.generateSignature(hash);

        assertThat(rs[0].toString(16).toUpperCase())
                .isEqualTo("EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716");
        assertThat(rs[1].toString(16).toUpperCase())
                .isEqualTo("F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8");
    }

    private static byte[] hmac(Digest digest, byte[] key, byte[] data) {
        HMac mac = new HMac(digest);
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }
}
