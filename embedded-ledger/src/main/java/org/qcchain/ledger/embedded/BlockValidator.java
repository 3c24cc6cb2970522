package org.qcchain.ledger.embedded;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.qcchain.simulator.Version;

/**
 * Fabric's committer-side validation of one block, in order: a transaction id already on the
 * ledger or earlier in the block is a {@link ValidationCode#DUPLICATE_TXID}; its creator must be a
 * member under the membership of this block (checked at endorsement; checked again only if a config
 * block came in between, as the check is a pure function of proposal and membership, and a
 * membership sequence names one membership); its reads must still
 * hold against the committed state plus the earlier valid transactions of the block (MVCC,
 * phantoms). Signatures were verified before simulation, on the worker threads.
 */
final class BlockValidator {

    private final CommittedIds committedIds;
    private final StateCache cache;
    private final StoredKeys storedKeys;

    /**
     * A validator that asks the database about an id only if {@code committedIds} may hold it, and
     * about a key's version only if {@code cache} does not hold it and {@code storedKeys} may: on
     * the committer thread, between blocks, every cached value is exactly the committed one.
     */
    BlockValidator(CommittedIds committedIds, StateCache cache, StoredKeys storedKeys) {
        this.committedIds = committedIds;
        this.cache = cache;
        this.storedKeys = storedKeys;
    }

    List<OrderedTransaction> validate(Connection connection, long blockNumber, List<PendingTransaction> batch,
            ChannelMembership membership, MembershipCheck members) throws SQLException {
        BlockOverlay state = new BlockOverlay(new CachedStateStore(connection, cache, storedKeys));
        Set<String> idsInBlock = new HashSet<>();
        List<OrderedTransaction> ordered = new ArrayList<>(batch.size());
        for (PendingTransaction pending : batch) {
            int txNumber = ordered.size();
            ValidationCode code = ValidationCode.VALID;
            String reason = "";
            if (!idsInBlock.add(pending.txId()) || (committedIds.mightContain(pending.txId())
                    && BlockReader.transactionExists(connection, pending.txId()))) {
                code = ValidationCode.DUPLICATE_TXID;
                reason = "DUPLICATE_TXID: transaction " + pending.txId() + " was ordered before";
            } else if (pending.membershipSequence() != membership.sequence()
                    && members.outcome(pending.parsed(), membership) != ValidationCode.VALID) {
                code = members.outcome(pending.parsed(), membership);
                reason = code + ": the creator is not a member under membership sequence " + membership.sequence();
            } else {
                Optional<String> conflict = pending.simulation().readWriteSet().findConflict(state);
                if (conflict.isPresent()) {
                    code = ValidationCode.ofConflictMessage(conflict.get());
                    reason = conflict.get();
                } else {
                    state.apply(pending.simulation().readWriteSet(), new Version(blockNumber, txNumber));
                }
            }
            ordered.add(OrderedTransaction.of(pending, txNumber, code, reason));
        }
        return ordered;
    }
}
