package org.qcchain.bench;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The command line: {@code java -jar qcchain-benchmarks-<version>-all.jar ledger [options]}.
 * Progress goes to stderr, results to stdout (a Markdown table per run, ready for
 * docs/performance.md).
 */
public final class BenchMain {

    private BenchMain() {}

    /** Runs the benchmark named by the first argument. */
    public static void main(String[] args) throws Exception {
        if (args.length == 0 || isHelp(args[0])) {
            usage(System.out);
            return;
        }
        String command = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (!command.equals("ledger")) {
            System.err.println("unknown benchmark '" + command + "'");
            usage(System.err);
            System.exit(2);
        }
        LedgerBenchOptions options;
        try {
            options = LedgerBenchOptions.parse(rest);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }
        if (options.help()) {
            usage(System.out);
            return;
        }
        new LedgerBenchmark(options, System.out, System.err).run();
    }

    private static boolean isHelp(String argument) {
        return argument.equals("--help") || argument.equals("-h") || argument.equals("help");
    }

    private static void usage(PrintStream out) {
        out.println("""
                usage: java -jar qcchain-benchmarks-<version>-all.jar ledger [options]

                ledger   durable requestAccess commits on the embedded ledger with the real chaincode:
                         set-up (platform, organisations, dataset, agreement, one consent per subject),
                         then signed requests (the bank's signed request inside the bank's signed
                         proposal) from many concurrent submitters; reports committed tx/s, commit
                         latency p50/p99 (submit -> durable commit acknowledged), tx per block and the
                         time spent per ledger stage.

                options (lists are comma-separated; every combination is run):
                  --suite P256_SHA256,SM2_SM3    crypto suites                (default P256_SHA256)
                  --block-size 1,10,100,500      max transactions per block   (default 100)
                  --transactions N               measured requests per run    (default 20000)
                  --warmup N                     unmeasured requests first    (default 2000)
                  --in-flight 64,512             concurrent submissions       (default 64)
                  --workers N                    ledger worker threads        (default: cores)
                  --block-timeout-ms N           block cut timeout            (default 20)
                  --no-fsync                     do not fsync blocks (NOT durable; for comparison)
                  --folder PATH                  where ledgers are created    (default: a temp folder)
                  --help                         this text
                """);
    }
}
