package org.qcchain.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/**
 * The table sums equal Bouncy Castle's point multiplication for scalars that exercise every digit
 * and carry: zero, one, the order's neighbours, runs of 0x80 and 0xFF bytes, and random ones; the
 * x comparison in Jacobian coordinates agrees with the normalised point's.
 */
class PointMultiplesTest {

    private static final EcCurve CURVE = EcCurve.P256;
    private static final BigInteger N = CURVE.order();

    @Test
    void sums_of_two_multiples_equal_bouncy_castles() {
        ECPoint g = CURVE.domain().getG();
        ECPoint q = g.multiply(new BigInteger("6f1d0a4b3c2e5d7f", 16)).normalize();
        PointMultiples gTable = PointMultiples.of(g);
        PointMultiples qTable = PointMultiples.of(q);
        List<BigInteger> scalars = scalars();

        for (BigInteger a : scalars) {
            for (BigInteger b : List.of(BigInteger.ZERO, BigInteger.ONE, N.subtract(BigInteger.ONE), a.add(N.shiftRight(3)).mod(N))) {
                ECPoint expected = g.multiply(a).add(q.multiply(b)).normalize();
                ECPoint actual = gTable.sumOfMultiples(a, qTable, b).normalize();
                assertThat(actual.isInfinity()).as("a=%s b=%s", a, b).isEqualTo(expected.isInfinity());
                if (!expected.isInfinity()) {
                    assertThat(actual.getAffineXCoord()).as("a=%s b=%s", a, b).isEqualTo(expected.getAffineXCoord());
                    assertThat(actual.getAffineYCoord()).as("a=%s b=%s", a, b).isEqualTo(expected.getAffineYCoord());
                }
            }
        }
    }

    @Test
    void a_multiple_and_its_negation_sum_to_infinity() {
        ECPoint g = CURVE.domain().getG();
        PointMultiples gTable = PointMultiples.of(g);
        BigInteger k = new BigInteger("80ff80ff80ff80ff80ff80ff80ff80ff80ff80ff80ff80ff80ff80ff80ff80ff", 16).mod(N);

        assertThat(gTable.sumOfMultiples(k, gTable, N.subtract(k)).isInfinity()).isTrue();
    }

    @Test
    void x_mod_n_is_compared_without_normalising_on_both_curves() {
        for (EcCurve curve : List.of(EcCurve.P256, EcCurve.SM2)) {
            ECPoint g = curve.domain().getG();
            Random random = new Random(5);
            for (int i = 0; i < 20; i++) {
                // a sum, so the point is in Jacobian coordinates with Z != 1
                ECPoint point = g.multiply(new BigInteger(200, random).add(BigInteger.TWO)).add(g.twice());
                BigInteger x = point.normalize().getAffineXCoord().toBigInteger().mod(curve.order());
                assertThat(PointMultiples.affineXModOrderIs(point, x, curve.order())).isTrue();
                assertThat(PointMultiples.affineXModOrderIs(point, x.add(BigInteger.ONE).mod(curve.order()),
                        curve.order())).isFalse();
            }
        }
    }

    private static List<BigInteger> scalars() {
        List<BigInteger> scalars = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
                BigInteger.valueOf(127), BigInteger.valueOf(128), BigInteger.valueOf(255), BigInteger.valueOf(256),
                N.subtract(BigInteger.ONE), N.subtract(BigInteger.TWO), N.shiftRight(1),
                BigInteger.ONE.shiftLeft(255), BigInteger.ONE.shiftLeft(248).subtract(BigInteger.ONE)));
        scalars.add(new BigInteger("80".repeat(32), 16).mod(N));
        scalars.add(new BigInteger("7f".repeat(32), 16).mod(N));
        scalars.add(new BigInteger("ff".repeat(31) + "00", 16).mod(N));
        Random random = new Random(11);
        for (int i = 0; i < 40; i++) {
            scalars.add(new BigInteger(256, random).mod(N));
        }
        return scalars;
    }
}
