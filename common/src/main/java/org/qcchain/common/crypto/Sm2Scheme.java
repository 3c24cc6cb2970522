package org.qcchain.common.crypto;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;

/**
 * SM2 signatures (GB/T 32918.2) with SM3 and the standard default user id
 * {@code "1234567812345678"} (GM/T 0009), the id Bouncy Castle's JCA {@code SM3withSM2} and
 * certificate code use too. The id enters the signed digest through the value Z, so a signature
 * made with another id never verifies here.
 */
final class Sm2Scheme implements SignatureScheme {

    /** GM/T 0009 default distinguishing identifier. */
    static final String DEFAULT_USER_ID = "1234567812345678";

    private static final byte[] USER_ID = DEFAULT_USER_ID.getBytes(StandardCharsets.US_ASCII);

    private final EcCurve curve;

    Sm2Scheme(EcCurve curve) {
        this.curve = curve;
    }

    @Override
    public byte[] sign(ECPrivateKeyParameters key, byte[] data) {
        SM2Signer signer = new SM2Signer();
        ParametersWithRandom keyAndRandom = new ParametersWithRandom(key, Randomness.get());
        signer.init(true, new ParametersWithID(keyAndRandom, USER_ID));
        signer.update(data, 0, data.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    @Override
    public void verify(ECPublicKeyParameters key, byte[] data, byte[] signature)
            throws InvalidSignatureException {
        DerSignature.decode(curve.order(), signature);
        SM2Signer verifier = new SM2Signer();
        verifier.init(false, new ParametersWithID(key, USER_ID));
        verifier.update(data, 0, data.length);
        if (!verifier.verifySignature(signature)) {
            throw new InvalidSignatureException(
                    InvalidSignatureException.Reason.MISMATCH,
                    "SM2 signature does not match the data and public key (user id " + DEFAULT_USER_ID + ")");
        }
    }
}
