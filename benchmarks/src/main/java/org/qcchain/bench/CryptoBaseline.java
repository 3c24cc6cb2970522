package org.qcchain.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.crypto.InvalidSignatureException;

/**
 * Signatures per second on one thread, the unit in which the ledger's cost is best understood: a
 * {@code requestAccess} costs the ledger two verifications (proposal, and the request inside it)
 * plus a share of one block signature.
 *
 * @param signPerSecond signatures per second on one thread
 * @param verifyPerSecond verifications per second on one thread
 */
record CryptoBaseline(double signPerSecond, double verifyPerSecond) {

    private static final int WARMUP = 10_000;
    private static final int ROUNDS = 4_000;

    static CryptoBaseline measure(Identity identity) {
        CryptoSuite suite = identity.suite();
        byte[] data = "{\"consumerMspId\":\"BankMSP\",\"nonce\":\"n-1\"}".getBytes(UTF_8);
        byte[] signature = identity.sign(data);
        for (int i = 0; i < WARMUP; i++) {
            identity.sign(data);
            verify(suite, identity, data, signature);
        }
        long start = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            identity.sign(data);
        }
        double sign = ROUNDS / ((System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            verify(suite, identity, data, signature);
        }
        double verify = ROUNDS / ((System.nanoTime() - start) / 1e9);
        return new CryptoBaseline(sign, verify);
    }

    private static void verify(CryptoSuite suite, Identity identity, byte[] data, byte[] signature) {
        try {
            suite.verify(identity.certificate().getPublicKey(), data, signature);
        } catch (InvalidSignatureException e) {
            throw new IllegalStateException("a fresh signature does not verify", e);
        }
    }
}
