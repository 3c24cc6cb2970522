package org.qcchain.node.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qcchain.node.config.ConfigException;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.node.platform.IdentityFiles;
import org.qcchain.node.platform.NodePlatform;
import org.qcchain.node.store.BatchAnchorer;
import org.qcchain.node.store.ImportSummary;
import org.qcchain.node.store.NdjsonSource;
import org.qcchain.node.store.RecordImporter;

/**
 * {@code qcchain import}: bulk-loads a provider's NDJSON records into its store on a stopped
 * node and anchors them in batches as the provider. Subjects are pseudonymised with the platform
 * key as each line is read; the identifiers are never stored, printed or logged.
 */
final class ImportCommand implements Command {

    static final int DEFAULT_BATCH = 5000;

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String summary() {
        return "load a provider's NDJSON records and anchor them in batches";
    }

    @Override
    public String help() {
        return "Usage: qcchain import --provider MSPID --dataset ID --file RECORDS.ndjson\n"
                + "                      [--data DIR | --config FILE] [--batch N]\n"
                + "                      [--certificate FILE --key FILE]\n\n"
                + "Loads records of a dataset into the provider's store and anchors their Merkle\n"
                + "roots on the ledger in batches of N (default 5000), printing each batch. One\n"
                + "line a record: {\"subjectType\":\"RESIDENT_ID\",\"subjectNumber\":\"...\",\n"
                + "\"sequence\":0,\"fields\":{...}}; identifiers become pseudonyms on the way in.\n"
                + "The provider signs its anchors with --certificate/--key (default: the demo's\n"
                + "DIR/msp/MSPID/client.pem and client.key). Stop the node first: the ledger and\n"
                + "stores are single-process databases.\n";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
        Options options;
        Path data;
        int batch;
        try {
            options = Options.parse(name(), args, Set.of("--data", "--config", "--provider", "--dataset", "--file",
                    "--batch", "--certificate", "--key"));
            options.require("--provider");
            options.require("--dataset");
            options.require("--file");
            batch = options.get("--batch") == null ? DEFAULT_BATCH : Integer.parseInt(options.get("--batch"));
            if ((options.get("--certificate") == null) != (options.get("--key") == null)) {
                throw new IllegalArgumentException("--certificate and --key go together");
            }
            data = options.dataDir(env);
        } catch (IllegalArgumentException e) {
            err.println("qcchain import: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (ConfigException e) {
            err.println("qcchain import: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        try (NodePlatform platform = NodePlatform.open(data)) {
            return load(platform, provider(options, data), options, batch, out, err);
        } catch (ConfigException e) {
            err.println("qcchain import: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
    }

    private static LedgerIdentity provider(Options options, Path data) throws ConfigException {
        String mspId = options.require("--provider");
        return options.get("--certificate") == null ? IdentityFiles.demoClient(data, mspId)
                : IdentityFiles.read(mspId, Path.of(options.get("--certificate")), Path.of(options.get("--key")));
    }

    private static int load(NodePlatform platform, LedgerIdentity provider, Options options, int batch,
            PrintStream out, PrintStream err) {
        String dataset = options.require("--dataset");
        Path file = Path.of(options.require("--file"));
        RecordImporter importer = new RecordImporter(platform.stores().create(provider.mspId()),
                new BatchAnchorer(platform.ledger(), provider), platform.pseudonyms(), platform.ledger().suite(), batch);
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            out.println("importing " + file + " into " + dataset + " of " + provider.mspId() + " (batches of " + batch + ")");
            ImportSummary done = importer.importAll(new NdjsonSource(dataset, lines), (id, records, batches) ->
                    out.printf("  %,9d records, %3d batches anchored%n", records, batches));
            out.printf("imported %,d records of %s in %d batches%n", done.records(), dataset, done.batchIds().size());
            return ExitCodes.OK;
        } catch (ChaincodeFailure e) {
            // batches anchored before the refusal stay; the message names the chaincode's code
            err.println("qcchain import: the ledger refused a batch: " + e.getMessage());
            return ExitCodes.FAILURE;
        } catch (IOException | UncheckedIOException e) {
            err.println("qcchain import: cannot read " + file + ": " + e.getMessage());
            return ExitCodes.FAILURE;
        } catch (IllegalArgumentException e) {
            err.println("qcchain import: " + file + ": " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }
}
