package org.qcchain.common.fabric;

/**
 * Bytes that should hold a protobuf message do not: truncated, an overlong varint, a length
 * running past the end, a known field of the wrong wire type or given twice, a string that is not
 * UTF-8. The reader fails closed rather than guess, so whoever checks evidence never acts on a
 * message two parsers could read differently. The message names the Fabric message and field.
 */
public final class ProtoFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param detail which message and field, and what was wrong
     */
    public ProtoFormatException(String detail) {
        super(detail);
    }
}
