package org.qcchain.node.ledger.fabric;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the node's Fabric network is: one gateway peer reached over gRPC with TLS, and the
 * channel and chaincode the platform runs on. The gateway peer forwards proposals to the peers
 * the endorsement policy needs and orders the transaction, so the node never talks to an orderer.
 *
 * @param gatewayEndpoint {@code host:port} of the gateway peer
 * @param tlsRootCertificate PEM file of the CA of the peer's TLS certificate
 * @param hostnameOverride the name the peer's TLS certificate is checked against, when it is not
 *     the endpoint's host; {@code null} to check the host
 * @param channel the channel, e.g. {@code datashare}
 * @param chaincode the chaincode's name on the channel, e.g. {@code qcchain}
 */
public record FabricNetworkOptions(String gatewayEndpoint, Path tlsRootCertificate, String hostnameOverride,
        String channel, String chaincode) {

    /** Requires every part but the override. */
    public FabricNetworkOptions {
        Objects.requireNonNull(gatewayEndpoint, "gatewayEndpoint");
        Objects.requireNonNull(tlsRootCertificate, "tlsRootCertificate");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(chaincode, "chaincode");
    }
}
