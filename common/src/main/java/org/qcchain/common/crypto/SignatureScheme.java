package org.qcchain.common.crypto;

import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * The signature algorithm of a suite, on Bouncy Castle's lightweight API.
 *
 * <p>Lightweight signers are cheap to create, so implementations make a fresh one per call and
 * stay thread-safe without caches.
 */
interface SignatureScheme {

    /** Signs {@code data} (the message, not a digest) and returns a DER signature. */
    byte[] sign(ECPrivateKeyParameters key, byte[] data);

    /** Verifies a DER signature over {@code data}; returns normally only if it is valid. */
    void verify(ECPublicKeyParameters key, byte[] data, byte[] signature)
            throws InvalidSignatureException;
}
