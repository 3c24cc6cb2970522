package org.qcchain.ledger.embedded;

/**
 * What became of a submitted transaction, named as Fabric's {@code TxValidationCode} where Fabric
 * has a name for it.
 *
 * <p>Three groups:
 *
 * <ul>
 *   <li>{@link #VALID}: in a block, its writes applied.
 *   <li>Ordered but invalid ({@link #MVCC_READ_CONFLICT}, {@link #PHANTOM_READ_CONFLICT}, {@link
 *       #DUPLICATE_TXID}): in a block, recorded with this code, its writes <em>not</em> applied.
 *   <li>Refused before ordering ({@link #BAD_PROPOSAL}, {@link #BAD_PROPOSAL_SIGNATURE}, {@link
 *       #ENDORSEMENT_POLICY_FAILURE}, {@link #PAGINATED_QUERY}, and {@link #DUPLICATE_TXID} when the
 *       id is already on the ledger): never in a block, as a Fabric gateway refuses them at
 *       endorsement.
 *   <li>{@link #CREATOR_NOT_MEMBER} and {@link #CREATOR_CERTIFICATE_EXPIRED}: refused before
 *       ordering; in a block (its writes not applied) only if a config block changed the
 *       membership between endorsement and commit, as a Fabric committer re-checks the creator.
 * </ul>
 *
 * <p>Only the two read conflicts are {@linkplain #isRetryable() retryable}: the transaction lost a
 * race for a key (two requests on one consent in one block); build a <em>new</em> proposal (new
 * nonce, so a new transaction id) and submit it again.
 */
public enum ValidationCode {
    /** Committed; its writes are in the world state. */
    VALID,
    /** A key it read was changed by an earlier transaction (of this or an earlier block). */
    MVCC_READ_CONFLICT,
    /** A range it read gained, lost or changed a key since it was simulated. */
    PHANTOM_READ_CONFLICT,
    /** Its transaction id is already on the ledger, or earlier in the same block. */
    DUPLICATE_TXID,
    /** The proposal is not a well-formed signed proposal for this ledger's channel and chaincode. */
    BAD_PROPOSAL,
    /** The submitter's signature over the proposal does not verify with its certificate. */
    BAD_PROPOSAL_SIGNATURE,
    /** The chaincode answered with an error (status 400 or more); nothing was ordered. */
    ENDORSEMENT_POLICY_FAILURE,
    /** The transaction ran a paginated query, which Fabric allows only in evaluations. */
    PAGINATED_QUERY,
    /**
     * The creator's certificate was not issued by a CA the channel membership lists for the MSP id
     * it names, or that MSP id is not a member.
     */
    CREATOR_NOT_MEMBER,
    /** The creator's certificate, or the CA that issued it, is not valid at the proposal's timestamp. */
    CREATOR_CERTIFICATE_EXPIRED,
    /** A membership update is not signed by the node, names the wrong sequence or channel, or lists a bad CA. */
    BAD_CONFIG_UPDATE;

    /** Whether the transaction was (or may be) written into a block with this code. */
    public boolean isOrderable() {
        return this == VALID || this == MVCC_READ_CONFLICT || this == PHANTOM_READ_CONFLICT
                || this == DUPLICATE_TXID || this == CREATOR_NOT_MEMBER || this == CREATOR_CERTIFICATE_EXPIRED;
    }

    /** Whether submitting the same call again as a new proposal may succeed. */
    public boolean isRetryable() {
        return this == MVCC_READ_CONFLICT || this == PHANTOM_READ_CONFLICT;
    }

    /** The code a simulator conflict message starts with ({@code "MVCC_READ_CONFLICT: key ..."}). */
    static ValidationCode ofConflictMessage(String message) {
        int colon = message.indexOf(':');
        return valueOf(colon < 0 ? message : message.substring(0, colon));
    }
}
