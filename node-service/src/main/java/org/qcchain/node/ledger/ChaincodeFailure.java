package org.qcchain.node.ledger;

import java.util.Objects;
import org.qcchain.common.error.ErrorCode;

/**
 * The chaincode refused a call: its message {@code "CODE: explanation"} parsed into the error
 * catalogue, so the node answers with the same code (and HTTP status) the chaincode chose. Also
 * used when the ledger refused the transaction for another reason (then {@code INTERNAL_ERROR} or
 * {@code LEDGER_UNAVAILABLE}).
 */
public final class ChaincodeFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** The catalogue entry. */
    private final ErrorCode errorCode;
    /** The contract function that failed, e.g. {@code Access:requestAccess}. */
    private final String function;

    /**
     * Creates the failure.
     *
     * @param errorCode the catalogue entry
     * @param function the contract function called
     * @param message the explanation, without the code prefix
     */
    public ChaincodeFailure(ErrorCode errorCode, String function, String message) {
        this(errorCode, function, message, null);
    }

    /**
     * Creates the failure with what the ledger client threw, so that the node can tell a network
     * that did not answer from one that refused (e.g. at start, {@link
     * org.qcchain.node.ledger.fabric.Reachability}).
     *
     * @param errorCode the catalogue entry
     * @param function the contract function called
     * @param message the explanation, without the code prefix
     * @param cause the client's failure, or {@code null}
     */
    public ChaincodeFailure(ErrorCode errorCode, String function, String message, Throwable cause) {
        super(message, cause, false, false);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
        this.function = Objects.requireNonNull(function, "function");
    }

    /**
     * Parses a chaincode message of the form {@code "CODE: text"}.
     *
     * @param function the contract function called
     * @param chaincodeMessage the message the chaincode answered with
     * @return the failure; {@code INTERNAL_ERROR} when the message carries no known code
     */
    public static ChaincodeFailure fromMessage(String function, String chaincodeMessage) {
        ErrorCode code = ErrorCode.fromMessage(chaincodeMessage);
        String text = chaincodeMessage == null ? "" : chaincodeMessage;
        String prefix = code.code() + ":";
        if (text.startsWith(prefix)) {
            text = text.substring(prefix.length()).strip();
        }
        return new ChaincodeFailure(code, function, text.isEmpty() ? code.title() : text);
    }

    /** @return the catalogue entry */
    public ErrorCode errorCode() {
        return errorCode;
    }

    /** @return the contract function that failed */
    public String function() {
        return function;
    }
}
