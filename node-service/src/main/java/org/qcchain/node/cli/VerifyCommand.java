package org.qcchain.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qcchain.node.answer.DatasetCoverage;
import org.qcchain.node.config.ConfigException;
import org.qcchain.node.config.NodeConfig;
import org.qcchain.node.config.NodeConfigLoader;
import org.qcchain.node.platform.LedgerUnreachable;
import org.qcchain.node.platform.NodePlatform;

/**
 * {@code qcchain verify}: checks the ledger of the node's configuration from block 0, printing
 * progress. On the embedded ledger of a stopped node everything is replayed offline (hash chain,
 * block and proposal signatures, membership, validation codes, state and history); with {@code
 * ledger.backend: fabric} the channel's blocks are read through the gateway peer and their data
 * hashes and header-hash links checked (docs/fabric.md, "What verify checks on Fabric"). Then the
 * provider stores of the data folder, as checked against the ledger's anchors when the platform
 * opened. It adds nothing to the ledger: the embedded ledger opens read-only, and delivery receipts
 * owed stay in the outbox (counted) for the node's next start. Exits 0 when intact, 1 naming the first bad block, 2 naming a store that lacks what the
 * ledger anchors (69 when a Fabric gateway peer does not answer, 78 for an unusable configuration):
 * a script can act on the code, a person on the message.
 */
final class VerifyCommand implements Command {

    /** Exit code of a ledger that is not intact. */
    static final int NOT_INTACT = 1;

    /** Exit code of an intact ledger beside a provider store that lacks what it anchors. */
    static final int STORE_NOT_ANCHORED = 2;

    /** The options of a command that works on a node's data folder, for its help. */
    static final String DATA_FOLDER_OPTIONS =
            "Options:\n  --data DIR      the node's data folder (default: dataDir of the configuration)\n"
            + "  --config FILE   JSON configuration file (see docs/operations.md); also QCCHAIN_CONFIG\n"
            + "                  and the QCCHAIN_* variables, as for qcchain start\n";

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String summary() {
        return "verify the ledger: the embedded ledger offline, or a Fabric channel's blocks";
    }

    @Override
    public String help() {
        return "Usage: qcchain verify [--data DIR] [--config FILE]\n\n"
                + "Embedded ledger (the default): replays the ledger of a stopped node from block 0\n"
                + "and checks its hash chain, block and transaction signatures, channel membership\n"
                + "and world state. Fabric (ledger.backend fabric in the configuration): reads every\n"
                + "block through the gateway peer and checks block numbers, data hashes and the\n"
                + "header-hash links up to the peer's chain info; the channel may be read while the\n"
                + "node runs, but a running node holds its data folder's stores: give verify another\n"
                + "folder (--data) then.\n"
                + "Then each provider store of the data folder is checked against the ledger: every\n"
                + "batch anchored for the provider's datasets must be in it, whole.\n"
                + "Nothing is added to the ledger: delivery receipts the node still owes stay in its\n"
                + "outbox (verify counts them) and are recorded when the node starts.\n"
                + "Exits 0 when all is intact, 1 naming the first block that does not match, 2 naming\n"
                + "a provider store that lacks what the ledger anchors, 78 when the configuration is\n"
                + "unusable, the folder has no ledger or a running node holds it, 69 when a Fabric\n"
                + "gateway peer does not answer, 70 when it fails otherwise, e.g. out of memory.\n"
                + "The replay keeps every state key's latest write: on the heap (about 600 bytes a key)\n"
                + "when that takes at most half the heap free, else in a temporary file of the ledger's\n"
                + "folder (up to ~1.3 KB a key, refused unless the disk keeps 1 GB free beside it), which\n"
                + "is slower; ledger.verifyReplay or QCCHAIN_LEDGER_VERIFY_REPLAY (auto, heap, file)\n"
                + "decides instead, and a larger heap keeps larger ledgers on the heap\n"
                + "(QCCHAIN_JAVA_OPTS, e.g. '-XX:+UseParallelGC -Xmx8g').\n\n"
                + DATA_FOLDER_OPTIONS;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
        NodeConfig config;
        try {
            config = configuration(Options.parse(name(), args, Set.of("--data", "--config")), env);
        } catch (IllegalArgumentException e) {
            err.println("qcchain verify: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (ConfigException e) {
            err.println("qcchain verify: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        try (NodePlatform platform = NodePlatform.openForVerification(config)) {
            out.println("verifying " + ledger(config) + " (" + platform.ledger().height() + " blocks)");
            long start = System.nanoTime();
            JsonNode report = platform.ledger().verify((verified, height) ->
                    out.printf("  %,d of %,d blocks verified%n", verified, height));
            double seconds = Math.max(System.nanoTime() - start, 1) / 1e9;
            if (!report.path("intact").asBoolean()) {
                err.println("qcchain verify: ledger NOT intact: first bad block " + report.path("block").asLong()
                        + ": " + report.path("problem").asText());
                return NOT_INTACT;
            }
            out.printf("ledger intact: %,d blocks, %,d transactions (%,d valid), %s%n",
                    report.path("height").asLong(), report.path("transactions").asLong(),
                    report.path("validTransactions").asLong(), report.has("stateKeys")
                            ? String.format("%,d state keys", report.path("stateKeys").asLong())
                            : "checked: " + report.path("checked").asText());
            // what an operator plans a larger ledger's verification by
            out.printf("verified in %.1f s: %,.0f transactions/s%n", seconds,
                    report.path("transactions").asLong() / seconds);
            int stores = reportStores(platform.coverage().storeStatuses(), out, err);
            reportReceipts(platform.receiptsAtRest(), out);
            return stores;
        } catch (ConfigException e) {
            err.println("qcchain verify: " + e.getMessage());
            return ExitCodes.CONFIG;
        } catch (LedgerUnreachable e) {
            err.println("qcchain verify: " + e.getMessage() + "; nothing was verified, try again later");
            return ExitCodes.UNAVAILABLE;
        }
    }

    /** Says what the delivery outbox holds: a verification records nothing, the node's next start does. */
    private static void reportReceipts(Map<String, Integer> receipts, PrintStream out) {
        int owed = receipts.get("owed");
        int failed = receipts.get("failed");
        if (owed > 0) {
            out.printf("delivery receipts: %,d owed according to the outbox; the node records them when it starts"
                    + " (one that reached the ledger just before a stop then counts as recorded)%n", owed);
        }
        if (failed > 0) {
            out.printf("delivery receipts: %,d refused by the chaincode, kept in the outbox (docs/operations.md)%n",
                    failed);
        }
    }

    /**
     * Prints what the platform's opening found when it checked each provider store against the
     * ledger's anchors ({@link org.qcchain.node.store.StoreAnchorCheck}).
     *
     * @return {@link ExitCodes#OK}, or {@link #STORE_NOT_ANCHORED} if a store failed
     */
    private static int reportStores(List<DatasetCoverage.StoreStatus> stores, PrintStream out, PrintStream err) {
        int failed = 0;
        for (DatasetCoverage.StoreStatus store : stores) {
            switch (store.state()) {
                case IN_USE -> out.printf("  record store of %s: %s%n", store.mspId(), store.problem());
                case UP -> out.println(store.checkedBatches() == null
                        ? "  record store of " + store.mspId() + ": no dataset of it in the catalogue, nothing to check"
                        : String.format("  record store of %s: %,d anchored batches, %,d records, as the ledger"
                                + " anchors them", store.mspId(), store.checkedBatches(), store.checkedRecords()));
                default -> {
                    failed++;
                    err.println("qcchain verify: the record store of " + store.mspId()
                            + " does not hold what the ledger anchors for it: " + store.problem());
                }
            }
        }
        if (failed > 0) {
            err.println("qcchain verify: " + failed + " of " + stores.size() + " provider stores NOT as anchored;"
                    + " restore them from a backup (docs/operations.md)");
            return STORE_NOT_ANCHORED;
        }
        out.printf("provider stores: %d, each holding every batch the ledger anchors for it%n", stores.size());
        return ExitCodes.OK;
    }

    /**
     * The configuration a data-folder command opens, read as {@code qcchain start} reads it ({@code
     * --config} or {@code QCCHAIN_CONFIG}, then the {@code QCCHAIN_*} variables), with {@code
     * --data} in place of its {@code dataDir}; so {@code verify} and {@code import} open the ledger
     * the node runs on, embedded or Fabric.
     */
    static NodeConfig configuration(Options options, Map<String, String> env) throws ConfigException {
        String file = options.get("--config") != null ? options.get("--config") : env.get("QCCHAIN_CONFIG");
        NodeConfig config = NodeConfigLoader.load(file == null || file.isBlank() ? null : Path.of(file), env);
        String data = options.get("--data");
        return data == null ? config : new NodeConfig(data, config.http(), config.tls(), config.cryptoSuite(),
                config.ledger(), config.limits(), config.auth(), config.organisations());
    }

    private static String ledger(NodeConfig config) {
        if (!config.ledger().usesFabric()) {
            return "the ledger in " + config.dataDir();
        }
        NodeConfig.Fabric fabric = config.ledger().fabric();
        return "channel " + fabric.channel() + " through " + fabric.gatewayEndpoint() + " as " + fabric.mspId();
    }
}
