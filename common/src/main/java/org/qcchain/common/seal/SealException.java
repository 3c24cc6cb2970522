package org.qcchain.common.seal;

/**
 * A sealed envelope could not be opened: malformed, for another recipient or suite, or altered.
 * Checked, so that a caller cannot forget that opening fails closed and yields no plaintext.
 */
public final class SealException extends Exception {

    /** Serialization version of this class. */
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, without any plaintext
     */
    public SealException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what is wrong, without any plaintext
     * @param cause the underlying failure
     */
    public SealException(String message, Throwable cause) {
        super(message, cause);
    }
}
