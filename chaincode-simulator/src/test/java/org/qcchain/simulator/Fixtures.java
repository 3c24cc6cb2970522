package org.qcchain.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the tests share: one runner (building one scans the classpath), a channel, a clock. */
final class Fixtures {

    static final String CHAINCODE = "ledgertest";
    static final String CHANNEL = "testchannel";
    static final String PEER_MSP = "PeerOrgMSP";
    static final Instant T0 = Instant.parse("2025-01-06T09:00:00Z");

    private Fixtures() {}

    static ChaincodeRunner runner() {
        return Holder.RUNNER;
    }

    /** A proposal to the test chaincode from the bank. */
    static Proposal proposal(String function, String... args) {
        return proposalBuilder(function, args).build();
    }

    static Proposal.Builder proposalBuilder(String function, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = function;
        System.arraycopy(args, 0, all, 1, args.length);
        return Proposal.builder()
                .channelId(CHANNEL)
                .chaincodeName(CHAINCODE)
                .nonce(Proposal.randomNonce())
                .creator(TestIdentity.BANK.creator())
                .timestamp(T0)
                .args(all);
    }

    /** Commits {@code key, value, key, value...} as one transaction, block {@code block}. */
    static void commit(InMemoryStateStore state, long block, String... keysAndValues) {
        Map<String, Write> writes = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            writes.put(keysAndValues[i], Write.of(utf8(keysAndValues[i + 1])));
        }
        state.apply(ReadWriteSet.of(Map.of(), List.of(), writes, false), new Version(block, 0),
                "tx" + block, T0.plusSeconds(block));
    }

    /** Deletes keys as one transaction, block {@code block}. */
    static void delete(InMemoryStateStore state, long block, String... keys) {
        Map<String, Write> writes = new HashMap<>();
        for (String key : keys) {
            writes.put(key, Write.deletion());
        }
        state.apply(ReadWriteSet.of(Map.of(), List.of(), writes, false), new Version(block, 0),
                "tx" + block, T0.plusSeconds(block));
    }

    static byte[] utf8(String text) {
        return text.getBytes(UTF_8);
    }

    private static final class Holder {
        static final ChaincodeRunner RUNNER =
                ChaincodeRunner.forContractsOnClasspath(CHAINCODE, PEER_MSP);
    }
}
