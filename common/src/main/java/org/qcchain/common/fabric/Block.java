package org.qcchain.common.fabric;

import java.util.List;

/**
 * {@code common.Block}, as a peer's {@code qscc GetBlockByTxID} returns it: the header the orderer
 * signed, the envelopes ({@code data.data}) and the metadata entries ({@code metadata.metadata},
 * indexed by {@link FabricCodes#SIGNATURES}, {@link FabricCodes#TRANSACTIONS_FILTER}, ...).
 *
 * <pre>{@code
 * Block block = Block.parse(Base64.getDecoder().decode(evidence.block()));
 * boolean intact = Arrays.equals(block.header().dataHash(), block.computedDataHash());
 * Envelope envelope = Envelope.parse(block.data().get(evidence.index()));
 * }</pre>
 *
 * @param header the header; all defaults if the block has none
 * @param data the serialized envelopes, in order
 * @param metadata the serialized metadata entries, in order
 */
public record Block(BlockHeader header, List<byte[]> data, List<byte[]> metadata) {

    /** Copies the lists. */
    public Block {
        data = List.copyOf(data);
        metadata = List.copyOf(metadata);
    }

    /**
     * Reads a serialized block.
     *
     * @param bytes the {@code common.Block} bytes
     * @return the view
     * @throws ProtoFormatException if the bytes are not a well-formed block
     */
    public static Block parse(byte[] bytes) throws ProtoFormatException {
        ProtoFields block = ProtoFields.parse(bytes, "common.Block", 1, 2, 3);
        BlockHeader header = BlockHeader.parse(block.bytes(1));
        List<byte[]> data = ProtoFields.parse(block.bytes(2), "common.BlockData", 1).repeated(1);
        List<byte[]> metadata = ProtoFields.parse(block.bytes(3), "common.BlockMetadata", 1).repeated(1);
        return new Block(header, data, metadata);
    }

    /** @return SHA-256 of the envelopes, which {@code header().dataHash()} must equal */
    public byte[] computedDataHash() {
        return FabricHashes.dataHash(data);
    }

    /**
     * Reads one metadata entry as a {@code common.Metadata} message.
     *
     * @param index e.g. {@link FabricCodes#SIGNATURES}
     * @return the entry
     * @throws ProtoFormatException if the block has no such entry or it is malformed
     */
    public Metadata metadata(int index) throws ProtoFormatException {
        if (index < 0 || index >= metadata.size()) {
            throw new ProtoFormatException("common.Block: no metadata at index " + index + " (" + metadata.size()
                    + " entries)");
        }
        return Metadata.parse(metadata.get(index));
    }
}
