package org.qcchain.sdk;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.qcchain.common.crypto.Identity;
import org.qcchain.sdk.internal.Syntax;
import org.qcchain.sdk.verify.TrustAnchors;
import org.qcchain.sdk.verify.Verifier;

/** Collects what a {@link QcchainClient} needs; every setter checks its argument. */
public final class QcchainClientBuilder {

    URI endpoint;
    String mspId;
    Identity identity;
    TrustAnchors trustAnchors;
    SSLContext tls;
    Duration connectTimeout = Duration.ofSeconds(5);
    Duration requestTimeout = Duration.ofSeconds(30);
    boolean sealedAnswers;

    QcchainClientBuilder() {}

    /** @param uri the node, {@code http} or {@code https}, without path @return this builder */
    public QcchainClientBuilder endpoint(URI uri) {
        Objects.requireNonNull(uri, "endpoint");
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("endpoint must be an http or https URI with a host, was " + uri);
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !"/".equals(uri.getRawPath())) {
            throw new IllegalArgumentException("endpoint must not have a path; routes start with /v1");
        }
        this.endpoint = URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
        return this;
    }

    /** @param organisation the caller's MSP id @param member the certificate and key that sign @return this */
    public QcchainClientBuilder identity(String organisation, Identity member) {
        this.mspId = Syntax.require("mspId", organisation, Syntax.MSP_ID);
        this.identity = Objects.requireNonNull(member, "identity");
        return this;
    }

    /** @param anchors what answers are verified against @return this builder */
    public QcchainClientBuilder trustAnchors(TrustAnchors anchors) {
        this.trustAnchors = Objects.requireNonNull(anchors, "trustAnchors");
        return this;
    }

    /** @param context TLS trust (and client certificate for mutual TLS) @return this builder */
    public QcchainClientBuilder tlsTrust(SSLContext context) {
        this.tls = Objects.requireNonNull(context, "tlsTrust");
        return this;
    }

    /** @param timeout to open a connection, positive @return this builder */
    public QcchainClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = positive("connectTimeout", timeout);
        return this;
    }

    /** @param timeout for one call, positive @return this builder */
    public QcchainClientBuilder requestTimeout(Duration timeout) {
        this.requestTimeout = positive("requestTimeout", timeout);
        return this;
    }

    /**
     * Asks the node to seal data answers to the identity's certificate ({@code qcchain-sealed/1},
     * docs/proof-format.md "Sealed answers"), so that TLS terminators, proxies and logs between
     * node and caller never see the data values; the client opens them with the identity's private
     * key before verifying. A node that answers in clear anyway is refused.
     *
     * @param sealed true to ask for sealed answers; false (the default) for plain JSON
     * @return this builder
     */
    public QcchainClientBuilder sealedAnswers(boolean sealed) {
        this.sealedAnswers = sealed;
        return this;
    }

    /**
     * @return the client
     * @throws IllegalStateException naming the first missing setting
     */
    public QcchainClient build() {
        if (endpoint == null) {
            throw new IllegalStateException("endpoint(...) is required");
        }
        if (identity == null) {
            throw new IllegalStateException("identity(...) is required: every call is signed");
        }
        if (trustAnchors == null) {
            throw new IllegalStateException("trustAnchors(...) is required: answers are verified, never trusted");
        }
        Verifier verifier = Verifier.builder().trustAnchors(trustAnchors).suite(identity.suite()).build();
        return new QcchainClientImpl(this, verifier);
    }

    private static Duration positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }
}
