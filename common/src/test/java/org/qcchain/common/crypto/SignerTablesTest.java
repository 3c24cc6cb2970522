package org.qcchain.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.junit.jupiter.api.Test;

/**
 * A key gets its table after a few verifications, and from then on P-256 verification through the
 * tables accepts and refuses exactly what Bouncy Castle's verifier does.
 */
class SignerTablesTest {

    private static final CryptoSuite SUITE = CryptoSuite.P256_SHA256;

    @Test
    void a_key_gets_its_table_at_its_fourth_verification_and_the_set_is_bounded() {
        SignerTables tables = new SignerTables();
        KeyPair keys = SUITE.generateKeyPair();
        var q = EcCurve.P256.publicParameters((ECPublicKey) keys.getPublic()).getQ();

        for (int i = 1; i < SignerTables.USES_BEFORE_TABLE; i++) {
            assertThat(tables.tableFor(q)).as("use %d", i).isNull();
        }
        PointMultiples table = tables.tableFor(q);
        assertThat(table).isNotNull();
        assertThat(tables.tableFor(q)).isSameAs(table);

        for (int i = 0; i < SignerTables.CAPACITY + 1; i++) {
            tables.tableFor(EcCurve.P256.domain().getG().multiply(BigInteger.valueOf(1000 + i)).normalize());
        }
        assertThat(tables.size()).isLessThanOrEqualTo(SignerTables.CAPACITY);
    }

    @Test
    void verification_through_the_tables_agrees_with_bouncy_castle() throws Exception {
        KeyPair keys = SUITE.generateKeyPair();
        KeyPair other = SUITE.generateKeyPair();
        ECPublicKeyParameters bcKey = EcCurve.P256.publicParameters((ECPublicKey) keys.getPublic());
        BigInteger n = EcCurve.P256.order();
        int accepted = 0;
        for (int i = 0; i < 60; i++) {
            byte[] data = ("message " + i).getBytes(StandardCharsets.UTF_8);
            byte[] signature = SUITE.sign(keys.getPrivate(), data);
            // after the first few, these go through the tables
            SUITE.verify(keys.getPublic(), data, signature);
            accepted++;

            byte[] changed = ("message " + i + "!").getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> SUITE.verify(keys.getPublic(), changed, signature))
                    .isInstanceOf(InvalidSignatureException.class);
            assertThatThrownBy(() -> SUITE.verify(other.getPublic(), data, signature))
                    .isInstanceOf(InvalidSignatureException.class);

            BigInteger[] rs = DerSignature.decode(n, signature);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
            for (BigInteger[] forged : new BigInteger[][] {
                {rs[0].add(BigInteger.ONE).mod(n), rs[1]},
                {rs[0], rs[1].subtract(BigInteger.ONE)},
                {rs[1], rs[0].min(n.shiftRight(1))},
            }) {
                if (forged[1].compareTo(n.shiftRight(1)) > 0 || forged[0].signum() == 0 || forged[1].signum() == 0) {
                    continue;
                }
                ECDSASigner reference = new ECDSASigner();
                reference.init(false, bcKey);
                boolean expected = reference.verifySignature(digest, forged[0], forged[1]);
                byte[] der = DerSignature.encode(n, forged[0], forged[1]);
                boolean actual = verifies(data, der, keys);
                assertThat(actual).as("forged signature %d", i).isEqualTo(expected).isFalse();
            }
        }
        assertThat(accepted).isEqualTo(60);
    }

    private static boolean verifies(byte[] data, byte[] signature, KeyPair keys) {
        try {
            SUITE.verify(keys.getPublic(), data, signature);
            return true;
        } catch (InvalidSignatureException e) {
            return false;
        }
    }
}
