package org.qcchain.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.peer.ChaincodeGrpc;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.ChaincodeInput;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.qcchain.chaincode.model.Role;
import org.qcchain.common.crypto.CryptoSuite;

/**
 * The packaged chaincode jar as chaincode-as-a-service: started the way a peer's external builder
 * starts it, it must listen on {@code CHAINCODE_SERVER_ADDRESS}, register under {@code
 * CORE_CHAINCODE_ID_NAME} when a peer connects, and serve a transaction over the peer protocol.
 * The test plays the peer's side of the gRPC stream.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChaincodeServerIT {
    private static final String CHAINCODE_ID = "qcchain:4f3c2b1a";
    private Process server;
    private ManagedChannel channel;

    @AfterEach
    void stop() throws InterruptedException {
        if (channel != null) {
            channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void the_jar_serves_the_contracts_to_a_connecting_peer() throws Exception {
        int port = freePort();
        server = start(port);
        awaitListening(port);
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        BlockingQueue<ChaincodeMessage> fromChaincode = new LinkedBlockingQueue<>();
        StreamObserver<ChaincodeMessage> toChaincode = ChaincodeGrpc.newStub(channel).connect(collect(fromChaincode));

        ChaincodeMessage register = next(fromChaincode);
        assertThat(register.getType()).isEqualTo(ChaincodeMessage.Type.REGISTER);
        assertThat(ChaincodeID.parseFrom(register.getPayload()).getName()).isEqualTo(CHAINCODE_ID);

        toChaincode.onNext(ChaincodeMessage.newBuilder().setType(ChaincodeMessage.Type.REGISTERED).build());
        toChaincode.onNext(ChaincodeMessage.newBuilder().setType(ChaincodeMessage.Type.READY).build());
        toChaincode.onNext(transaction("tx-metadata-1", "org.hyperledger.fabric:GetMetadata"));

        ChaincodeMessage completed = next(fromChaincode);
        assertThat(completed.getType()).isEqualTo(ChaincodeMessage.Type.COMPLETED);
        assertThat(completed.getTxid()).isEqualTo("tx-metadata-1");
        Response response = Response.parseFrom(completed.getPayload());
        assertThat(response.getStatus()).isEqualTo(200);
        String metadata = response.getPayload().toString(StandardCharsets.UTF_8);
        for (String contract : List.of("Organisations", "Catalogue", "Anchors", "Agreements", "Consents", "Access",
                "History")) {
            assertThat(metadata).contains("\"" + contract + "\"");
        }
        toChaincode.onCompleted();
    }

    private static Process start(int port) throws IOException {
        Path jar = Path.of(System.getProperty("ccaas.jar"));
        assertThat(jar).exists();
        Path log = Files.createTempFile("ccaas", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString());
        builder.environment().put("CHAINCODE_SERVER_ADDRESS", "127.0.0.1:" + port);
        builder.environment().put("CORE_CHAINCODE_ID_NAME", CHAINCODE_ID);
        builder.environment().put("CORE_PEER_TLS_ENABLED", "false");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return builder.start();
    }

    /** A TRANSACTION message as a peer sends it, with a signed proposal from a real certificate. */
    private static ChaincodeMessage transaction(String txId, String... args) {
        Member caller = new Member("BureauMSP", CryptoSuite.P256_SHA256, Role.OPERATOR);
        ChaincodeInput input = ChaincodeInput.newBuilder()
                .addAllArgs(java.util.Arrays.stream(args).map(ByteString::copyFromUtf8).toList()).build();
        Instant now = Instant.now();
        ChannelHeader channelHeader = ChannelHeader.newBuilder()
                .setType(HeaderType.ENDORSER_TRANSACTION_VALUE).setChannelId("datashare").setTxId(txId)
                .setTimestamp(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .build();
        SignatureHeader signatureHeader = SignatureHeader.newBuilder()
                .setCreator(ByteString.copyFrom(caller.creator)).setNonce(ByteString.copyFromUtf8("nonce-" + txId))
                .build();
        Proposal proposal = Proposal.newBuilder()
                .setHeader(Header.newBuilder().setChannelHeader(channelHeader.toByteString())
                        .setSignatureHeader(signatureHeader.toByteString()).build().toByteString())
                .setPayload(ChaincodeProposalPayload.newBuilder().setInput(input.toByteString()).build()
                        .toByteString())
                .build();
        return ChaincodeMessage.newBuilder().setType(ChaincodeMessage.Type.TRANSACTION).setTxid(txId)
                .setChannelId("datashare").setPayload(input.toByteString())
                .setProposal(SignedProposal.newBuilder().setProposalBytes(proposal.toByteString())).build();
    }

    private static StreamObserver<ChaincodeMessage> collect(BlockingQueue<ChaincodeMessage> queue) {
        return new StreamObserver<>() {
            @Override
            public void onNext(ChaincodeMessage message) {
                queue.add(message);
            }

            @Override
            public void onError(Throwable error) {
                queue.add(ChaincodeMessage.newBuilder().setType(ChaincodeMessage.Type.ERROR)
                        .setPayload(ByteString.copyFromUtf8(String.valueOf(error))).build());
            }

            @Override
            public void onCompleted() {}
        };
    }

    private static ChaincodeMessage next(BlockingQueue<ChaincodeMessage> queue) throws InterruptedException {
        ChaincodeMessage message = queue.poll(60, TimeUnit.SECONDS);
        assertThat(message).as("a message from the chaincode").isNotNull();
        return message;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Waits until the server accepts connections: the JVM and the contract scan take a few seconds. */
    private void awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("the chaincode server process is running").isTrue();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the chaincode server did not listen on port " + port);
    }
}
