package org.qcchain.common.crypto;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECLookupTable;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * Every multiple {@code d·2^(8i)·P} of one point for the signed 8-bit digits {@code 1 <= d <= 128}
 * and every byte position {@code i} of a 256-bit scalar, so that {@code k·P} is a sum of at most 33
 * table points and needs no doublings. Verifying an ECDSA signature is {@code u1·G + u2·Q}: with a
 * table for the base point and one for the signer's key that is 66 additions of points in affine
 * form, where Bouncy Castle's joint comb needs 43 doublings and 86 additions.
 *
 * <p>A table holds 33 × 128 points (about 270 KB) and costs about as much to build as 60
 * multiplications, so it pays only for a key that verifies many signatures: the base point, and
 * the few organisations' keys that sign every request ({@link SignerTables}). Verification handles
 * public values only, so the table lookups need not be constant-time.
 *
 * <p>Immutable once built; thread-safe.
 */
final class PointMultiples {

    private static final int WIDTH = 8;
    private static final int HALF = 1 << (WIDTH - 1);
    private static final int SCALAR_BYTES = 32;
    /** 32 byte positions and one for the carry out of the top byte. */
    private static final int WINDOWS = SCALAR_BYTES + 1;

    /**
     * {@code rows[i].lookupVar(d - 1) = d·2^(8i)·P}, in affine form. Bouncy Castle's lookup tables
     * keep the coordinates in one flat array, 64 bytes a point: about a quarter of the memory of
     * point objects, which matters because every verification reads 66 points at random places.
     */
    private final ECLookupTable[] rows;
    private final ECCurve curve;

    private PointMultiples(ECCurve curve, ECLookupTable[] rows) {
        this.curve = curve;
        this.rows = rows;
    }

    /** The table of {@code p}, a point of a curve whose order is below 2^256. */
    static PointMultiples of(ECPoint p) {
        ECCurve curve = p.getCurve();
        if (curve.getOrder() == null || curve.getOrder().bitLength() > 8 * SCALAR_BYTES) {
            throw new IllegalArgumentException("only curves of an order below 2^256");
        }
        ECPoint[] all = new ECPoint[WINDOWS * HALF];
        ECPoint base = p.normalize();
        for (int i = 0; i < WINDOWS; i++) {
            ECPoint multiple = base;
            all[i * HALF] = base;
            for (int d = 2; d <= HALF; d++) {
                multiple = multiple.add(base);
                all[i * HALF + d - 1] = multiple;
            }
            // 2^8·base, in affine form so that the next row's additions are the cheaper mixed ones
            base = multiple.twice().normalize();
        }
        // one field inversion for all of them (Montgomery's trick)
        curve.normalizeAll(all);
        ECLookupTable[] rows = new ECLookupTable[WINDOWS];
        for (int i = 0; i < WINDOWS; i++) {
            rows[i] = curve.createCacheSafeLookupTable(all, i * HALF, HALF);
        }
        return new PointMultiples(curve, rows);
    }

    /** {@code a·this + b·other}, for scalars {@code 0 <= a, b < 2^256}; not normalised. */
    ECPoint sumOfMultiples(BigInteger a, PointMultiples other, BigInteger b) {
        ECPoint sum = curve.getInfinity();
        sum = addMultiple(sum, a);
        return other.addMultiple(sum, b);
    }

    /**
     * Whether the affine x of {@code point} (not infinity), reduced mod {@code n}, is {@code value}
     * (below {@code n}). In Jacobian coordinates {@code x = X / Z^2}, so instead of inverting {@code
     * Z} (which Bouncy Castle blinds with a random factor, a draw from the system's random source
     * every time) this compares {@code X} with {@code c·Z^2} for each candidate {@code c = value,
     * value + n, ...} below the field prime, as Bouncy Castle's ECDSA verifier does.
     */
    static boolean affineXModOrderIs(ECPoint point, BigInteger value, BigInteger n) {
        ECCurve curve = point.getCurve();
        if (curve.getCoordinateSystem() != ECCurve.COORD_JACOBIAN) {
            return point.normalize().getAffineXCoord().toBigInteger().mod(n).equals(value);
        }
        ECFieldElement x = point.getRawXCoord();
        ECFieldElement zSquared = point.getZCoord(0).square();
        BigInteger prime = curve.getField().getCharacteristic();
        for (BigInteger candidate = value; candidate.compareTo(prime) < 0; candidate = candidate.add(n)) {
            if (curve.fromBigInteger(candidate).multiply(zSquared).equals(x)) {
                return true;
            }
        }
        return false;
    }

    /** {@code sum + k·P}, adding one table point per non-zero signed digit of {@code k}. */
    private ECPoint addMultiple(ECPoint sum, BigInteger k) {
        byte[] bytes = BigIntegers.asUnsignedByteArray(SCALAR_BYTES, k);
        int carry = 0;
        for (int i = 0; i < WINDOWS; i++) {
            int digit = (i < SCALAR_BYTES ? bytes[SCALAR_BYTES - 1 - i] & 0xff : 0) + carry;
            // digits in [-128, 127]: 128 and above borrow from the next byte
            if (digit >= HALF) {
                digit -= 1 << WIDTH;
                carry = 1;
            } else {
                carry = 0;
            }
            if (digit > 0) {
                sum = sum.add(rows[i].lookupVar(digit - 1));
            } else if (digit < 0) {
                sum = sum.add(rows[i].lookupVar(-digit - 1).negate());
            }
        }
        return sum;
    }
}
