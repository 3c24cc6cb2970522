package org.qcchain.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A key gets its table after a few verifications, and from then on verification through the tables
 * (P-256 and SM2) accepts and refuses exactly what Bouncy Castle's verifiers do.
 */
class SignerTablesTest {

    private static final CryptoSuite SUITE = CryptoSuite.P256_SHA256;

    @Test
    void a_key_gets_its_table_once_it_has_verified_often_and_the_set_is_bounded() {
        SignerTables tables = new SignerTables(EcCurve.P256);
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

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void verification_through_the_tables_agrees_with_bouncy_castle(CryptoSuite suite) throws Exception {
        KeyPair keys = suite.generateKeyPair();
        KeyPair other = suite.generateKeyPair();
        EcCurve curve = suite == CryptoSuite.SM2_SM3 ? EcCurve.SM2 : EcCurve.P256;
        ECPublicKeyParameters bcKey = curve.publicParameters((ECPublicKey) keys.getPublic());
        BigInteger n = curve.order();
        int forgeries = 0;
        for (int i = 0; i < 60; i++) {
            byte[] data = ("message " + i).getBytes(StandardCharsets.UTF_8);
            byte[] signature = suite.sign(keys.getPrivate(), data);
            // after the first few, these go through the tables
            suite.verify(keys.getPublic(), data, signature);

            byte[] changed = ("message " + i + "!").getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> suite.verify(keys.getPublic(), changed, signature))
                    .isInstanceOf(InvalidSignatureException.class);
            assertThatThrownBy(() -> suite.verify(other.getPublic(), data, signature))
                    .isInstanceOf(InvalidSignatureException.class);

            BigInteger[] rs = DerSignature.decode(n, signature);
            for (BigInteger[] forged : new BigInteger[][] {
                {rs[0].add(BigInteger.ONE).mod(n), rs[1]},
                {rs[0], rs[1].subtract(BigInteger.ONE)},
                {rs[1], rs[0]},
                {n.subtract(rs[1]), rs[1]},
            }) {
                if (forged[0].signum() == 0 || forged[1].signum() == 0
                        || (suite == CryptoSuite.P256_SHA256 && forged[1].compareTo(n.shiftRight(1)) > 0)) {
                    continue;
                }
                byte[] der = DerSignature.encode(n, forged[0], forged[1]);
                assertThat(verifies(suite, data, der, keys)).as("forged signature %d", i)
                        .isEqualTo(bouncyCastleVerifies(suite, bcKey, data, der, forged)).isFalse();
                forgeries++;
            }
        }
        assertThat(forgeries).isGreaterThan(100);
        assertThat(tablesOf(suite.signatures()).hasTable(bcKey.getQ()))
                .as("the checks above ran through the tables").isTrue();
    }

    private static SignerTables tablesOf(SignatureScheme scheme) {
        return scheme instanceof Sm2Scheme sm2 ? sm2.signerTables() : ((EcdsaP256Scheme) scheme).signerTables();
    }

    private static boolean bouncyCastleVerifies(CryptoSuite suite, ECPublicKeyParameters key, byte[] data, byte[] der,
            BigInteger[] rs) throws Exception {
        if (suite == CryptoSuite.SM2_SM3) {
            SM2Signer reference = new SM2Signer();
            reference.init(false, new ParametersWithID(key, Sm2Scheme.DEFAULT_USER_ID.getBytes(StandardCharsets.US_ASCII)));
            reference.update(data, 0, data.length);
            return reference.verifySignature(der);
        }
        ECDSASigner reference = new ECDSASigner();
        reference.init(false, key);
        return reference.verifySignature(MessageDigest.getInstance("SHA-256").digest(data), rs[0], rs[1]);
    }

    private static boolean verifies(CryptoSuite suite, byte[] data, byte[] signature, KeyPair keys) {
        try {
            suite.verify(keys.getPublic(), data, signature);
            return true;
        } catch (InvalidSignatureException e) {
            return false;
        }
    }
}
