package org.qcchain.node.ledger.fabric;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.node.ledger.LedgerIdentity;

/**
 * One gRPC channel to the gateway peer, shared by a {@link Gateway} per submitting identity
 * (made on first use, then kept): the node submits as itself, the importer and the set-up of a
 * platform as providers and other members. Every call has a deadline, as in Fabric's samples:
 * evaluate 30 s, endorse 60 s, submit 30 s, waiting for the commit 2 minutes.
 *
 * <p>Signing goes through the identity's own {@link org.qcchain.common.crypto.Identity#sign}
 * (Bouncy Castle, SHA-256, low-S as Fabric requires), so the gateway is told not to hash.
 */
final class GatewayConnection implements AutoCloseable {

    private final ManagedChannel grpc;
    private final String channel;
    private final Map<String, Network> networks = new ConcurrentHashMap<>();
    private final Map<String, Gateway> gateways = new ConcurrentHashMap<>();

    private GatewayConnection(ManagedChannel grpc, String channel) {
        this.grpc = grpc;
        this.channel = channel;
    }

    /**
     * Opens the channel; gRPC connects lazily, on the first call.
     *
     * @throws IOException if the TLS root certificate cannot be read
     */
    static GatewayConnection open(FabricNetworkOptions options) throws IOException {
        ChannelCredentials tls = TlsChannelCredentials.newBuilder()
                .trustManager(options.tlsRootCertificate().toFile())
                .build();
        ManagedChannelBuilder<?> builder = Grpc.newChannelBuilder(options.gatewayEndpoint(), tls);
        if (options.hostnameOverride() != null) {
            builder.overrideAuthority(options.hostnameOverride());
        }
        return new GatewayConnection(builder.build(), options.channel());
    }

    /**
     * The channel as seen by one identity.
     *
     * @throws IllegalArgumentException if the identity's key is not P-256, the only kind Fabric's
     *     MSP accepts
     */
    Network network(LedgerIdentity as) {
        if (as.identity().suite() != CryptoSuite.P256_SHA256) {
            throw new IllegalArgumentException(as.mspId() + " has a " + as.identity().suite()
                    + " key; a Fabric channel accepts ECDSA P-256 identities only");
        }
        String key = as.mspId() + "\n" + as.identity().certificatePem();
        return networks.computeIfAbsent(key, k -> gateway(k, as).getNetwork(channel));
    }

    private Gateway gateway(String key, LedgerIdentity as) {
        Gateway gateway = Gateway.newInstance()
                .identity(new X509Identity(as.mspId(), as.identity().certificate()))
                .signer(message -> as.identity().sign(message))
                .hash(Hash.NONE)
                .connection(grpc)
                .evaluateOptions(options -> options.withDeadlineAfter(30, TimeUnit.SECONDS))
                .endorseOptions(options -> options.withDeadlineAfter(60, TimeUnit.SECONDS))
                .submitOptions(options -> options.withDeadlineAfter(30, TimeUnit.SECONDS))
                .commitStatusOptions(options -> options.withDeadlineAfter(2, TimeUnit.MINUTES))
                .connect();
        gateways.put(key, gateway);
        return gateway;
    }

    @Override
    public void close() {
        gateways.values().forEach(Gateway::close);
        try {
            grpc.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
