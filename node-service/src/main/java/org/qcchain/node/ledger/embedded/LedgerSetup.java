package org.qcchain.node.ledger.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.qcchain.ledger.embedded.ChannelMembership;
import org.qcchain.ledger.embedded.EmbeddedLedger;
import org.qcchain.ledger.embedded.LedgerOptions;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.simulator.ChaincodeRunner;

/**
 * The one place where the node builds the embedded ledger's {@link LedgerOptions} (channel and
 * chaincode names, genesis membership, block size and timeout, the contract runner) and opens it.
 */
final class LedgerSetup {

    /** Channel and chaincode names, fixed in block 0. */
    static final String CHANNEL = "qcchain";
    static final String CHAINCODE = "qcchain";

    private LedgerSetup() {}

    static EmbeddedLedger open(Path folder, LedgerIdentity node, Map<String, List<String>> genesisMembers,
            LedgerOptions.ReplayPlace verifyReplay, boolean readOnly) {
        ChannelMembership.Builder membership = ChannelMembership.builder();
        new TreeMap<>(genesisMembers).forEach((mspId, pems) ->
                membership.organisation(mspId, pems.toArray(String[]::new)));
        LedgerOptions options = LedgerOptions.builder()
                .suite(node.identity().suite())
                .nodeIdentity(node.identity())
                .channel(CHANNEL).chaincode(CHAINCODE)
                .membership(membership.build())
                .maxBlockTransactions(200)
                .blockTimeout(Duration.ofMillis(10))
                .runner(Runner.INSTANCE)
                .verifyReplay(verifyReplay)
                .readOnly(readOnly)
                .build();
        return EmbeddedLedger.open(folder, options);
    }

    /** Building a runner scans the classpath for contracts, which is slow: once per process. */
    private static final class Runner {
        static final ChaincodeRunner INSTANCE = ChaincodeRunner.forContractsOnClasspath(CHAINCODE);
    }
}
