package org.qcchain.ledger.embedded;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.InvalidSignatureException;

/**
 * The structural checks of one block: each transaction's hash recomputed from its stored fields,
 * their Merkle root, the header hash, the link to the previous block, the node's signature, and
 * each proposal's signature (or, for the node's own transactions, that the node is their creator:
 * its block signature covers them) and transaction id.
 */
final class ChainCheck {

    private static final HexFormat HEX = HexFormat.of();

    private final CryptoSuite suite;
    private final PublicKey nodeKey;
    private final ProposalVerifier proposals;

    ChainCheck(CryptoSuite suite, PublicKey nodeKey, ProposalVerifier proposals) {
        this.suite = suite;
        this.nodeKey = nodeKey;
        this.proposals = proposals;
    }

    /** Checks a block and its transactions against the previous block's hash. */
    void check(Block block, List<TransactionRecord> txs, byte[] previousHash) throws LedgerTamperedException {
        long number = block.number();
        if (txs.size() != block.transactionCount()) {
            throw new LedgerTamperedException(number, "holds " + txs.size() + " transactions, header lists "
                    + block.transactionCount());
        }
        List<byte[]> leaves = new ArrayList<>(txs.size());
        for (TransactionRecord tx : txs) {
            byte[] hash = hash(tx);
            if (!HEX.formatHex(hash).equals(tx.hash())) {
                throw new LedgerTamperedException(number, "transaction " + tx.txNumber() + " (" + tx.txId()
                        + ") does not hash to its stored hash");
            }
            leaves.add(hash);
        }
        if (!HEX.formatHex(MerkleTree.root(suite, leaves)).equals(block.transactionsRoot())) {
            throw new LedgerTamperedException(number, "the Merkle root of its transactions does not match");
        }
        byte[] header = block.headerBytes();
        if (!HEX.formatHex(suite.hash(header)).equals(block.hash())) {
            throw new LedgerTamperedException(number, "the header does not hash to the block hash");
        }
        if (!Arrays.equals(HEX.parseHex(block.previousHash()), previousHash)) {
            throw new LedgerTamperedException(number, "does not link to the hash of block " + (number - 1));
        }
        try {
            suite.verify(nodeKey, header, block.signature());
        } catch (InvalidSignatureException e) {
            throw new LedgerTamperedException(number, "the node's signature does not verify: " + e.getMessage());
        }
        checkProposals(number, txs);
    }

    /** Proposal signatures are the expensive part: checked on all cores. */
    private void checkProposals(long number, List<TransactionRecord> txs) throws LedgerTamperedException {
        Optional<String> problem = txs.parallelStream().map(this::proposalProblem)
                .flatMap(Optional::stream).findFirst();
        if (problem.isPresent()) {
            throw new LedgerTamperedException(number, problem.get());
        }
    }

    private Optional<String> proposalProblem(TransactionRecord tx) {
        try {
            String claimed = proposals.verifyStored(tx.proposal()).proposal().txId();
            return claimed.equals(tx.txId()) ? Optional.empty()
                    : Optional.of("transaction " + tx.txNumber() + " is stored as " + tx.txId()
                            + " but its proposal is " + claimed);
        } catch (ProposalRejectedException e) {
            return Optional.of("transaction " + tx.txNumber() + " (" + tx.txId() + "): " + e.getMessage());
        }
    }

    private byte[] hash(TransactionRecord tx) {
        return TransactionEnvelope.hash(suite, tx);
    }
}
