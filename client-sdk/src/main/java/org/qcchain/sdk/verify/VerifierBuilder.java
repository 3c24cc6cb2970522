package org.qcchain.sdk.verify;

import java.util.Objects;
import org.qcchain.common.crypto.CryptoSuite;

/** Collects what a {@link Verifier} needs; setters reject null, {@link #build()} what is missing. */
public final class VerifierBuilder {

    /** Enough for every block and signer certificate a busy consumer meets in a day. */
    static final int DEFAULT_CACHE = 10_000;

    /** Parsed certificates cost a few kilobytes each, and a network has few signers. */
    static final int MAX_CERTIFICATE_CACHE = 1_000;

    private TrustAnchors trustAnchors;
    private CryptoSuite suite;
    private int cacheSize = DEFAULT_CACHE;

    VerifierBuilder() {}

    /**
     * @param anchors the CAs this verifier trusts; required
     * @return this builder
     */
    public VerifierBuilder trustAnchors(TrustAnchors anchors) {
        this.trustAnchors = Objects.requireNonNull(anchors, "trustAnchors");
        return this;
    }

    /**
     * @param networkSuite the network's crypto suite; required. Answers, proofs and certificates of
     *     another suite fail with {@link VerificationFailure#SUITE_MISMATCH}
     * @return this builder
     */
    public VerifierBuilder suite(CryptoSuite networkSuite) {
        this.suite = Objects.requireNonNull(networkSuite, "suite");
        return this;
    }

    /**
     * @param entries how many successful signature and certificate-issuance checks to remember,
     *     least recently used out first; parsed certificates are remembered too, at most {@value
     *     #MAX_CERTIFICATE_CACHE} of them. 0 turns all caching off. Default {@value #DEFAULT_CACHE}
     * @return this builder
     */
    public VerifierBuilder signatureCacheSize(int entries) {
        if (entries < 0) {
            throw new IllegalArgumentException("signatureCacheSize must be 0 or more, was " + entries);
        }
        this.cacheSize = entries;
        return this;
    }

    /**
     * @return the verifier
     * @throws IllegalStateException naming the first missing setting
     */
    public Verifier build() {
        if (trustAnchors == null) {
            throw new IllegalStateException("trustAnchors(...) is required: a verifier that trusts nothing proves nothing");
        }
        if (suite == null) {
            throw new IllegalStateException("suite(...) is required: the network's crypto suite");
        }
        return new VerifierImpl(trustAnchors, suite, cacheSize);
    }
}
