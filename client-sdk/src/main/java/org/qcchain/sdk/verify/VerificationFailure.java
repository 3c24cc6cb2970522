package org.qcchain.sdk.verify;

import org.qcchain.common.proof.ProofFailure;

/**
 * Why an answer, or a stretch of the chain, was rejected: one constant per check of
 * docs/proof-format.md section 11, so a bank's log or an auditor's report can tell a tampered value
 * from a forged block without parsing messages. The names are stable codes: never rename one.
 *
 * <p>The record-proof reasons carry the names of {@link ProofFailure}, so a failure reads the same
 * whether common's {@code ProofVerifier} or this SDK found it.
 */
public enum VerificationFailure {

    /** A part is missing or cannot be read: not JSON of the expected shape, a bad hash or time. */
    MALFORMED,
    /** The answer or a proof declares a format this verifier does not know. */
    FORMAT_UNSUPPORTED,
    /** The answer, a proof or a certificate is in another crypto suite than the verifier's. */
    SUITE_MISMATCH,

    /** The node's signature over the answer does not verify with its certificate. */
    ANSWER_SIGNATURE_INVALID,
    /** The node's certificate was not issued by a CA trusted for node certificates. */
    UNTRUSTED_SIGNER,
    /** The node's certificate was not valid when the answer was issued. */
    CERTIFICATE_EXPIRED,
    /** The answer is for another request than the one the caller signed. */
    ANSWER_FOR_ANOTHER_REQUEST,

    /** The access record is not a grant of exactly this request (hash, parties, purpose, fields). */
    ACCESS_RECORD_MISMATCH,
    /** The access record is not what the transaction in the evidence wrote. */
    ACCESS_RECORD_NOT_ON_LEDGER,

    /** A disclosed record is of another dataset or subject, or opens other fields than requested. */
    DISCLOSURE_MISMATCH,
    /** A disclosed field is not one of the record's committed fields. */
    FIELD_NOT_COMMITTED,
    /** A disclosed value and salt do not open the field's commitment. */
    FIELD_COMMITMENT_MISMATCH,
    /** The record's header and commitments do not hash to its claimed root. */
    RECORD_ROOT_MISMATCH,
    /** The inclusion proof has a wrong index or path length for its tree. */
    MERKLE_PATH_INVALID,
    /** The inclusion proof is for a tree of another size than the anchored batch. */
    MERKLE_TREE_SIZE_MISMATCH,
    /** The record root and its path lead to another root than the anchored one. */
    MERKLE_ROOT_MISMATCH,

    /** The anchor's signature is not by a certificate of its provider's CA, valid at anchoring. */
    ANCHOR_SIGNATURE_INVALID,
    /** The anchor is of another dataset or provider, or its statement is unusable. */
    ANCHOR_MISMATCH,
    /** The anchor is not what the transaction in its evidence wrote. */
    ANCHOR_NOT_ON_LEDGER,

    /**
     * The transaction does not hash into the block's transactions root at its index; on Fabric,
     * the envelope at the index is not the endorser transaction the evidence names.
     */
    BLOCK_TRANSACTION_NOT_INCLUDED,
    /**
     * The block marks the transaction invalid, or the chaincode answered with an error status; on
     * Fabric also a transaction that Fabric's own checks would have marked invalid (transaction id
     * not derived from nonce and creator, endorsements of another proposal, not exactly one action).
     */
    TRANSACTION_INVALID,
    /** The block's signature does not verify with the node's certificate. */
    BLOCK_SIGNATURE_INVALID,
    /** A block does not hash-link to the block before it (auditor chain checks). */
    BLOCK_HASH_LINK_BROKEN,
    /** A block's transactions do not hash to its transactions root (auditor chain checks). */
    BLOCK_TRANSACTIONS_ROOT_MISMATCH,

    /** Fabric: the block's envelopes do not hash to the data hash in its header. */
    BLOCK_DATA_HASH_MISMATCH,
    /**
     * Fabric: no signature over the block header verifies with a certificate that a CA trusted for
     * an orderer organisation issued to an orderer node.
     */
    ORDERER_SIGNATURE_INVALID,
    /** Fabric: the evidence or its transaction is of another channel than the trusted one. */
    CHANNEL_MISMATCH,
    /** Fabric: the transaction invoked, or was answered by, another chaincode than the trusted one. */
    CHAINCODE_MISMATCH,
    /**
     * Fabric: the transaction's creator certificate was not issued by a CA trusted for its MSP,
     * was not valid at the transaction's time, or its signature over the payload does not verify.
     */
    CREATOR_SIGNATURE_INVALID,
    /**
     * Fabric: an endorser's certificate was not issued by a CA trusted for its MSP to a peer, or
     * was not valid at the transaction's time.
     */
    ENDORSER_UNTRUSTED,
    /** Fabric: an endorsement's signature over the proposal response does not verify. */
    ENDORSEMENT_SIGNATURE_INVALID,
    /** Fabric: fewer distinct trusted endorsing organisations endorsed than the trust requires. */
    ENDORSEMENT_POLICY_NOT_SATISFIED;

    /**
     * The failure of the same name as a record-proof failure of common.
     *
     * @param reason what common's verifier reported
     * @return the constant of the same name; {@link #MALFORMED} for a reason added later
     */
    public static VerificationFailure of(ProofFailure reason) {
        return switch (reason) {
            case FORMAT_UNSUPPORTED -> FORMAT_UNSUPPORTED;
            case SUITE_MISMATCH -> SUITE_MISMATCH;
            case FIELD_NOT_COMMITTED -> FIELD_NOT_COMMITTED;
            case FIELD_COMMITMENT_MISMATCH -> FIELD_COMMITMENT_MISMATCH;
            case RECORD_ROOT_MISMATCH -> RECORD_ROOT_MISMATCH;
            case MERKLE_PATH_INVALID -> MERKLE_PATH_INVALID;
            case MERKLE_TREE_SIZE_MISMATCH -> MERKLE_TREE_SIZE_MISMATCH;
            case MERKLE_ROOT_MISMATCH -> MERKLE_ROOT_MISMATCH;
            // fail closed: a reason this SDK does not know yet is still a failure
            default -> MALFORMED;
        };
    }
}
