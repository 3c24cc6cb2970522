package org.qcchain.common.fabric;

import java.util.List;

/**
 * The numbers of Fabric's enums that a verifier compares with: the header type of an endorser
 * transaction, the block metadata indexes, and the transaction validation codes a committing peer
 * writes (fabric-protos {@code common.HeaderType}, {@code common.BlockMetadataIndex}, {@code
 * peer.TxValidationCode}).
 */
public final class FabricCodes {

    /** {@code common.HeaderType.ENDORSER_TRANSACTION}: a chaincode invocation. */
    public static final int ENDORSER_TRANSACTION = 3;

    /** {@code BlockMetadataIndex.SIGNATURES}: the orderers' signatures over the header. */
    public static final int SIGNATURES = 0;

    /** {@code BlockMetadataIndex.TRANSACTIONS_FILTER}: one validation code byte per transaction. */
    public static final int TRANSACTIONS_FILTER = 2;

    /** {@code TxValidationCode.VALID}. */
    public static final int VALID = 0;

    /** Names of the validation codes 0 to 25, by value. */
    private static final List<String> VALIDATION_CODES = List.of("VALID", "NIL_ENVELOPE", "BAD_PAYLOAD",
            "BAD_COMMON_HEADER", "BAD_CREATOR_SIGNATURE", "INVALID_ENDORSER_TRANSACTION", "INVALID_CONFIG_TRANSACTION",
            "UNSUPPORTED_TX_PAYLOAD", "BAD_PROPOSAL_TXID", "DUPLICATE_TXID", "ENDORSEMENT_POLICY_FAILURE",
            "MVCC_READ_CONFLICT", "PHANTOM_READ_CONFLICT", "UNKNOWN_TX_TYPE", "TARGET_CHAIN_NOT_FOUND",
            "MARSHAL_TX_ERROR", "NIL_TXACTION", "EXPIRED_CHAINCODE", "CHAINCODE_VERSION_CONFLICT",
            "BAD_HEADER_EXTENSION", "BAD_CHANNEL_HEADER", "BAD_RESPONSE_PAYLOAD", "BAD_RWSET", "ILLEGAL_WRITESET",
            "INVALID_WRITESET", "INVALID_CHAINCODE");

    private FabricCodes() {}

    /**
     * The name of a validation code, for messages.
     *
     * @param code the byte of the transactions filter, 0 to 255
     * @return e.g. {@code MVCC_READ_CONFLICT}; {@code NOT_VALIDATED} (254), {@code
     *     INVALID_OTHER_REASON} (255), or {@code CODE_<n>} for a value Fabric does not define
     */
    public static String validationCodeName(int code) {
        if (code >= 0 && code < VALIDATION_CODES.size()) {
            return VALIDATION_CODES.get(code);
        }
        return switch (code) {
            case 254 -> "NOT_VALIDATED";
            case 255 -> "INVALID_OTHER_REASON";
            default -> "CODE_" + code;
        };
    }
}
