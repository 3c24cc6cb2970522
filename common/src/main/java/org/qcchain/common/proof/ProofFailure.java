package org.qcchain.common.proof;

/**
 * Why a proof was rejected: one constant per check, so that a consumer, an auditor or a log can
 * tell a tampered value from a stale anchor without parsing messages.
 *
 * <p>The names are stable codes, like {@link org.qcchain.common.error.ErrorCode}: never rename one.
 * The list is open: the client SDK's ledger-evidence checks (anchor, block, access record and
 * answer signature, reasons {@code ANCHOR_*}, {@code BLOCK_*}, {@code ACCESS_RECORD_*} and {@code
 * ANSWER_SIGNATURE_*}) will be added here, next to these, when that evidence format is defined;
 * code that switches over this enum should keep a default branch.
 */
public enum ProofFailure {

    /**
     * The proof is not well formed: a missing part, a hash that is not 64 lowercase hex
     * characters, a salt that is not the base64 of 32 bytes, a value that is not a JSON scalar, a
     * field name or identifier outside its syntax, JSON that cannot be read.
     */
    MALFORMED,

    /** The proof declares a format other than {@value ProofFormat#VERSION}. */
    FORMAT_UNSUPPORTED,

    /** The proof, or the batch root it is checked against, uses another crypto suite. */
    SUITE_MISMATCH,

    /** A disclosed field has no commitment in the record: its name is not one of the record's. */
    FIELD_NOT_COMMITTED,

    /** A disclosed field's value and salt do not open the commitment the record holds for it. */
    FIELD_COMMITMENT_MISMATCH,

    /** The record's header and commitments do not hash to the record root the proof claims. */
    RECORD_ROOT_MISMATCH,

    /**
     * The inclusion proof cannot be a proof for its position: the leaf index is not below the tree
     * size, or the path has more or fewer hashes than that position needs.
     */
    MERKLE_PATH_INVALID,

    /** The inclusion proof is for a tree of another size than the anchored batch. */
    MERKLE_TREE_SIZE_MISMATCH,

    /** The leaf and its path hash to another root than the anchored batch root. */
    MERKLE_ROOT_MISMATCH
}
