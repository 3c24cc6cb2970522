package org.qcchain.common.fabric;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code peer.Transaction}: the data of an endorser transaction's payload. Fabric's committer
 * accepts exactly one action per transaction.
 *
 * @param actions the actions, in order
 */
public record Transaction(List<TransactionAction> actions) {

    /** Copies the list. */
    public Transaction {
        actions = List.copyOf(actions);
    }

    /**
     * Reads a serialized transaction.
     *
     * @param bytes the message
     * @return the view
     * @throws ProtoFormatException if the bytes are not a well-formed transaction
     */
    public static Transaction parse(byte[] bytes) throws ProtoFormatException {
        List<TransactionAction> actions = new ArrayList<>();
        for (byte[] action : ProtoFields.parse(bytes, "peer.Transaction", 1).repeated(1)) {
            actions.add(TransactionAction.parse(action));
        }
        return new Transaction(actions);
    }
}
