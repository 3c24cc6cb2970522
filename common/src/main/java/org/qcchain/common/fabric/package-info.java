/**
 * Read-only views of the Hyperledger Fabric messages that ledger evidence carries, on a small,
 * strict protobuf reader ({@link org.qcchain.common.fabric.ProtoReader}), so that the client SDK
 * can check a Fabric block without depending on protobuf or Fabric's libraries.
 *
 * <p>The entry point is {@link org.qcchain.common.fabric.Block#parse}; each view parses the next
 * level from the bytes the previous one kept ({@code Envelope.parse(block.data().get(i))}, {@code
 * Payload.parse(envelope.payload())}, ...). Serialized sub-messages stay bytes where Fabric hashes
 * or signs exactly those bytes. {@link org.qcchain.common.fabric.FabricHashes} computes what
 * Fabric 2.5 hashes (block header bytes and hash, data hash, proposal hash, transaction id). Every
 * parse fails closed with {@link org.qcchain.common.fabric.ProtoFormatException}.
 *
 * <pre>{@code
 * Block block = Block.parse(blockBytes);
 * Envelope envelope = Envelope.parse(block.data().get(index));
 * Payload payload = Payload.parse(envelope.payload());
 * ChannelHeader channel = ChannelHeader.parse(payload.header().channelHeader());
 * }</pre>
 */
package org.qcchain.common.fabric;
