package org.qcchain.common.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;

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
    private final SignerTables signerTables;

    Sm2Scheme(EcCurve curve) {
        this.curve = curve;
        this.signerTables = new SignerTables(curve);
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
        BigInteger[] rs = DerSignature.decode(curve.order(), signature);
        PointMultiples keyTable = signerTables.tableFor(key.getQ());
        boolean valid;
        if (keyTable == null) {
            SM2Signer verifier = new SM2Signer();
            verifier.init(false, new ParametersWithID(key, USER_ID));
            verifier.update(data, 0, data.length);
            valid = verifier.verifySignature(signature);
        } else {
            valid = verifies(key.getQ(), keyTable, data, rs[0], rs[1]);
        }
        if (!valid) {
            throw new InvalidSignatureException(
                    InvalidSignatureException.Reason.MISMATCH,
                    "SM2 signature does not match the data and public key (user id " + DEFAULT_USER_ID + ")");
        }
    }

    /** The tables of the keys this scheme verifies with (for tests). */
    SignerTables signerTables() {
        return signerTables;
    }

    /**
     * SM2's verification equation (GB/T 32918.2, 7.1): with {@code e = SM3(Z || M)} and {@code t =
     * (r + s) mod n != 0}, {@code (e + x(s·G + t·Q)) mod n == r}; both multiples are sums of table
     * points ({@link SignerTables}), and {@code x} is compared in Jacobian coordinates.
     */
    private boolean verifies(ECPoint q, PointMultiples keyTable, byte[] data, BigInteger r, BigInteger s) {
        BigInteger n = curve.order();
        if (r.signum() <= 0 || r.compareTo(n) >= 0 || s.signum() <= 0 || s.compareTo(n) >= 0) {
            return false;
        }
        BigInteger t = r.add(s).mod(n);
        if (t.signum() == 0) {
            return false;
        }
        SM3Digest digest = new SM3Digest();
        byte[] z = userDigest(q);
        digest.update(z, 0, z.length);
        digest.update(data, 0, data.length);
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        // an SM3 digest has exactly the bit length of the order: e is the digest as a number
        BigInteger e = new BigInteger(1, hash);
        ECPoint point = signerTables.base().sumOfMultiples(s, keyTable, t);
        return !point.isInfinity() && PointMultiples.affineXModOrderIs(point, r.subtract(e).mod(n), n);
    }

    /**
     * Z = SM3(ENTL || ID || a || b || xG || yG || xA || yA), the signer's digest that enters every
     * signed message's digest (GB/T 32918.2, 5.5), as Bouncy Castle's signer computes it.
     */
    private byte[] userDigest(ECPoint q) {
        ECPoint key = q.normalize();
        SM3Digest digest = new SM3Digest();
        int bits = USER_ID.length * 8;
        digest.update((byte) (bits >> 8));
        digest.update((byte) bits);
        digest.update(USER_ID, 0, USER_ID.length);
        ECCurve ec = curve.domain().getCurve();
        ECPoint g = curve.domain().getG().normalize();
        for (ECFieldElement element : new ECFieldElement[] {ec.getA(), ec.getB(), g.getAffineXCoord(),
            g.getAffineYCoord(), key.getAffineXCoord(), key.getAffineYCoord()}) {
            byte[] encoded = element.getEncoded();
            digest.update(encoded, 0, encoded.length);
        }
        byte[] z = new byte[digest.getDigestSize()];
        digest.doFinal(z, 0);
        return z;
    }
}
