package org.qcchain.common.crypto;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signatures this process has verified already, so that one signature checked at two layers of
 * the same process is computed once: the node checks a consumer's signed data request when it
 * arrives (it is the request's authentication), and the chaincode, running in the node's own
 * process on the embedded ledger, checks the same signature again when it decides the request.
 *
 * <p>Only a successful verification is remembered, under the SHA-256 digest of the certificate,
 * the data and the signature (each with its length); a check is skipped only for exactly the same
 * three, so finding an entry is as good as verifying: verification is a pure function of them. A
 * failed check is never remembered and fails again in full. Where the chaincode runs in a process of
 * its own (a Fabric peer's chaincode server) nothing was verified before and every check is made.
 *
 * <p>Bounded: when {@value #CAPACITY} entries are held the set is emptied and starts again, which
 * costs at most one extra verification per entry. Thread-safe.
 */
public final class VerifiedSignatures {

    static final int CAPACITY = 16_384;

    private static final ConcurrentHashMap<ByteBuffer, Boolean> VERIFIED = new ConcurrentHashMap<>();

    private VerifiedSignatures() {}

    /**
     * Verifies {@code signature} over {@code data} with the certificate's key, unless this process
     * verified exactly these three before.
     *
     * @param suite the suite of the certificate's key, as the caller has established it
     * @param certificate the signer's certificate
     * @param data the signed bytes
     * @param signature the DER signature
     * @throws InvalidSignatureException as {@link CryptoSuite#verify} does
     */
    public static void verify(CryptoSuite suite, X509Certificate certificate, byte[] data, byte[] signature)
            throws InvalidSignatureException {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(signature, "signature");
        ByteBuffer key = ByteBuffer.wrap(digest(certificate, data, signature));
        if (VERIFIED.containsKey(key)) {
            return;
        }
        suite.verify(certificate.getPublicKey(), data, signature);
        if (VERIFIED.size() >= CAPACITY) {
            VERIFIED.clear();
        }
        VERIFIED.put(key, Boolean.TRUE);
    }

    /** Whether exactly these three were verified and are still remembered (for tests). */
    static boolean remembered(X509Certificate certificate, byte[] data, byte[] signature) {
        return VERIFIED.containsKey(ByteBuffer.wrap(digest(certificate, data, signature)));
    }

    private static byte[] digest(X509Certificate certificate, byte[] data, byte[] signature) {
        MessageDigest sha256;
        byte[] encoded;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
            encoded = certificate.getEncoded();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate cannot be encoded", e);
        }
        update(sha256, encoded);
        update(sha256, data);
        update(sha256, signature);
        return sha256.digest();
    }

    /** Length first, so that no two different triples give the same input. */
    private static void update(MessageDigest digest, byte[] part) {
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(part.length).array());
        digest.update(part);
    }
}
