package org.qcchain.ledger.embedded;

import com.google.protobuf.InvalidProtocolBufferException;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.logging.Logger;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.InvalidSignatureException;
import org.qcchain.simulator.ReadWriteSet;
import org.qcchain.simulator.Write;

/**
 * At opening, puts into H2 the blocks the block file holds beyond H2's last block: the blocks a
 * crash caught before H2's background writer stored them. They were durable and may have been
 * acknowledged; their rows follow from their frames exactly as the committer wrote them (header
 * row, transaction index, state and key history), so the ledger opens as if H2 had stored them.
 *
 * <p>A frame is replayed only if it is the next block and is what the node wrote: its header
 * parses to canonical bytes, links to the previous block, carries the node's signature, and its
 * entries hash to the header's Merkle root. A frame that is whole (checksums match) but fails
 * one of these is not a crash's work: opening is refused rather than the block dropped or taken.
 */
final class BlockReplay {

    private static final Logger LOGGER = Logger.getLogger(BlockReplay.class.getName());
    /** Blocks between two progress lines: a database made again from a long block file takes a while. */
    private static final int PROGRESS_BLOCKS = 1_000;

    /** Where the chain stands: the next block number and the hash it must link to. */
    record Tip(long height, byte[] hash) {}

    /** A transaction of a replayed block, read from its entry. */
    private record ReplayedTransaction(int txNumber, String txId, byte[] hash, ValidationCode code,
            int entryLength, TransactionData entry) implements BlockTransaction {

        @Override
        public Instant timestamp() {
            try {
                return ProposalCodec.decode(entry.proposal()).proposal().timestamp();
            } catch (ProposalRejectedException e) {
                throw new IllegalStateException("a valid transaction's proposal cannot be decoded", e);
            }
        }

        @Override
        public SortedMap<String, Write> writes() {
            try {
                return ReadWriteSet.fromProto(KVRWSet.parseFrom(entry.rwset())).writes();
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("a valid transaction's read/write set cannot be decoded", e);
            }
        }
    }

    private final CryptoSuite suite;
    private final PublicKey nodeKey;

    BlockReplay(CryptoSuite suite, PublicKey nodeKey) {
        this.suite = suite;
        this.nodeKey = nodeKey;
    }

    /**
     * Replays every whole frame after H2's last block, committing each block on its own, then cuts
     * off what follows the last one; returns the tip after them.
     *
     * @throws LedgerException if a whole frame is not the block that must come next
     */
    Tip replay(Connection connection, BlockFile file, Tip tip) throws SQLException {
        StoredKeys storedKeys = new StoredKeys();
        if (tip.height() == 1) {
            // only block 0, which writes no state, is stored (the database is being made again from
            // the block file): every key a block writes is new until written, none needs a lookup
            storedKeys.load(connection, () -> false);
        }
        StateChanges stateChanges = StateChanges.load(connection, storedKeys);
        Tip at = tip;
        long transactions = 0;
        Optional<BlockFile.StoredFrame> next;
        while ((next = file.frameAt(file.end())).isPresent()) {
            BlockFile.StoredFrame stored = next.get();
            BlockHeader header = checked(stored, at);
            byte[] hash = suite.hash(stored.frame().header());
            List<ReplayedTransaction> txs = transactions(stored, header);
            try {
                BlockWriter.insertRows(connection, header, hash, stored.frame().signature(), txs,
                        stored.entryOffsets(), stored.end());
                long nextSeq = stateChanges.write(connection, header.number(), txs);
                connection.commit();
                stateChanges.committed(nextSeq);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            file.replayed(stored.end());
            transactions += txs.size();
            at = new Tip(header.number() + 1, hash);
            if ((at.height() - tip.height()) % PROGRESS_BLOCKS == 0) {
                LOGGER.info("replayed blocks " + tip.height() + " to " + header.number() + " from " + BlockFile.NAME);
            }
        }
        long due = at.height();
        if (file.frameAfter(file.end(), frame -> frame.signedBlockOf(suite, nodeKey, due))) {
            throw new LedgerException(BlockFile.NAME + " is damaged at byte " + file.end() + " (where block "
                    + at.height() + " should start), and blocks the node signed follow: this is not what a crash leaves;"
                    + " the ledger was not opened (restore the folder from a backup)");
        }
        file.cutTail();
        if (at.height() > tip.height()) {
            // stored now, so that another crash does not replay them again
            Database.store(connection);
            LOGGER.info("replayed blocks " + tip.height() + " to " + (at.height() - 1) + " (" + transactions
                    + " transactions) from " + BlockFile.NAME + " into the database, which had not stored them"
                    + " before the node stopped");
        }
        return at;
    }

    /** The frame's header, if the frame is the block that comes after {@code tip} as the node wrote it. */
    private BlockHeader checked(BlockFile.StoredFrame stored, Tip tip) {
        BlockFrame frame = stored.frame();
        long number = frame.number();
        if (number != tip.height()) {
            throw refused(number, "block " + tip.height() + " must come next");
        }
        BlockHeader header;
        try {
            header = BlockHeader.parse(frame.header());
        } catch (IllegalArgumentException e) {
            throw refused(number, e.getMessage());
        }
        if (header.number() != number || header.genesis() != null) {
            throw refused(number, "its header is of block " + header.number());
        }
        if (!Arrays.equals(header.previousHash(), tip.hash())) {
            throw refused(number, "it does not link to the hash of block " + (number - 1));
        }
        try {
            suite.verify(nodeKey, frame.header(), frame.signature());
        } catch (InvalidSignatureException e) {
            throw refused(number, "the node's signature does not verify");
        }
        if (header.validationCodes().size() != stored.entries().size()) {
            throw refused(number, "it holds " + stored.entries().size() + " transactions, its header lists "
                    + header.validationCodes().size());
        }
        return header;
    }

    private List<ReplayedTransaction> transactions(BlockFile.StoredFrame stored, BlockHeader header) {
        List<ReplayedTransaction> txs = new ArrayList<>(stored.entries().size());
        List<byte[]> leaves = new ArrayList<>(stored.entries().size());
        for (int i = 0; i < stored.entries().size(); i++) {
            TransactionData entry = stored.entries().get(i);
            byte[] hash = TransactionEnvelope.hash(suite, entry);
            leaves.add(hash);
            txs.add(new ReplayedTransaction(i, entry.txId(), hash, header.validationCodes().get(i),
                    stored.frame().entryLengths()[i], entry));
        }
        if (!Arrays.equals(MerkleTree.root(suite, leaves), header.transactionsRoot())) {
            throw refused(header.number(), "its transactions do not hash to the header's Merkle root");
        }
        return txs;
    }

    private static LedgerException refused(long number, String why) {
        return new LedgerException(BlockFile.NAME + " holds a whole frame for block " + number
                + " beyond what the database stored, but it is not a block this node wrote after the last one: "
                + why + "; the ledger was not opened (restore the folder from a backup, or investigate the edit)");
    }
}
