package org.qcchain.ledger.embedded;

/**
 * The steps a transaction goes through, each timed by the ledger (see {@link
 * EmbeddedLedger#stageTimings()}): the first six on the worker threads, per transaction; then the
 * wait in the queue; the next five on the committer thread, per block; the last on the announcer
 * thread ({@link BlockAnnouncer}), per group of blocks announced together.
 */
public enum Stage {
    /** Decoding the Fabric proposal, the creator's certificate included. */
    DECODE,
    /** Verifying the creator's signature over the proposal bytes. */
    PROPOSAL_SIGNATURE,
    /** Checking the creator against the channel membership (issuer check cached). */
    MEMBERSHIP,
    /** Looking the transaction id up among committed and in-flight ones. */
    DUPLICATE_CHECK,
    /** Running the chaincode on a snapshot (its own signature checks included). */
    SIMULATE,
    /** Encoding the read/write set and hashing the transaction (its Merkle leaf). */
    ENCODE,
    /** Waiting in the committer's queue and for the block to fill. */
    QUEUED,
    /** Duplicate, membership and MVCC validation of a block. */
    VALIDATE,
    /** Hashing and signing the block header. */
    SEAL,
    /** Appending the block's frame (header, signature, transaction entries) to the block file. */
    APPEND,
    /** Forcing the block's frame to disk, which makes the block durable, before H2 commits it. */
    FSYNC,
    /** Writing the block header, transaction index, state and history, and committing H2 (stored later). */
    WRITE,
    /** Completing the submitters' futures and telling listeners. */
    NOTIFY
}
