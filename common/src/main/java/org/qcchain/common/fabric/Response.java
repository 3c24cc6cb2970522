package org.qcchain.common.fabric;

/**
 * {@code peer.Response}: what the chaincode returned: a status (HTTP-like; 400 and above are
 * errors), a message, and the payload. The array is the reader's copy.
 *
 * @param status the status code
 * @param message the message, empty on success
 * @param payload the returned bytes
 */
public record Response(int status, String message, byte[] payload) {

    /**
     * Reads a serialized response.
     *
     * @param bytes the message
     * @return the view
     * @throws ProtoFormatException if the bytes are not a well-formed response
     */
    public static Response parse(byte[] bytes) throws ProtoFormatException {
        ProtoFields fields = ProtoFields.parse(bytes, "peer.Response", 1, 2, 3);
        return new Response(fields.int32(1), fields.string(2), fields.bytes(3));
    }
}
