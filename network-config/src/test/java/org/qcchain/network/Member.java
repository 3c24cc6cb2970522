package org.qcchain.network;

/**
 * A channel member: its MSP id, its folder's short name (its files come from {@link
 * FabricTestNetwork}), and the gateway peer it connects through (its own peer, or another
 * organisation's when it runs none).
 *
 * @param mspId the organisation's MSP id
 * @param org the short name, as in the folder {@code peerOrganizations/<org>.qcchain.example}
 * @param gatewayOrg the organisation whose peer is the gateway
 * @param gatewayPort that peer's port on 127.0.0.1
 */
record Member(String mspId, String org, String gatewayOrg, int gatewayPort) {

    static Member withPeer(String mspId, String org, int port) {
        return new Member(mspId, org, org, port);
    }

    static Member through(String mspId, String org, Member gateway) {
        return new Member(mspId, org, gateway.org, gateway.gatewayPort);
    }
}
