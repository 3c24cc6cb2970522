package org.qcchain.simulator;

/**
 * The height of the transaction that last wrote a key: its block number and its position in that
 * block, as Fabric's {@code version.Height}. Versions order by block, then by transaction.
 *
 * @param blockNumber the block holding the transaction, from 0
 * @param txNumber the transaction's index in its block, from 0
 */
public record Version(long blockNumber, long txNumber) implements Comparable<Version> {

    /** Rejects negative numbers. */
    public Version {
        if (blockNumber < 0 || txNumber < 0) {
            throw new IllegalArgumentException(
                    "version numbers must not be negative: block " + blockNumber + ", tx " + txNumber);
        }
    }

    @Override
    public int compareTo(Version other) {
        int byBlock = Long.compare(blockNumber, other.blockNumber);
        return byBlock != 0 ? byBlock : Long.compare(txNumber, other.txNumber);
    }

    /** Short form for messages: {@code block 3 tx 0}. */
    String describe() {
        return "block " + blockNumber + " tx " + txNumber;
    }

    /** Like {@link #describe()}, with {@code null} (an absent key) spelled out. */
    static String describe(Version version) {
        return version == null ? "absent" : version.describe();
    }
}
