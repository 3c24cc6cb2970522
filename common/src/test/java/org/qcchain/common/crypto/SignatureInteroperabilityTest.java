package org.qcchain.common.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.qcchain.common.crypto.CryptoSuiteTest.assertRejected;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Signatures made here verify elsewhere and vice versa: the JDK, BC's JCA and lightweight APIs. */
class SignatureInteroperabilityTest {

    private static final byte[] DATA = "message digest".getBytes(UTF_8);

    @Nested
    class Sm2 {

        private final KeyPair keys = CryptoSuite.SM2_SM3.generateKeyPair();

        @Test
        void accepts_a_lightweight_sm2_signature_with_the_default_user_id() throws Exception {
            SM2Signer signer = new SM2Signer();
            signer.init(true, new ParametersWithID(privateParameters(keys),
                    "1234567812345678".getBytes(UTF_8)));
            signer.update(DATA, 0, DATA.length);

            CryptoSuite.SM2_SM3.verify(keys.getPublic(), DATA, signer.generateSignature());
        }

        @Test
        void rejects_a_signature_made_with_another_user_id() throws Exception {
            SM2Signer signer = new SM2Signer();
            signer.init(true, new ParametersWithID(privateParameters(keys),
                    "ALICE123@YAHOO.COM".getBytes(UTF_8)));
            signer.update(DATA, 0, DATA.length);
            byte[] signature = signer.generateSignature();

            assertRejected(() -> CryptoSuite.SM2_SM3.verify(keys.getPublic(), DATA, signature),
                    InvalidSignatureException.Reason.MISMATCH);
        }

        @Test
        void accepts_a_bouncy_castle_jca_sm3_with_sm2_signature() throws Exception {
            Signature jca = Signature.getInstance("SM3withSM2", BouncyCastle.provider());
            jca.initSign(keys.getPrivate());
            jca.update(DATA);

            CryptoSuite.SM2_SM3.verify(keys.getPublic(), DATA, jca.sign());
        }

        @Test
        void produces_signatures_bouncy_castle_jca_accepts() throws Exception {
            Signature jca = Signature.getInstance("SM3withSM2", BouncyCastle.provider());
            jca.initVerify(keys.getPublic());
            jca.update(DATA);

            assertThat(jca.verify(CryptoSuite.SM2_SM3.sign(keys.getPrivate(), DATA))).isTrue();
        }

        private ECPrivateKeyParameters privateParameters(KeyPair pair) {
            X9ECParameters curve = GMNamedCurves.getByName("sm2p256v1");
            return new ECPrivateKeyParameters(((ECPrivateKey) pair.getPrivate()).getS(),
                    new ECDomainParameters(curve));
        }
    }

    @Nested
    class P256 {

        private final KeyPair keys = CryptoSuite.P256_SHA256.generateKeyPair();
        private final BigInteger order = ((ECPublicKey) keys.getPublic()).getParams().getOrder();

        @Test
        void always_signs_in_low_s_form() throws Exception {
            for (int i = 0; i < 64; i++) {
                byte[] data = ("message " + i).getBytes(UTF_8);
                BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(
                        order, CryptoSuite.P256_SHA256.sign(keys.getPrivate(), data));

                assertThat(rs[1]).as("s of message %d", i).isLessThanOrEqualTo(order.shiftRight(1));
            }
        }

        @Test
        void rejects_the_high_s_twin_of_a_valid_signature() throws Exception {
            byte[] signature = CryptoSuite.P256_SHA256.sign(keys.getPrivate(), DATA);
            BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(order, signature);
            byte[] highS = StandardDSAEncoding.INSTANCE.encode(order, rs[0], order.subtract(rs[1]));

            assertThat(jdkVerifies(keys, highS)).as("mathematically valid").isTrue();
            assertRejected(() -> CryptoSuite.P256_SHA256.verify(keys.getPublic(), DATA, highS),
                    InvalidSignatureException.Reason.HIGH_S);
        }

        @Test
        void produces_signatures_the_jdk_accepts() throws Exception {
            assertThat(jdkVerifies(keys, CryptoSuite.P256_SHA256.sign(keys.getPrivate(), DATA)))
                    .isTrue();
        }

        @Test
        void signs_and_verifies_with_keys_made_by_the_jdk() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair jdkKeys = generator.generateKeyPair();

            byte[] signature = CryptoSuite.P256_SHA256.sign(jdkKeys.getPrivate(), DATA);

            CryptoSuite.P256_SHA256.verify(jdkKeys.getPublic(), DATA, signature);
            assertThat(jdkVerifies(jdkKeys, signature)).isTrue();
        }

        @Test
        void signs_deterministically_as_in_rfc_6979() {
            assertThat(CryptoSuite.P256_SHA256.sign(keys.getPrivate(), DATA))
                    .isEqualTo(CryptoSuite.P256_SHA256.sign(keys.getPrivate(), DATA));
        }

        private boolean jdkVerifies(KeyPair pair, byte[] signature) throws Exception {
            Signature jdk = Signature.getInstance("SHA256withECDSA", "SunEC");
            jdk.initVerify(pair.getPublic());
            jdk.update(DATA);
            return jdk.verify(signature);
        }
    }
}
