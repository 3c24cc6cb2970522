package org.qcchain.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qcchain.node.config.ConfigException;
import org.qcchain.node.platform.NodePlatform;

/**
 * {@code qcchain verify}: checks a stopped node's embedded ledger offline from block 0 (hash chain,
 * block and proposal signatures, membership, validation codes, replayed state and history),
 * printing progress. Exits 0 when intact, 1 naming the first bad block: a script can act on the
 * code, a person on the message.
 */
final class VerifyCommand implements Command {

    /** Exit code of a ledger that is not intact. */
    static final int NOT_INTACT = 1;

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String summary() {
        return "verify the embedded ledger offline: blocks, signatures, state";
    }

    @Override
    public String help() {
        return "Usage: qcchain verify [--data DIR | --config FILE]\n\n"
                + "Replays the embedded ledger of a stopped node from block 0 and checks its hash\n"
                + "chain, block and transaction signatures, channel membership and world state.\n"
                + "Exits 0 when intact, 1 naming the first block that does not match, 78 when the\n"
                + "folder has no ledger or a running node holds it.\n\n"
                + "Options:\n  --data DIR      the node's data folder (default: dataDir of the configuration)\n"
                + "  --config FILE   JSON configuration file (see docs/api.md)\n";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
        Path data;
        try {
            data = Options.parse(name(), args, Set.of("--data", "--config")).dataDir(env);
        } catch (IllegalArgumentException e) {
            err.println("qcchain verify: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (ConfigException e) {
            err.println("qcchain verify: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        try (NodePlatform platform = NodePlatform.open(data)) {
            out.println("verifying the ledger in " + data + " (" + platform.ledger().height() + " blocks)");
            JsonNode report = platform.ledger().verify((verified, height) ->
                    out.printf("  %,d of %,d blocks verified%n", verified, height));
            if (report.path("intact").asBoolean()) {
                out.printf("ledger intact: %,d blocks, %,d transactions (%,d valid), %,d state keys%n",
                        report.path("height").asLong(), report.path("transactions").asLong(),
                        report.path("validTransactions").asLong(), report.path("stateKeys").asLong());
                return ExitCodes.OK;
            }
            err.println("qcchain verify: ledger NOT intact: first bad block " + report.path("block").asLong()
                    + ": " + report.path("problem").asText());
            return NOT_INTACT;
        } catch (ConfigException e) {
            err.println("qcchain verify: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
    }
}
