package org.qcchain.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientOptions;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.qcchain.chaincode.model.ConsentGrant;
import org.qcchain.chaincode.model.ConsentItem;
import org.qcchain.chaincode.model.ConsentMode;
import org.qcchain.chaincode.model.ConsentTerms;
import org.qcchain.chaincode.model.FetchType;
import org.qcchain.chaincode.model.Period;
import org.qcchain.chaincode.model.PeriodUnit;
import org.qcchain.common.answer.DataAnswer;
import org.qcchain.common.auth.RequestSigner;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;
import org.qcchain.node.config.NodeConfig;
import org.qcchain.node.demo.DemoCatalogue;
import org.qcchain.node.demo.DemoOrganisation;
import org.qcchain.node.demo.DemoPlatform;
import org.qcchain.node.demo.DemoService;
import org.qcchain.node.demo.TryRequest;
import org.qcchain.node.http.NodeServer;
import org.qcchain.ledger.embedded.StageTimings;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.node.ledger.embedded.EmbeddedLedgerBackend;
import org.qcchain.node.metrics.DataRequestPhases;
import org.qcchain.node.metrics.DataRequestPhases.Phase;
import org.qcchain.node.metrics.DataRequestPhases.Total;
import org.qcchain.sdk.verify.TrustAnchors;
import org.qcchain.sdk.verify.TrustAnchorsBuilder;
import org.qcchain.sdk.verify.VerificationException;
import org.qcchain.sdk.verify.Verifier;

/**
 * The node over HTTP, as a bank sees it: a demo node (embedded ledger with fsync, the real
 * chaincode, H2 provider stores, the Vert.x server) in a temporary folder, with {@code subjects}
 * citizens who each have records in the three datasets of the bank-loan service and a consent for
 * it; then signed {@code POST /v1/data-requests} from many concurrent clients, one subject per
 * request in flight. Each granted request costs the node one ledger transaction (the access
 * record), a share of a batched delivery-receipt transaction, and an answer with a proof per
 * record. A sample of the
 * answers is verified with the SDK's {@link Verifier} after each run, off the measured path.
 */
final class HttpBenchmark {

    /** The demo's own consents (citizens 0 to 9) have small caps; the benchmark's subjects start after them. */
    private static final int FIRST_CITIZEN = DemoPlatform.CONSENTING_CITIZENS;

    private final HttpBenchOptions options;
    /** The demo service whose requests the clients send. */
    private final DemoService service;
    private final PrintStream out;
    private final PrintStream progress;
    private int nextSubject;

    HttpBenchmark(HttpBenchOptions options, PrintStream out, PrintStream progress) {
        this.options = options;
        this.service = DemoService.all().get(options.service().equals("health") ? 2 : 0);
        this.out = out;
        this.progress = progress;
    }

    void run() throws Exception {
        Path folder = options.folder() != null ? options.folder() : Files.createTempDirectory("qcchain-http-bench");
        try {
            run(folder.resolve("node-" + System.currentTimeMillis()));
        } finally {
            if (options.folder() == null) {
                BenchFolders.delete(folder, progress);
            }
        }
    }

    private void run(Path data) throws Exception {
        int subjects = options.subjects();
        long setupStart = System.nanoTime();
        progress.printf("setting up a demo node in %s with %,d subjects%n", data, subjects);
        // the demo spreads records evenly over its 7 datasets, and the hospital's over half as many
        // citizens (two visits each): every subject needs records in the measured service's datasets
        int perDataset = (service.fields().containsKey(DemoCatalogue.HOSPITAL) ? 2 : 1) * (FIRST_CITIZEN + subjects);
        try (DemoPlatform demo = DemoPlatform.create(data, 7 * perDataset, 11L, progress)) {
            grantConsents(demo, subjects);
            progress.printf("set-up done in %.1f s; ledger height %d%n", (System.nanoTime() - setupStart) / 1e9,
                    demo.ledger().height());
            Vertx nodeVertx = Vertx.vertx();
            Vertx clientVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
            try {
                Optional<BenchTls> tls = options.tls() ? Optional.of(BenchTls.create(data)) : Optional.empty();
                NodeServer server = await(NodeServer.start(nodeVertx, config(data, tls), demo.directory(),
                        demo.platform().services()));
                Verifier verifier = Verifier.builder().trustAnchors(trustAnchors(demo)).suite(CryptoSuite.P256_SHA256)
                        .build();
                int most = options.clients().stream().mapToInt(Integer::intValue).max().orElse(1);
                HttpClientOptions clientOptions = new HttpClientOptions();
                tls.ifPresent(t -> t.clientOptions(clientOptions,
                        demo.pki().client(service.consumerMspId()).identity()));
                HttpLoad load = new HttpLoad(clientVertx, clientOptions, server.port(), most);
                HttpReporter reporter = new HttpReporter(out);
                reporter.machine(options);
                for (int clients : options.clients()) {
                    reporter.run(measure(demo, load, verifier, clients));
                }
                reporter.summary();
                await(server.stop());
                progress.printf("on disk: ledger %,d MB, provider stores %,d MB, deliveries %,d MB%n",
                        BenchFolders.size(data.resolve("ledger")) >> 20, BenchFolders.size(data.resolve("providers")) >> 20,
                        BenchFolders.size(data.resolve("deliveries")) >> 20);
            } finally {
                await(clientVertx.close());
                await(nodeVertx.close());
            }
        }
    }

    private HttpRunReport measure(DemoPlatform demo, HttpLoad load, Verifier verifier, int clients)
            throws Exception {
        LedgerIdentity bank = demo.pki().client(service.consumerMspId());
        JitWarmUp.Outcome warmUp = new JitWarmUp(options.jitQuietPercent(), progress).run(options.warmup(),
                new JitWarmUp.Round<List<SignedCall>>() {
                    @Override
                    public List<SignedCall> prepare(int requests) {
                        return sign(demo, bank, requests);
                    }

                    @Override
                    public void send(List<SignedCall> calls) throws Exception {
                        load.run("warm-up, " + clients + " clients", calls, clients, 0, progress);
                    }
                });
        List<SignedCall> calls = sign(demo, bank, options.requests());
        long clientThread = load.threadId();
        System.gc();
        ThreadCpu before = ThreadCpu.snapshot();
        long cpuBefore = processCpuNanos();
        long heightBefore = demo.ledger().height();
        Optional<StageTimings> stagesBefore = stageTimings(demo);
        DataRequestPhases phases = demo.platform().dataRequests().phases();
        Map<Phase, Total> phasesBefore = phases.totals();
        int sampleEvery = options.sample() == 0 ? 0 : Math.max(1, options.requests() / options.sample());
        HttpLoad.Result result = load.run(clients + " clients", calls, clients, sampleEvery, progress);
        long cpu = processCpuNanos() - cpuBefore;
        Map<Long, String> groups = new java.util.HashMap<>(nodeThreadsNamedApart());
        groups.put(clientThread, HttpRunReport.CLIENT);
        Map<String, Long> threads = ThreadCpu.snapshot().minus(before, groups);
        long blocks = demo.ledger().height() - heightBefore;
        Optional<StageTimings> stages = stageTimings(demo).map(after -> after.minus(stagesBefore.orElseThrow()));
        return new HttpRunReport(clients, warmUp, result, cpu, threads, blocks, stages,
                PhaseTable.difference(phases.totals(), phasesBefore), verifySample(verifier, calls, result));
    }

    /** The embedded ledger's stage timings so far; empty on another backend. */
    private static Optional<StageTimings> stageTimings(DemoPlatform demo) {
        return demo.ledger() instanceof EmbeddedLedgerBackend embedded
                ? Optional.of(embedded.stageTimings())
                : Optional.empty();
    }

    /** The node's receipt and answer-signing threads, which the groups by name would count as the benchmark's. */
    private static Map<Long, String> nodeThreadsNamedApart() {
        Map<Long, String> groups = new java.util.HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("qcchain-deliveries")) {
                groups.put(thread.getId(), "node receipt recorder");
            } else if (thread.getName().startsWith("qcchain-answer-signer")) {
                groups.put(thread.getId(), "node answer signer");
            }
        }
        return groups;
    }

    /** Checks the kept answers as the bank would; timed on its own, never inside the run. */
    private HttpRunReport.Verification verifySample(Verifier verifier, List<SignedCall> calls, HttpLoad.Result result) {
        int verified = 0;
        Map<String, Long> failures = new TreeMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < calls.size(); i++) {
            String answer = result.samples().get(i);
            if (answer == null) {
                continue;
            }
            try {
                verifier.verify(DataAnswer.fromJson(answer),
                        Json.tree(new String(calls.get(i).body(), StandardCharsets.UTF_8)).path("request"));
                verified++;
            } catch (VerificationException | RuntimeException e) {
                failures.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1L, Long::sum);
            }
        }
        return new HttpRunReport.Verification(verified, failures, System.nanoTime() - start);
    }

    /** Signs requests for the next subjects, in parallel, before the run. */
    private List<SignedCall> sign(DemoPlatform demo, LedgerIdentity bank, int count) {
        int first = nextSubject;
        nextSubject += count;
        RequestSigner signer = RequestSigner.create(bank.mspId(), bank.identity());
        return IntStream.range(first, first + count).parallel().mapToObj(n -> {
            int citizen = FIRST_CITIZEN + n % options.subjects();
            String body = TryRequest.signedRequest(bank, demo.subject(citizen), consentId(citizen), service.purpose(),
                    service.items());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = options.signedHeaders()
                    ? signer.sign("POST", "/v1/data-requests", bytes).asMap() : Map.of();
            return new SignedCall(bytes, headers, citizen);
        }).toList();
    }

    /** One consent per subject for the measured service, recorded by the citizen app, many at once. */
    private void grantConsents(DemoPlatform demo, int subjects) throws Exception {
        progress.printf("recording %,d consents%n", subjects);
        LedgerIdentity app = demo.pki().client(DemoOrganisation.CITIZEN_APP);
        List<ConsentItem> items = new TreeMap<>(service.fields()).entrySet().stream()
                .map(e -> new ConsentItem(e.getKey(), e.getValue())).toList();
        Instant now = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int n = 0; n < subjects; n++) {
                int citizen = FIRST_CITIZEN + n;
                ConsentTerms terms = new ConsentTerms(consentId(citizen), demo.subject(citizen),
                        service.consumerMspId(), items, service.purpose(), ConsentMode.VIEW, FetchType.PERIODIC,
                        new Period(PeriodUnit.DAY, 1_000_000), 1_000_000L, null, new Period(PeriodUnit.DAY, 30),
                        now.minus(Duration.ofMinutes(5)).toString(), now.plus(Duration.ofDays(1)).toString());
                done.add(pool.submit(() -> demo.ledger().submit(app, "Consents:grantConsent",
                        Json.write(new ConsentGrant(terms, null)))));
            }
            for (java.util.concurrent.Future<?> consent : done) {
                consent.get();
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    private String consentId(int citizen) {
        return String.format("bench-%s-%06d", options.service(), citizen);
    }

    private static NodeConfig config(Path data, Optional<BenchTls> tls) {
        NodeConfig d = NodeConfig.defaults();
        // a nonce is remembered for the clock-skew window: the cache must hold every request of five minutes
        return new NodeConfig(data.toString(), new NodeConfig.Http("127.0.0.1", 0),
                tls.map(BenchTls::nodeTls).orElse(d.tls()), CryptoSuite.P256_SHA256,
                d.ledger(), d.limits(), new NodeConfig.Auth(d.auth().maxClockSkewSeconds(), 2_000_000), List.of());
    }

    private static TrustAnchors trustAnchors(DemoPlatform demo) {
        TrustAnchorsBuilder anchors = TrustAnchors.builder();
        DemoOrganisation.all().forEach(org -> anchors.organisation(org.mspId(), demo.pki().caPem(org.mspId())));
        return anchors.nodeCa(demo.pki().caPem(DemoOrganisation.BUREAU)).build();
    }

    private static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
    }
}
