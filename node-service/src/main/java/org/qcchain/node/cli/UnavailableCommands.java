package org.qcchain.node.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The commands that need the ledger backends, which this build does not have yet. Their help
 * describes what they will do; running them says so and exits with {@link
 * ExitCodes#NOT_AVAILABLE}, rather than pretending.
 */
final class UnavailableCommands {

    private UnavailableCommands() {}

    static Command demo() {
        return new Unavailable("demo",
                "start a node on the embedded ledger with demo organisations and data",
                "Usage: qcchain demo [--config FILE] [--data-dir DIR]\n\n"
                        + "Starts a node on the embedded ledger and loads demo organisations, datasets\n"
                        + "and synthetic records (vehicle registrations, traffic violations, social\n"
                        + "insurance, provident fund, real estate).\n");
    }

    static Command verify() {
        return new Unavailable("verify", "verify the embedded ledger: blocks, signatures, state",
                "Usage: qcchain verify [--config FILE] [--data-dir DIR]\n\n"
                        + "Checks the embedded ledger's hash chain, block signatures, transaction\n"
                        + "signatures and world state, and reports any edited row.\n");
    }

    static Command importRecords() {
        return new Unavailable("import", "load a provider's records and anchor them",
                "Usage: qcchain import --dataset ID --file FILE [--config FILE]\n\n"
                        + "Loads records of a dataset into the provider's store and anchors their\n"
                        + "Merkle roots on the ledger in batches.\n");
    }

    /** A command known by name whose implementation has not landed. */
    private record Unavailable(String name, String summary, String usage) implements Command {

        @Override
        public String summary() {
            return summary + " (not available yet)";
        }

        @Override
        public String help() {
            return usage + "\nNot available yet: it needs the ledger backends, which are not part of "
                    + "this build.\n";
        }

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
            err.println("qcchain " + name + ": not available yet: it needs the ledger backends, "
                    + "which are not part of this build");
            return ExitCodes.NOT_AVAILABLE;
        }
    }
}
