package org.qcchain.bench;

import static org.qcchain.bench.OptionValues.positive;
import static org.qcchain.bench.OptionValues.positives;
import static org.qcchain.bench.OptionValues.value;

import java.nio.file.Path;
import java.util.List;

/**
 * The options of the HTTP benchmark, parsed from the command line.
 *
 * @param clients concurrent clients (requests in flight), one run per value
 * @param requests measured requests per run
 * @param warmup unmeasured requests before each run, the first warm-up round
 * @param jitQuietPercent further warm-up rounds while the JIT compiled for more than this share
 *     of a round's time ({@link JitWarmUp}); 0 for the first round only
 * @param subjects distinct data subjects, each with a consent and records in three datasets
 * @param sample answers per run checked with the SDK verifier, after the run
 * @param folder where to create the node's data folder; {@code null} for a temporary folder
 * @param signedHeaders whether each call also carries the HTTP signature headers (two signature
 *     checks per request, as before the data request's own signature authenticated the call)
 * @param tls whether the node speaks HTTPS and requires client certificates (mutual TLS, as in
 *     production), the clients presenting the bank's; plain HTTP otherwise
 * @param service {@code loan} (the bank's three copied datasets) or {@code health} (the health
 *     insurer's hospital visits, a live dataset read from the demo hospital's own database)
 * @param help whether only the usage was asked for
 */
record HttpBenchOptions(List<Integer> clients, int requests, int warmup, int jitQuietPercent, int subjects, int sample,
        Path folder, boolean signedHeaders, boolean tls, String service, boolean help) {

    static HttpBenchOptions parse(String... args) {
        List<Integer> clients = List.of(16, 64, 256);
        int requests = 20_000;
        int warmup = 2_000;
        int jitQuiet = 3;
        int subjects = 10_000;
        int sample = 200;
        Path folder = null;
        boolean signedHeaders = false;
        boolean tls = false;
        String service = "loan";
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            switch (name) {
                case "--help", "-h" -> help = true;
                case "--clients" -> clients = positives(name, value(args, ++i, name));
                case "--requests" -> requests = positive(name, value(args, ++i, name));
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i, name));
                case "--jit-quiet" -> jitQuiet = Integer.parseInt(value(args, ++i, name));
                case "--subjects" -> subjects = positive(name, value(args, ++i, name));
                case "--sample" -> sample = Integer.parseInt(value(args, ++i, name));
                case "--folder" -> folder = Path.of(value(args, ++i, name));
                case "--signed-headers" -> signedHeaders = true;
                case "--tls" -> tls = true;
                case "--service" -> service = value(args, ++i, name);
                default -> throw new IllegalArgumentException("unknown option '" + name + "'");
            }
        }
        if (!service.equals("loan") && !service.equals("health")) {
            throw new IllegalArgumentException("--service must be loan or health");
        }
        if (warmup < 0 || sample < 0) {
            throw new IllegalArgumentException("--warmup and --sample must not be negative");
        }
        if (jitQuiet < 0 || jitQuiet > 100) {
            throw new IllegalArgumentException("--jit-quiet must be a percentage, 0 to 100");
        }
        if (subjects > 29_990) {
            throw new IllegalArgumentException("--subjects must be at most 29990 (the demo's distinct resident ids)");
        }
        int most = clients.stream().mapToInt(Integer::intValue).max().orElse(1);
        if (subjects < 4 * most) {
            // two requests of one subject in flight at once would race for its consent's use counter
            throw new IllegalArgumentException("--subjects must be at least 4 x the most clients (" + 4 * most + ")");
        }
        return new HttpBenchOptions(clients, requests, warmup, jitQuiet, subjects, sample, folder, signedHeaders,
                tls, service, help);
    }
}
