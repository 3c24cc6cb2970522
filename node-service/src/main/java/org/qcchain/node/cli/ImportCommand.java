package org.qcchain.node.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.qcchain.chaincode.model.Dataset;
import org.qcchain.common.json.Json;
import org.qcchain.common.json.JsonInputException;
import org.qcchain.node.config.ConfigException;
import org.qcchain.node.config.NodeConfig;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.node.platform.IdentityFiles;
import org.qcchain.node.platform.LedgerUnreachable;
import org.qcchain.node.platform.NodePlatform;
import org.qcchain.node.store.BatchAnchorer;
import org.qcchain.node.store.CsvSource;
import org.qcchain.node.store.ImportProgress;
import org.qcchain.node.store.ImportSummary;
import org.qcchain.node.store.JdbcMapping;
import org.qcchain.node.store.JdbcSettings;
import org.qcchain.node.store.JdbcSource;
import org.qcchain.node.store.LiveAccess;
import org.qcchain.node.store.NdjsonSource;
import org.qcchain.node.store.RecordImporter;
import org.qcchain.node.store.SourceAdapter;
import org.qcchain.node.store.SourceReadException;

/**
 * {@code qcchain import}: bulk-loads a provider's records into its store on a stopped node and
 * anchors them in batches as the provider, on the ledger of the node's configuration (the embedded
 * ledger, or a Fabric channel through the gateway peer). The records come from a file (NDJSON or CSV) or
 * straight from the source unit's own database (JDBC, a query or a mapping file). Every row is
 * checked against the dataset's catalogue entry, whatever the source; a file is checked whole before
 * its first row is stored, so a bad line leaves nothing behind. Subjects are pseudonymised with the
 * platform key as each row is read; the identifiers are never stored, printed or logged, nor is the
 * database password (read from the environment only).
 */
final class ImportCommand implements Command {

    static final int DEFAULT_BATCH = 5000;
    static final int DEFAULT_FETCH = 1000;
    /** The most records one import retires unless told otherwise: more looks like a source read in part. */
    static final long DEFAULT_MAX_RETIRED = 1000;
    /** The environment variables holding the source database's credentials. */
    static final String USER_VARIABLE = LiveAccess.USER_VARIABLE;
    static final String PASSWORD_VARIABLE = LiveAccess.PASSWORD_VARIABLE;

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String summary() {
        return "load a provider's records (NDJSON, CSV or its own database) and anchor them in batches";
    }

    @Override
    public String help() {
        return "Usage: qcchain import --provider MSPID --dataset ID\n"
                + "                      (--file RECORDS.ndjson|RECORDS.csv [--format ndjson|csv]\n"
                + "                       | --jdbc-url URL (--query SQL | --mapping FILE.json) [--fetch-size N]\n"
                + "                         [--values store|source])\n"
                + "                      [--missing keep|retire [--max-retire N]]\n"
                + "                      [--data DIR] [--config FILE] [--batch N]\n"
                + "                      [--certificate FILE --key FILE | --msp DIR]\n\n"
                + "Loads records of a dataset into the provider's store and anchors their Merkle\n"
                + "roots on the ledger in batches of N (default 5000), printing each batch.\n"
                + "Identifiers become pseudonyms on the way in.\n\n"
                + "--file: NDJSON, one line a record: {\"subjectType\":\"RESIDENT_ID\",\"subjectNumber\":\"...\",\n"
                + "  \"sequence\":0,\"version\":3,\"fields\":{...}} (sequence and version optional); or\n"
                + "  CSV (RFC 4180, chosen by the .csv extension or --format csv) with a header row:\n"
                + "  subjectType,subjectNumber[,sequence][,version],<field>[:integer|:boolean],...\n"
                + "  The fields must be fields of the dataset's catalogue entry. The whole file is\n"
                + "  checked before anything is stored: a refused line stores and anchors nothing.\n"
                + "--jdbc-url: read the source unit's own database (read-only, streamed with\n"
                + "  --fetch-size rows per round trip, default 1000). --query is a SELECT naming\n"
                + "  its columns subject_type, subject_number, [record_key], [record_version] and\n"
                + "  exactly the dataset's catalogue fields; --mapping is a JSON file naming a table\n"
                + "  and its columns instead (see docs/operations.md). record_key is an integer, or\n"
                + "  from a character column a text key such as a case number. Credentials come from the\n"
                + "  environment: " + USER_VARIABLE + " and " + PASSWORD_VARIABLE + ". Put the JDBC\n"
                + "  driver jar on the class path. With record_version, rows the store already has\n"
                + "  in that version are skipped, so the same query can run again and again.\n"
                + "  ${dataDir} in the URL stands for the node's data folder (a database kept in it).\n"
                + "--values source: the values stay in the source database (a live dataset): the\n"
                + "  store keeps each record's commitment and its row's key, and the node reads the\n"
                + "  row again for each answer, with the login of QCCHAIN_SOURCE_<MSPID>_USER and\n"
                + "  _PASSWORD (else the variables above) in its environment. The query names a\n"
                + "  row_key column (rowKeyColumn in a mapping): the table's own surrogate key of the\n"
                + "  row, never an identifier. Importing again anchors only the rows that changed.\n"
                + "  Default: --values store, the values are copied into the provider's store.\n"
                + "--missing retire: the file or query holds EVERY row of the dataset, so a record\n"
                + "  the store has whose row it no longer gives was deleted at the source: each such\n"
                + "  record gets a version that retires it, anchored after the rows, and is not\n"
                + "  answered from then on (a live dataset's answers about it no longer end in\n"
                + "  502). A source without any row is refused, and so is retiring more than N\n"
                + "  records (--max-retire, default " + DEFAULT_MAX_RETIRED + "): nothing is retired (a file stores\n"
                + "  nothing, a query's changed rows are imported). Not for sources that number\n"
                + "  versions themselves (version, record_version). Default: keep.\n\n"
                + "The ledger is the configuration's (--config or QCCHAIN_CONFIG and the QCCHAIN_*\n"
                + "variables, as for qcchain start): the embedded ledger of DIR, or with\n"
                + "ledger.backend fabric the channel through the gateway peer. The provider signs\n"
                + "its anchors with --certificate/--key, or with the member of a Fabric MSP folder\n"
                + "(--msp DIR: signcerts/ and keystore/); default: the demo's DIR/msp/MSPID/client.pem\n"
                + "and client.key. Stop the node first: the stores (and the embedded ledger) are\n"
                + "single-process databases. A refused row ends the import naming its line or row\n"
                + "(never its content); from a database, batches anchored before it stay.\n";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
        Options options;
        NodeConfig config;
        Path data;
        int batch;
        try {
            options = Options.parse(name(), args, Set.of("--data", "--config", "--provider", "--dataset", "--file",
                    "--format", "--jdbc-url", "--query", "--mapping", "--fetch-size", "--values", "--missing",
                    "--max-retire", "--batch",
                    "--certificate", "--key", "--msp"));
            options.require("--provider");
            options.require("--dataset");
            checkSource(options);
            batch = options.get("--batch") == null ? DEFAULT_BATCH : Integer.parseInt(options.get("--batch"));
            if ((options.get("--certificate") == null) != (options.get("--key") == null)) {
                throw new IllegalArgumentException("--certificate and --key go together");
            }
            if (options.get("--msp") != null && options.get("--certificate") != null) {
                throw new IllegalArgumentException("give either --msp or --certificate/--key");
            }
            config = VerifyCommand.configuration(options, env);
            data = Path.of(config.dataDir());
        } catch (IllegalArgumentException e) {
            err.println("qcchain import: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (ConfigException e) {
            err.println("qcchain import: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        try (NodePlatform platform = NodePlatform.open(config)) {
            return load(platform, provider(options, data), options, batch, out, err, env);
        } catch (ConfigException e) {
            err.println("qcchain import: " + e.getMessage());
            return ExitCodes.CONFIG;
        } catch (LedgerUnreachable e) {
            err.println("qcchain import: " + e.getMessage() + "; nothing was imported, try again later");
            return ExitCodes.UNAVAILABLE;
        }
    }

    private static void checkSource(Options options) {
        boolean file = options.get("--file") != null;
        boolean jdbc = options.get("--jdbc-url") != null;
        if (file == jdbc) {
            throw new IllegalArgumentException("give either --file or --jdbc-url; see qcchain import --help");
        }
        if (jdbc && (options.get("--query") == null) == (options.get("--mapping") == null)) {
            throw new IllegalArgumentException("--jdbc-url needs either --query or --mapping");
        }
        if (!jdbc && (options.get("--query") != null || options.get("--mapping") != null
                || options.get("--fetch-size") != null || options.get("--values") != null)) {
            throw new IllegalArgumentException("--query, --mapping, --fetch-size and --values go with --jdbc-url");
        }
        String values = options.get("--values");
        if (values != null && !values.equals("store") && !values.equals("source")) {
            throw new IllegalArgumentException("--values must be store or source");
        }
        String missing = options.get("--missing");
        if (missing != null && !missing.equals("keep") && !missing.equals("retire")) {
            throw new IllegalArgumentException("--missing must be keep or retire");
        }
        String maxRetire = options.get("--max-retire");
        if (maxRetire != null && (!"retire".equals(missing) || !maxRetire.matches("[0-9]{1,18}"))) {
            throw new IllegalArgumentException("--max-retire N goes with --missing retire, N a count of records");
        }
        if (jdbc && options.get("--format") != null) {
            throw new IllegalArgumentException("--format goes with --file");
        }
        String format = options.get("--format");
        if (format != null && !format.equals("ndjson") && !format.equals("csv")) {
            throw new IllegalArgumentException("--format must be ndjson or csv");
        }
    }

    private static LedgerIdentity provider(Options options, Path data) throws ConfigException {
        String mspId = options.require("--provider");
        if (options.get("--msp") != null) {
            return IdentityFiles.fromMspFolder(mspId, Path.of(options.get("--msp")));
        }
        return options.get("--certificate") == null ? IdentityFiles.demoClient(data, mspId)
                : IdentityFiles.read(mspId, Path.of(options.get("--certificate")), Path.of(options.get("--key")));
    }

    private static int load(NodePlatform platform, LedgerIdentity provider, Options options, int batch,
            PrintStream out, PrintStream err, Map<String, String> env) {
        String datasetId = options.require("--dataset");
        String from = options.get("--file") != null ? options.get("--file") : options.get("--jdbc-url");
        try {
            Dataset dataset = Json.parse(platform.ledger().evaluate(provider, "Catalogue:getDataset", datasetId),
                    Dataset.class);
            out.println("importing " + from + " into " + datasetId + " of " + provider.mspId() + " (batches of "
                    + batch + ")");
            ImportSummary done = options.get("--file") != null
                    ? fromFile(platform, provider, dataset, options, batch, out)
                    : fromDatabase(platform, provider, dataset, options, batch, out, env);
            if (done.resumed() > 0) {
                out.printf("anchored first %d batches an earlier run stored but did not anchor%n", done.resumed());
            }
            out.printf("imported %,d records of %s in %d batches%s%s%n", done.records(), datasetId,
                    done.batchIds().size() - done.resumed(), done.skipped() == 0 ? ""
                            : String.format(" (%,d rows skipped: stored already in their version, or unchanged)",
                                    done.skipped()),
                    done.retired() == 0 ? "" : String.format("; %,d records retired: their rows are gone from"
                            + " the source", done.retired()));
            return ExitCodes.OK;
        } catch (ChaincodeFailure e) {
            // batches anchored before the refusal stay; the message names the chaincode's code
            err.println("qcchain import: the ledger refused: " + e.getMessage());
            return ExitCodes.FAILURE;
        } catch (IOException | UncheckedIOException e) {
            err.println("qcchain import: cannot read " + from + ": " + e.getMessage());
            return ExitCodes.FAILURE;
        } catch (SourceReadException e) {
            err.println("qcchain import: " + e.getMessage());
            return ExitCodes.FAILURE;
        } catch (IllegalArgumentException e) {
            err.println("qcchain import: " + from + ": " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }

    private static ImportSummary fromFile(NodePlatform platform, LedgerIdentity provider, Dataset dataset,
            Options options, int batch, PrintStream out) throws IOException, ChaincodeFailure {
        Path file = Path.of(options.require("--file"));
        boolean csv = options.get("--format") != null ? options.get("--format").equals("csv")
                : file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
        RecordImporter importer = importer(platform, provider, batch, dataset.fieldNames(), options);
        // a file can be read twice: check every row first, so that a bad one stores and anchors none
        try (BufferedReader text = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            importer.checkAll(fileSource(csv, dataset.id(), text));
        }
        try (BufferedReader text = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return importer.importAll(fileSource(csv, dataset.id(), text),
                    (id, records, batches) -> progress(out, records, batches));
        }
    }

    private static SourceAdapter fileSource(boolean csv, String datasetId, BufferedReader text) {
        return csv ? new CsvSource(datasetId, text) : new NdjsonSource(datasetId, text);
    }

    private static ImportSummary fromDatabase(NodePlatform platform, LedgerIdentity provider, Dataset dataset,
            Options options, int batch, PrintStream out, Map<String, String> env) throws IOException, ChaincodeFailure {
        String query = options.get("--query") != null ? options.get("--query") : mapping(options).toSql();
        int fetch = options.get("--fetch-size") == null ? DEFAULT_FETCH : Integer.parseInt(options.get("--fetch-size"));
        // the provider's own login (QCCHAIN_SOURCE_<MSPID>_USER), else the one for every source, as the node reads
        LiveAccess.Login login = LiveAccess.fromEnvironment(env).of(provider.mspId());
        JdbcSettings settings = new JdbcSettings(options.require("--jdbc-url"), login.user(), login.password(), query,
                fetch, platform.dataDir());
        try (JdbcSource source = JdbcSource.open(settings, dataset.id(), dataset.fieldNames())) {
            RecordImporter importer = importer(platform, provider, batch, dataset.fieldNames(), options);
            ImportProgress progress = (id, records, batches) -> progress(out, records, batches);
            return "source".equals(options.get("--values")) ? importer.importLive(source, progress)
                    : importer.importAll(source, progress);
        }
    }

    private static JdbcMapping mapping(Options options) throws IOException {
        Path file = Path.of(options.require("--mapping"));
        try {
            return Json.parse(Files.readString(file), JdbcMapping.class);
        } catch (JsonInputException e) {
            throw new IllegalArgumentException("mapping " + file + ": " + e.getMessage(), e);
        }
    }

    private static RecordImporter importer(NodePlatform platform, LedgerIdentity provider, int batch,
            List<String> catalogueFields, Options options) {
        RecordImporter importer = new RecordImporter(platform.stores().create(provider.mspId()),
                new BatchAnchorer(platform.ledger(), provider), platform.pseudonyms(), platform.ledger().suite(), batch,
                catalogueFields);
        if (!"retire".equals(options.get("--missing"))) {
            return importer;
        }
        return importer.retiringMissing(options.get("--max-retire") == null ? DEFAULT_MAX_RETIRED
                : Long.parseLong(options.get("--max-retire")));
    }

    private static void progress(PrintStream out, long records, int batches) {
        out.printf("  %,9d records, %3d batches anchored%n", records, batches);
    }
}
