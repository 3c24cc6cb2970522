package org.qcchain.common.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;

/**
 * Strict DER for (r, s) signature pairs, shared by ECDSA and SM2.
 *
 * <p>Decoding accepts only the one canonical encoding (Bouncy Castle re-encodes and compares), so
 * a signature cannot be altered into another byte string that still verifies.
 */
final class DerSignature {

    private DerSignature() {}

    /**
     * Decodes {@code signature} into {@code {r, s}}, each in [1, n-1].
     *
     * @throws InvalidSignatureException with reason {@code MALFORMED} otherwise
     */
    static BigInteger[] decode(BigInteger order, byte[] signature) throws InvalidSignatureException {
        BigInteger[] rs;
        try {
            rs = StandardDSAEncoding.INSTANCE.decode(order, signature);
        } catch (IOException | RuntimeException e) {
            throw new InvalidSignatureException(
                    InvalidSignatureException.Reason.MALFORMED,
                    "signature is not a DER SEQUENCE of two INTEGERs (" + signature.length + " bytes)",
                    e);
        }
        if (rs[0].signum() <= 0 || rs[1].signum() <= 0) {
            throw new InvalidSignatureException(
                    InvalidSignatureException.Reason.MALFORMED,
                    "signature values r and s must lie in [1, n-1]");
        }
        return rs;
    }

    /** Encodes {@code r, s} as a DER SEQUENCE. */
    static byte[] encode(BigInteger order, BigInteger r, BigInteger s) {
        try {
            return StandardDSAEncoding.INSTANCE.encode(order, r, s);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot DER-encode a signature", e);
        }
    }
}
