package org.qcchain.node.ledger.fabric;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Locale;
import java.util.Optional;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockchainInfo;
import org.hyperledger.fabric.protos.common.Config;
import org.hyperledger.fabric.protos.peer.ProcessedTransaction;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.node.ApiException;
import org.qcchain.node.ledger.LedgerIdentity;

/**
 * The peer's own ledger queries, evaluated through the gateway as the node (any channel member
 * may: the system chaincodes' read functions need the channel's {@code Readers}): {@code qscc} for
 * blocks, transactions and the chain's height, {@code cscc} for the channel configuration.
 *
 * <p>"Not found" is an empty answer; a peer that cannot be reached, or answers what does not
 * parse, ends the HTTP request with {@code LEDGER_UNAVAILABLE} (503).
 */
final class SystemQueries {

    private final GatewayConnection connection;
    private final LedgerIdentity node;
    private final String channel;

    SystemQueries(GatewayConnection connection, LedgerIdentity node, String channel) {
        this.connection = connection;
        this.node = node;
        this.channel = channel;
    }

    /** @return the bytes of the block holding {@code txId}, exactly as the peer stores them */
    Optional<byte[]> blockBytesByTxId(String txId) {
        return query("qscc", "GetBlockByTxID", txId);
    }

    /** @return block {@code number}, or empty past the end of the chain */
    Optional<Block> block(long number) {
        return query("qscc", "GetBlockByNumber", Long.toString(number))
                .map(bytes -> parse(() -> Block.parseFrom(bytes), "block " + number));
    }

    /** @return the envelope of {@code txId} and the validation code the peer gave it */
    Optional<ProcessedTransaction> transaction(String txId) {
        return query("qscc", "GetTransactionByID", txId)
                .map(bytes -> parse(() -> ProcessedTransaction.parseFrom(bytes), "transaction " + txId));
    }

    /** @return the chain's height and the hash of its last block's header */
    BlockchainInfo chainInfo() {
        byte[] bytes = query("qscc", "GetChainInfo").orElseThrow(() ->
                new ApiException(ErrorCode.LEDGER_UNAVAILABLE, "the peer does not know channel " + channel));
        return parse(() -> BlockchainInfo.parseFrom(bytes), "the chain info");
    }

    /** @return the channel's current configuration (its last configuration block's) */
    Config channelConfig() {
        byte[] bytes = query("cscc", "GetChannelConfig").orElseThrow(() ->
                new ApiException(ErrorCode.LEDGER_UNAVAILABLE, "the peer does not know channel " + channel));
        return parse(() -> Config.parseFrom(bytes), "the channel configuration");
    }

    private Optional<byte[]> query(String systemChaincode, String function, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = channel;
        System.arraycopy(args, 0, all, 1, args.length);
        Contract contract = connection.network(node).getContract(systemChaincode);
        try {
            return Optional.of(contract.evaluateTransaction(function, all));
        } catch (GatewayException e) {
            String text = FabricFailures.of(systemChaincode + ":" + function, e).getMessage();
            if (isNotFound(text)) {
                return Optional.empty();
            }
            // the gateway's failure kept: whether the peer was unreachable or refused decides a start's exit code
            throw new ApiException(ErrorCode.LEDGER_UNAVAILABLE, "the peer did not answer " + systemChaincode + " "
                    + function + ": " + text, e);
        }
    }

    /** The block store's answers for an id or number it does not hold. */
    static boolean isNotFound(String message) {
        String text = message.toLowerCase(Locale.ROOT);
        return text.contains("not found") || text.contains("no such transaction") || text.contains("no such block");
    }

    private static <T> T parse(Parser<T> parser, String what) {
        try {
            return parser.parse();
        } catch (InvalidProtocolBufferException e) {
            throw new ApiException(ErrorCode.LEDGER_UNAVAILABLE, "the peer answered " + what
                    + " with bytes that do not parse: " + e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Parser<T> {
        T parse() throws InvalidProtocolBufferException;
    }
}
