/**
 * The node's ledger backend on a Hyperledger Fabric channel: {@link
 * org.qcchain.node.ledger.fabric.FabricLedgerBackend#connect} opens one gRPC channel to a gateway
 * peer (TLS) with the Fabric Gateway client. Behind it, {@code GatewayConnection} keeps a gateway
 * per submitting identity, {@code FabricSubmitter} endorses, orders and retries read conflicts,
 * {@code FabricFailures} maps the gateway's errors to the chaincode's error codes, {@code
 * SystemQueries} asks the peer's {@code qscc} and {@code cscc}, {@code FabricReader} shapes blocks,
 * transactions and {@link org.qcchain.common.answer.FabricEvidence}, {@code ChainCheck} walks the
 * hash chain, {@code ChannelMembers} reads the channel's organisations and {@code
 * ChaincodeEventFeed} delivers chaincode events.
 */
package org.qcchain.node.ledger.fabric;
