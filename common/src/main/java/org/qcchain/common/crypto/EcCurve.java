package org.qcchain.common.crypto;

import java.math.BigInteger;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * One of the two curves, with Bouncy Castle's optimised field arithmetic, and the conversions from
 * JCA keys (from any provider) to lightweight key parameters.
 *
 * <p>Keys are recognised by their domain parameters, not by provider class or curve name, so a
 * P-256 key from the JDK and one from Bouncy Castle are treated alike, and a key on a look-alike
 * curve is rejected.
 */
final class EcCurve {

    static final EcCurve P256 = new EcCurve("secp256r1");
    static final EcCurve SM2 = new EcCurve("sm2p256v1");

    private final String name;
    private final ECDomainParameters domain;
    private final BigInteger p;
    private final BigInteger a;
    private final BigInteger b;
    private final BigInteger gx;
    private final BigInteger gy;
    private final BigInteger halfOrder;

    private EcCurve(String name) {
        X9ECParameters x9 = CustomNamedCurves.getByName(name);
        this.name = name;
        this.domain = new ECDomainParameters(x9);
        this.p = x9.getCurve().getField().getCharacteristic();
        this.a = x9.getCurve().getA().toBigInteger();
        this.b = x9.getCurve().getB().toBigInteger();
        ECPoint g = x9.getG().normalize();
        this.gx = g.getAffineXCoord().toBigInteger();
        this.gy = g.getAffineYCoord().toBigInteger();
        this.halfOrder = x9.getN().shiftRight(1);
    }

    /** The curve's standard name, as Bouncy Castle's key generator knows it. */
    String name() {
        return name;
    }

    ECDomainParameters domain() {
        return domain;
    }

    BigInteger order() {
        return domain.getN();
    }

    /** {@code n >> 1}: the largest {@code s} of a low-S ECDSA signature. */
    BigInteger halfOrder() {
        return halfOrder;
    }

    /** True if the JCA parameters describe exactly this curve, base point and order. */
    boolean matches(ECParameterSpec spec) {
        if (spec == null || !(spec.getCurve().getField() instanceof ECFieldFp field)) {
            return false;
        }
        return field.getP().equals(p)
                && spec.getCurve().getA().equals(a)
                && spec.getCurve().getB().equals(b)
                && spec.getGenerator().getAffineX().equals(gx)
                && spec.getGenerator().getAffineY().equals(gy)
                && spec.getOrder().equals(domain.getN())
                && BigInteger.valueOf(spec.getCofactor()).equals(domain.getH());
    }

    /**
     * Converts a public key of this curve; the point is validated (on the curve, not infinity).
     *
     * <p>A Bouncy Castle key keeps its point object, and Bouncy Castle caches the validity check and
     * the multiplication tables of a point on the point itself; reusing it makes verifying many
     * signatures of the same key (one certificate object, many transactions) about twice as fast.
     *
     * @throws IllegalArgumentException if the point is not a valid point of this curve
     */
    ECPublicKeyParameters publicParameters(ECPublicKey key) {
        ECPoint q;
        if (key instanceof org.bouncycastle.jce.interfaces.ECPublicKey bcKey) {
            q = bcKey.getQ();
        } else {
            q = domain.getCurve().createPoint(key.getW().getAffineX(), key.getW().getAffineY());
        }
        return new ECPublicKeyParameters(q, domain);
    }

    /**
     * Converts a private key of this curve.
     *
     * @throws IllegalArgumentException if the scalar is outside [1, n-1]
     */
    ECPrivateKeyParameters privateParameters(ECPrivateKey key) {
        return new ECPrivateKeyParameters(key.getS(), domain);
    }

    /** True if {@code publicKey} is {@code d·G} for the private scalar {@code d}. */
    boolean isKeyPair(ECPrivateKey privateKey, ECPublicKey publicKey) {
        ECPoint derived = new FixedPointCombMultiplier()
                .multiply(domain.getG(), privateKey.getS().mod(domain.getN()))
                .normalize();
        return !derived.isInfinity()
                && derived.getAffineXCoord().toBigInteger().equals(publicKey.getW().getAffineX())
                && derived.getAffineYCoord().toBigInteger().equals(publicKey.getW().getAffineY());
    }
}
