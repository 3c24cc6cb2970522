package org.qcchain.sdk.examples.synthetic;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;

/**
 * The ledger a synthetic answer's transactions are written to, one block after the other, each
 * transaction then proven by the evidence of that ledger's kind. {@link SyntheticLedger} writes the
 * embedded ledger's blocks; another ledger kind (a Fabric channel, in tests) plugs in the same way
 * through {@link AnswerFactory#create(SyntheticNetwork, long, Factory)}.
 */
public interface SyntheticChain {

    /** Starts a chain for one answer. */
    @FunctionalInterface
    interface Factory {
        /**
         * @param suite the network's suite
         * @param node the node identity of the answer
         * @param random where ids and filler bytes come from
         * @return a chain with no transaction pending
         */
        SyntheticChain start(CryptoSuite suite, Identity node, Random random);
    }

    /** @return a fresh transaction id, as this ledger derives them */
    String newTxId();

    /**
     * Adds a transaction to the next block.
     *
     * @param txId an id from {@link #newTxId()}
     * @param status the chaincode's response status
     * @param payload the chaincode's response payload
     * @param event the event the chaincode set, or {@code null}
     */
    void add(String txId, int status, byte[] payload, String event);

    /** Adds a transaction of no interest to the next block. */
    void addFiller();

    /**
     * Cuts the pending transactions into a block.
     *
     * @param codes one validation code per pending transaction, by name ({@code VALID}, {@code MVCC_READ_CONFLICT})
     * @param cutAt the block's time
     * @return the evidence of each transaction of the block, by index
     */
    List<TransactionEvidence> cut(List<String> codes, Instant cutAt);

    /** @return the embedded ledger's blocks so far, genesis first, as auditors fetch them; empty for other ledgers */
    List<SyntheticBlock> blocks();
}
