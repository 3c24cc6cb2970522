package org.qcchain.common.crypto;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one Bouncy Castle provider instance qcchain uses.
 *
 * <p>The provider is created on first use and deliberately not registered with
 * {@link java.security.Security}: registering changes algorithm lookup for the whole JVM (the
 * peer, Vert.x, the bank's own code), so every JCA call here passes the instance explicitly.
 *
 * <pre>{@code
 * CertificateFactory factory = CertificateFactory.getInstance("X.509", BouncyCastle.provider());
 * }</pre>
 */
public final class BouncyCastle {

    private BouncyCastle() {}

    /**
     * Returns the shared provider, creating it on first call.
     *
     * @return the Bouncy Castle provider instance, never registered globally
     */
    public static Provider provider() {
        return Holder.PROVIDER;
    }

    /** Lazy, thread-safe initialisation by the class loader. */
    private static final class Holder {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }
}
