package org.qcchain.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The command line: {@code java -jar qcchain-benchmarks-<version>-all.jar ledger|http [options]}.
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
        if (command.equals("http")) {
            http(rest);
            return;
        }
        if (!command.equals("ledger")) {
            System.err.println("unknown benchmark '" + command + "'");
            usage(System.err);
            System.exit(2);
        }
        LedgerBenchOptions options = options(rest, LedgerBenchOptions::parse, LedgerBenchOptions::help);
        if (options != null) {
            new LedgerBenchmark(options, System.out, System.err).run();
        }
    }

    private static void http(String[] rest) throws Exception {
        HttpBenchOptions options = options(rest, HttpBenchOptions::parse, HttpBenchOptions::help);
        if (options == null) {
            return;
        }
        new HttpBenchmark(options, System.out, System.err).run();
        // Vert.x and the ledger leave no non-daemon threads, but say so explicitly for the shaded jar
        System.exit(0);
    }

    /**
     * A benchmark's options, or {@code null} when only the usage was asked for (and printed); bad
     * options print the reason and the usage and end the process with status 2.
     */
    private static <T> T options(String[] rest, Function<String[], T> parse, Predicate<T> help) {
        T options;
        try {
            options = parse.apply(rest);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            usage(System.err);
            System.exit(2);
            return null;
        }
        if (help.test(options)) {
            usage(System.out);
            return null;
        }
        return options;
    }

    private static boolean isHelp(String argument) {
        return argument.equals("--help") || argument.equals("-h") || argument.equals("help");
    }

    private static void usage(PrintStream out) {
        out.println("""
                usage: java -jar qcchain-benchmarks-<version>-all.jar ledger|http [options]

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
                  --workers N                    ledger worker threads        (default: cores - 1, at least 1)
                  --block-timeout-ms N           block cut timeout            (default 20)
                  --no-fsync                     do not fsync blocks (NOT durable; for comparison)
                  --sign before|inline           sign the measured requests before the clock starts, on
                                                 all cores (default; clients sign elsewhere), or inline
                                                 on the one submitting thread, inside the measured time
                  --request-signature request|transaction
                                                 the bank signs each request and the proposal carrying
                                                 it (default: two checks, as when a node relays it), or
                                                 only the proposal, which then covers the request (one)
                  --folder PATH                  where ledgers are created    (default: a temp folder)
                  --help                         this text

                http     the whole node over HTTP, as banks see it: a demo node (embedded ledger with
                         fsync, real chaincode, H2 provider stores, the Vert.x server on a loopback
                         port) in a temp folder, SUBJECTS citizens with records in the three datasets
                         of the bank-loan service and one consent each; then signed POST
                         /v1/data-requests (signed before the run, without signature headers: the
                         request's own signature authenticates the call, as the SDK sends it) from
                         CLIENTS concurrent clients (Vert.x HTTP client, one event loop, kept-alive
                         connections), one subject per request in flight. Each answer costs the node
                         its access record's ledger transaction, a share of a batched delivery-receipt
                         transaction and a proof per record. Reports answered requests/s, latency
                         p50/p99/max, answers by code, CPU per request (process, and the node's
                         threads without the client's), after a warm-up; then verifies a sample of the
                         answers with the SDK Verifier, timed apart from the run.

                options (--clients is comma-separated; one run per value):
                  --clients 16,64,256            concurrent clients           (default 16,64,256)
                  --requests N                   measured requests per run    (default 20000)
                  --warmup N                     unmeasured requests first    (default 2000)
                  --jit-quiet P                  then rounds of N/4 more while the JIT compiled for
                                                 over P % of a round's time, at most 8 (default 3;
                                                 0: the first round only)
                  --subjects N                   citizens with consents       (default 10000, max 29990)
                  --sample N                     answers verified per run     (default 200)
                  --folder PATH                  where the node is created    (default: a temp folder)
                  --signed-headers               sign each call with the X-Qc-* headers as well: the
                                                 node then checks two signatures per request instead
                                                 of the data request's own one
                  --tls                          mutual TLS as in production: the node on HTTPS
                                                 with a server certificate of a TLS CA made for
                                                 the run, requiring client certificates; the
                                                 clients present the bank's (default: plain HTTP)
                  --service loan|health          the bank's loan check (three datasets copied into
                                                 the stores; default) or the health insurer's claim
                                                 (hospital visits, a live dataset: each answer reads
                                                 the rows from the demo hospital's own database)
                  --help                         this text

                The machine's other load changes wall-clock rates; CPU per request is the steadier
                figure. Example: java -jar benchmarks/target/qcchain-benchmarks-*-all.jar http \
                    --clients 16,64,256 --requests 20000 --warmup 2000
                """);
    }
}
