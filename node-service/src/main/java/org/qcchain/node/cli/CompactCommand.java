package org.qcchain.node.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qcchain.ledger.embedded.LedgerCompaction;
import org.qcchain.ledger.embedded.LedgerException;
import org.qcchain.node.config.ConfigException;
import org.qcchain.node.config.NodeConfig;
import org.qcchain.node.platform.NodePlatform;

/**
 * {@code qcchain compact}: rewrites the embedded ledger of a stopped node with only its live
 * pages ({@link LedgerCompaction}); a ledger under load leaves most of its file to superseded
 * pages (docs/operations.md, "Disk use"). Blocks, hashes and signatures are untouched.
 */
final class CompactCommand implements Command {

    @Override
    public String name() {
        return "compact";
    }

    @Override
    public String summary() {
        return "compact the embedded ledger's database file of a stopped node";
    }

    @Override
    public String help() {
        return "Usage: qcchain compact [--data DIR] [--config FILE]\n\n"
                + "Rewrites ledger/ledger.mv.db of a stopped node with only its live pages and prints\n"
                + "its size before and after. It reads and rewrites the whole file (a few seconds per\n"
                + "GB); the block file is not touched and the ledger verifies as before. Refused while\n"
                + "a node runs on the folder, and for a node on Fabric (the peers keep its ledger).\n"
                + "Exits 0 when done, 78 when the configuration is unusable, the folder has no ledger\n"
                + "or a running node holds it.\n\n"
                + VerifyCommand.DATA_FOLDER_OPTIONS;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
        NodeConfig config;
        try {
            config = VerifyCommand.configuration(Options.parse(name(), args, Set.of("--data", "--config")), env);
        } catch (IllegalArgumentException e) {
            err.println("qcchain compact: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (ConfigException e) {
            err.println("qcchain compact: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        if (config.ledger().usesFabric()) {
            err.println("qcchain compact: the node's ledger is on Fabric (ledger.backend fabric); its peers keep it");
            return ExitCodes.CONFIG;
        }
        Path ledger = NodePlatform.ledgerFolder(Path.of(config.dataDir()));
        out.println("compacting the ledger in " + ledger + " (reads and rewrites the whole file)");
        try {
            LedgerCompaction.Result result = LedgerCompaction.compact(ledger);
            out.printf("ledger compacted: %,d MB -> %,d MB%n", result.bytesBefore() >> 20, result.bytesAfter() >> 20);
            return ExitCodes.OK;
        } catch (LedgerException e) {
            err.println("qcchain compact: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
    }
}
