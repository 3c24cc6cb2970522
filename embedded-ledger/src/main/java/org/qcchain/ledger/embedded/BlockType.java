package org.qcchain.ledger.embedded;

/**
 * What a block holds, the {@code type} member of its header, as Fabric tells config blocks from
 * endorser transactions by their header type.
 */
public enum BlockType {
    /** Block 0: the ledger's configuration and the genesis membership; no transactions. */
    GENESIS,
    /** One {@link MembershipUpdate}; no transactions. It applies from the next block on. */
    CONFIG,
    /** Endorsed transactions. */
    TRANSACTIONS;

    static BlockType of(boolean genesis, boolean config) {
        return genesis ? GENESIS : config ? CONFIG : TRANSACTIONS;
    }
}
