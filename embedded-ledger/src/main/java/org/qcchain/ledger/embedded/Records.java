package org.qcchain.ledger.embedded;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Turns what the committer just wrote into the public {@link CommittedBlock} for listeners. */
final class Records {

    private static final HexFormat HEX = HexFormat.of();

    private Records() {}

    static CommittedBlock committed(Committer.Committed committed) {
        BlockSealer.Sealed sealed = committed.block();
        BlockHeader header = sealed.header();
        List<TransactionRecord> txs = committed.transactions().stream()
                .map(tx -> transaction(tx, header.number()))
                .toList();
        List<byte[]> hashedForms = committed.transactions().stream().map(tx -> tx.pending().hashedForm()).toList();
        return new CommittedBlock(block(sealed), txs, hashedForms);
    }

    static Block block(BlockSealer.Sealed sealed) {
        BlockHeader header = sealed.header();
        return new Block(header.number(), HEX.formatHex(header.previousHash()),
                HEX.formatHex(header.transactionsRoot()), Instant.ofEpochMilli(header.timestampMillis()),
                header.validationCodes(), Optional.ofNullable(header.genesis()), Optional.ofNullable(header.config()),
                HEX.formatHex(sealed.hash()), sealed.signature());
    }

    private static TransactionRecord transaction(OrderedTransaction tx, long blockNumber) {
        var simulation = tx.pending().simulation();
        return new TransactionRecord(tx.pending().txId(), blockNumber, tx.txNumber(), tx.pending().signed(),
                tx.rwsetBytes(), simulation.status(), simulation.message(), simulation.payload(),
                simulation.event(), tx.code(), HEX.formatHex(tx.hash()));
    }
}
