package org.qcchain.chaincode.support;

import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.qcchain.common.error.ErrorCode;

/**
 * Builds the {@link ChaincodeException}s of the contract.
 *
 * <p>The payload is the stable error code; the message starts with the code too ({@code "CODE:
 * text"}) because a Fabric gateway forwards only the message of a failed endorsement.
 */
public final class ContractErrors {
    private ContractErrors() {}

    public static ChaincodeException error(ErrorCode code, String message) {
        return new ChaincodeException(
                code.code() + ": " + message, code.code().getBytes(StandardCharsets.UTF_8));
    }

    /** The error code of an exception made here; INTERNAL_ERROR for any other. */
    public static ErrorCode codeOf(ChaincodeException e) {
        byte[] payload = e.getPayload();
        if (payload != null) {
            String code = new String(payload, StandardCharsets.UTF_8);
            for (ErrorCode candidate : ErrorCode.values()) {
                if (candidate.code().equals(code)) {
                    return candidate;
                }
            }
        }
        return ErrorCode.INTERNAL_ERROR;
    }

    /** The human part of the message, without the code prefix. */
    public static String reasonOf(ChaincodeException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String prefix = codeOf(e).code() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    public static ChaincodeException invalid(String message) {
        return error(ErrorCode.INVALID_ARGUMENT, message);
    }

    public static ChaincodeException notAuthorized(String message) {
        return error(ErrorCode.NOT_AUTHORIZED, message);
    }
}
