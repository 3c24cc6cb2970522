package org.qcchain.common.fabric;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code common.Metadata}: one block metadata entry. At {@link FabricCodes#SIGNATURES} its value is
 * the orderer block metadata (last config, consenter metadata) and its signatures are the
 * orderers' signatures over {@code value ‖ signature_header ‖ BlockHeaderBytes}.
 *
 * @param value the entry's value; the reader's copy
 * @param signatures the signatures, in order
 */
public record Metadata(byte[] value, List<MetadataSignature> signatures) {

    /** Copies the list. */
    public Metadata {
        signatures = List.copyOf(signatures);
    }

    /**
     * Reads a serialized entry.
     *
     * @param bytes the message
     * @return the view
     * @throws ProtoFormatException if the bytes are not a well-formed entry
     */
    public static Metadata parse(byte[] bytes) throws ProtoFormatException {
        ProtoFields fields = ProtoFields.parse(bytes, "common.Metadata", 1, 2);
        List<MetadataSignature> signatures = new ArrayList<>();
        for (byte[] signature : fields.repeated(2)) {
            signatures.add(MetadataSignature.parse(signature));
        }
        return new Metadata(fields.bytes(1), signatures);
    }
}
