package org.qcchain.common.crypto;

import java.math.BigInteger;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDSA over P-256 with SHA-256, the way Fabric does it: signatures are produced in low-S form
 * and high-S signatures are rejected (otherwise anyone could turn a valid signature into a second
 * valid one, {@code (r, n-s)}, and change a transaction's bytes without the key).
 *
 * <p>The nonce {@code k} is derived deterministically (RFC 6979), so signing needs no random
 * source and the same key and message always give the same signature.
 */
final class EcdsaP256Scheme implements SignatureScheme {

    private final EcCurve curve;
    private final DigestPrototype sha256;
    private final SignerTables signerTables;

    EcdsaP256Scheme(EcCurve curve, DigestPrototype sha256) {
        this.curve = curve;
        this.sha256 = sha256;
        this.signerTables = new SignerTables(curve);
    }

    @Override
    public byte[] sign(ECPrivateKeyParameters key, byte[] data) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(JdkDigest.sha256()));
        signer.init(true, key);
        BigInteger[] rs = signer.generateSignature(sha256(data));
        BigInteger s = rs[1];
        if (s.compareTo(curve.halfOrder()) > 0) {
            s = curve.order().subtract(s);
        }
        return DerSignature.encode(curve.order(), rs[0], s);
    }

    @Override
    public void verify(ECPublicKeyParameters key, byte[] data, byte[] signature)
            throws InvalidSignatureException {
        BigInteger[] rs = DerSignature.decode(curve.order(), signature);
        if (rs[1].compareTo(curve.halfOrder()) > 0) {
            throw new InvalidSignatureException(
                    InvalidSignatureException.Reason.HIGH_S,
                    "P-256 signature has a high S value; only the low-S form (s <= n/2) is accepted, as in"
                            + " Fabric");
        }
        if (!verifies(key, sha256(data), rs[0], rs[1])) {
            throw new InvalidSignatureException(
                    InvalidSignatureException.Reason.MISMATCH,
                    "P-256 signature does not match the data and public key");
        }
    }

    /**
     * ECDSA's verification equation: {@code x(u1·G + u2·Q) mod n == r} with {@code w = s^-1},
     * {@code u1 = e·w}, {@code u2 = r·w} (SEC 1, 4.1.4). With a table for the key ({@link
     * SignerTables}) both multiples are sums of table points; without, Bouncy Castle's verifier.
     */
    private boolean verifies(ECPublicKeyParameters key, byte[] digest, BigInteger r, BigInteger s) {
        PointMultiples keyTable = signerTables.tableFor(key.getQ());
        if (keyTable == null) {
            ECDSASigner verifier = new ECDSASigner();
            verifier.init(false, key);
            return verifier.verifySignature(digest, r, s);
        }
        BigInteger n = curve.order();
        if (r.signum() <= 0 || r.compareTo(n) >= 0 || s.signum() <= 0 || s.compareTo(n) >= 0) {
            return false;
        }
        // a SHA-256 digest has exactly the bit length of the order: e is the digest as a number
        BigInteger e = new BigInteger(1, digest);
        BigInteger w = BigIntegers.modOddInverseVar(n, s);
        BigInteger u1 = e.multiply(w).mod(n);
        BigInteger u2 = r.multiply(w).mod(n);
        ECPoint point = signerTables.base().sumOfMultiples(u1, keyTable, u2);
        return !point.isInfinity() && PointMultiples.affineXModOrderIs(point, r, n);
    }

    /** The tables of the keys this scheme verifies with (for tests). */
    SignerTables signerTables() {
        return signerTables;
    }

    private byte[] sha256(byte[] data) {
        return sha256.newDigest().digest(data);
    }
}
