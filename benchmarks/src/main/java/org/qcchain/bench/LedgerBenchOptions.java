package org.qcchain.bench;

import static org.qcchain.bench.OptionValues.list;
import static org.qcchain.bench.OptionValues.positive;
import static org.qcchain.bench.OptionValues.positives;
import static org.qcchain.bench.OptionValues.value;

import java.nio.file.Path;
import java.util.List;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.ledger.embedded.LedgerOptions;

/**
 * The options of the ledger benchmark, parsed from the command line.
 *
 * @param suites the suites to run
 * @param blockSizes the block sizes to run
 * @param transactions measured requests per run
 * @param warmup unmeasured requests before each run
 * @param inFlight concurrent submissions, one run per value
 * @param workers ledger worker threads
 * @param blockTimeoutMillis how long a block waits to fill
 * @param fsync whether blocks are forced to disk
 * @param signInline whether the measured requests are signed by the submitting thread inside the
 *     measured time (as a client in the same process would) rather than before the clock starts
 * @param signedByTransaction the bank's requests carry no signature of their own: the bank submits
 *     them, so its transaction signature covers them
 * @param folder where to create ledgers; {@code null} for a temporary folder
 * @param help whether only the usage was asked for
 */
record LedgerBenchOptions(List<CryptoSuite> suites, List<Integer> blockSizes, int transactions, int warmup,
        List<Integer> inFlight, int workers, int blockTimeoutMillis, boolean fsync, boolean signInline,
        boolean signedByTransaction, Path folder, boolean help) {

    /** Requests use one subject each, so the run never waits on a consent's usage counter. */
    int subjects() {
        return transactions + warmup;
    }

    static LedgerBenchOptions parse(String... args) {
        List<CryptoSuite> suites = List.of(CryptoSuite.P256_SHA256);
        List<Integer> blockSizes = List.of(100);
        int transactions = 20_000;
        int warmup = 2_000;
        List<Integer> inFlight = List.of(64);
        int workers = LedgerOptions.defaultWorkers();
        int timeout = 20;
        boolean fsync = true;
        boolean signInline = false;
        boolean signedByTransaction = false;
        Path folder = null;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            switch (name) {
                case "--help", "-h" -> help = true;
                case "--no-fsync" -> fsync = false;
                case "--sign" -> signInline = signing(value(args, ++i, name));
                case "--request-signature" -> signedByTransaction = requestSignature(value(args, ++i, name));
                case "--suite" -> suites = list(value(args, ++i, name)).stream().map(CryptoSuite::fromName).toList();
                case "--block-size" -> blockSizes = positives(name, value(args, ++i, name));
                case "--transactions" -> transactions = positive(name, value(args, ++i, name));
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i, name));
                case "--in-flight" -> inFlight = positives(name, value(args, ++i, name));
                case "--workers" -> workers = positive(name, value(args, ++i, name));
                case "--block-timeout-ms" -> timeout = positive(name, value(args, ++i, name));
                case "--folder" -> folder = Path.of(value(args, ++i, name));
                default -> throw new IllegalArgumentException("unknown option '" + name + "'");
            }
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup must not be negative");
        }
        return new LedgerBenchOptions(suites, blockSizes, transactions, warmup, inFlight, workers, timeout, fsync,
                signInline, signedByTransaction, folder, help);
    }

    private static boolean signing(String value) {
        return switch (value) {
            case "before" -> false;
            case "inline" -> true;
            default -> throw new IllegalArgumentException("--sign must be 'before' or 'inline', not '" + value + "'");
        };
    }

    private static boolean requestSignature(String value) {
        return switch (value) {
            case "request" -> false;
            case "transaction" -> true;
            default -> throw new IllegalArgumentException("--request-signature must be 'request' or 'transaction', not '"
                    + value + "'");
        };
    }
}
