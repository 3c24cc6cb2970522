package org.qcchain.node.store;

/**
 * JVM-wide H2 settings the node's databases (provider stores, delivery outbox) want, applied
 * before H2 reads them, which it does once, when its first class loads. The embedded ledger
 * applies the same for itself.
 */
public final class H2Defaults {

    /** H2's system property for its shared cache of column values. */
    static final String OBJECT_CACHE = "h2.objectCache";

    private H2Defaults() {}

    /**
     * Turns H2's value cache off unless the operator set it: every column value read or bound is
     * hashed and compared against one shared array of recent values, in the hope of sharing equal
     * ones. The node's values (ids, JSON fields, hashes) seldom repeat, so that cost ~2 % of each
     * thread that reads or writes a database, with every thread writing to the same array.
     */
    public static void apply() {
        System.getProperties().putIfAbsent(OBJECT_CACHE, "false");
    }
}
