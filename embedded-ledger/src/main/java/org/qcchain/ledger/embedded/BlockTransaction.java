package org.qcchain.ledger.embedded;

import java.time.Instant;
import java.util.SortedMap;
import org.qcchain.simulator.Write;

/**
 * What H2 stores of a transaction in a block (its index row, and for a valid one its writes to the
 * state and key history), the same whether the committer has just validated it ({@link
 * OrderedTransaction}) or opening replays it from the block file ({@link BlockReplay}).
 */
interface BlockTransaction {

    /** Its index in the block. */
    int txNumber();

    String txId();

    /** Its transaction hash, the block's Merkle leaf. */
    byte[] hash();

    ValidationCode code();

    /** The length of its entry in the block file. */
    int entryLength();

    /** The proposal's timestamp: the time its writes carry in the key history. */
    Instant timestamp();

    /** Its writes in key order; stored only when it is valid. */
    SortedMap<String, Write> writes();

    default boolean isValid() {
        return code() == ValidationCode.VALID;
    }
}
