package org.qcchain.node.platform;

import org.qcchain.common.error.ErrorCode;
import org.qcchain.node.ApiException;
import org.qcchain.node.ledger.ChaincodeFailure;

/**
 * The platform could not be opened because its ledger did not answer (a Fabric gateway peer down
 * or not yet up). Unlike a {@link org.qcchain.node.config.ConfigException}, nothing is wrong with
 * the node's files or settings: the same command may succeed a moment later, so the CLI exits with
 * {@code EX_UNAVAILABLE} (69) and a service manager restarts the node.
 */
public final class LedgerUnreachable extends Exception {

    /** Serialization version of this class. */
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which ledger and what it answered
     * @param cause the failed read
     */
    public LedgerUnreachable(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether a failure, or any of its causes, is the ledger not answering: a chaincode call or a
     * ledger read that ended with {@link ErrorCode#LEDGER_UNAVAILABLE}.
     *
     * @param failure what opening the platform threw
     * @return whether trying again later may succeed
     */
    static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ChaincodeFailure chaincode && chaincode.errorCode() == ErrorCode.LEDGER_UNAVAILABLE) {
                return true;
            }
            if (cause instanceof ApiException api && api.errorCode() == ErrorCode.LEDGER_UNAVAILABLE) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
