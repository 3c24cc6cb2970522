package org.qcchain.common.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * Hands out fresh {@link MessageDigest} instances by cloning a never-used prototype, which skips
 * the provider lookup {@code MessageDigest.getInstance} does on every call. The prototype itself is
 * never updated, so concurrent cloning is safe.
 */
final class DigestPrototype {

    private final MessageDigest prototype;

    private DigestPrototype(MessageDigest prototype) {
        this.prototype = prototype;
    }

    /** SHA-256 from the JDK, which uses CPU instructions where available. */
    static DigestPrototype sha256() {
        try {
            return new DigestPrototype(MessageDigest.getInstance("SHA-256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** SM3 from Bouncy Castle. */
    static DigestPrototype sm3() {
        try {
            return new DigestPrototype(MessageDigest.getInstance("SM3", BouncyCastle.provider()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Bouncy Castle has no SM3", e);
        }
    }

    MessageDigest newDigest() {
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(prototype.getAlgorithm() + " digest cannot be cloned", e);
        }
    }
}
