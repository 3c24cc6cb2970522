package org.qcchain.network;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;

/**
 * A member's first user connected to its gateway peer with the Fabric Gateway client: gRPC over
 * TLS, the cryptogen certificate as identity, its key as signer. Submitting waits for the commit.
 */
final class MemberClient implements AutoCloseable {
    /** Discovery needs gossip to learn which peers run the chaincode; until then the gateway says so. */
    private static final Duration DISCOVERY_GRACE = Duration.ofSeconds(90);

    private final Member member;
    private final ManagedChannel channel;
    private final Gateway gateway;
    private final Network network;

    private MemberClient(Member member, ManagedChannel channel, Gateway gateway, String channelName) {
        this.member = member;
        this.channel = channel;
        this.gateway = gateway;
        this.network = gateway.getNetwork(channelName);
    }

    static MemberClient connect(Member member, FabricTestNetwork fabric, String channelName)
            throws IOException, CertificateException, InvalidKeyException {
        ChannelCredentials tls = TlsChannelCredentials.newBuilder()
                .trustManager(fabric.peerTlsRoot(member.gatewayOrg()).toFile())
                .build();
        ManagedChannel channel = Grpc.newChannelBuilder("127.0.0.1:" + member.gatewayPort(), tls).build();
        Gateway gateway = Gateway.newInstance()
                .identity(new X509Identity(member.mspId(),
                        Identities.readX509Certificate(fabric.userCertificatePem(member.org()))))
                .signer(Signers.newPrivateKeySigner(Identities.readPrivateKey(fabric.userPrivateKeyPem(member.org()))))
                .connection(channel)
                .evaluateOptions(options -> options.withDeadlineAfter(30, TimeUnit.SECONDS))
                .endorseOptions(options -> options.withDeadlineAfter(60, TimeUnit.SECONDS))
                .submitOptions(options -> options.withDeadlineAfter(30, TimeUnit.SECONDS))
                .commitStatusOptions(options -> options.withDeadlineAfter(2, TimeUnit.MINUTES))
                .connect();
        return new MemberClient(member, channel, gateway, channelName);
    }

    Member member() {
        return member;
    }

    /**
     * Submits {@code contract:function} and waits until its block is committed.
     *
     * @return the chaincode's answer, as text
     */
    String submit(String chaincode, String contract, String function, String... args)
            throws GatewayException, CommitException, InterruptedException {
        long deadline = System.nanoTime() + DISCOVERY_GRACE.toNanos();
        while (true) {
            try {
                byte[] result = network.getContract(chaincode, contract).submitTransaction(function, args);
                return new String(result, StandardCharsets.UTF_8);
            } catch (EndorseException | SubmitException | CommitStatusException e) {
                if (!isDiscoveryNotReady(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                System.err.printf("%s %s:%s: gateway not ready yet (%s); retrying%n", member.mspId(), contract,
                        function, e.getMessage());
                Thread.sleep(2_000);
            }
        }
    }

    /** Evaluates {@code contract:function} on the gateway peer (a query; nothing is ordered). */
    String evaluate(String chaincode, String contract, String function, String... args) throws GatewayException {
        byte[] result = network.getContract(chaincode, contract).evaluateTransaction(function, args);
        return new String(result, StandardCharsets.UTF_8);
    }

    private static boolean isDiscoveryNotReady(GatewayException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("no combination of peers") || message.contains("no peers available");
    }

    @Override
    public void close() {
        gateway.close();
        try {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
