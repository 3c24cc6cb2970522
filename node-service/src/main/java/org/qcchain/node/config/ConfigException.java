package org.qcchain.node.config;

/**
 * The node's configuration cannot be used: unreadable file, malformed JSON, an unknown key, a
 * value of the wrong type or out of range, an unusable environment override or TLS file. The
 * message names the file or variable and the key, for the operator.
 */
public final class ConfigException extends Exception {

    /** Serialization version of this class. */
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and where
     */
    public ConfigException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what is wrong and where
     * @param cause the underlying failure
     */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
