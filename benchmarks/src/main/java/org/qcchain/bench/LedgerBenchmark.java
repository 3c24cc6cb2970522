package org.qcchain.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.ledger.embedded.CommittedBlock;
import org.qcchain.ledger.embedded.EmbeddedLedger;
import org.qcchain.ledger.embedded.LedgerListener;
import org.qcchain.ledger.embedded.LedgerOptions;
import org.qcchain.ledger.embedded.SignedProposal;
import org.qcchain.ledger.embedded.StageTimings;
import org.qcchain.simulator.ChaincodeRunner;

/**
 * The {@code ledger} benchmark: per suite, a fresh ledger set up through the real chaincode, then
 * per block size a reopening of it with that block size, a warm-up, and a measured run of signed
 * {@code requestAccess} transactions, one subject (and consent) per request. By default the
 * measured proposals are signed before the clock starts (each with a fresh nonce and the current
 * time, well within the chaincode's request time skew for runs of minutes): the figures are the
 * ledger's, not the clients', who sign on their own machines. {@code --sign inline} signs each
 * request and proposal on the submitting thread inside the measured time instead.
 */
final class LedgerBenchmark {

    private static final int SETUP_BLOCK_SIZE = 500;

    private final LedgerBenchOptions options;
    private final PrintStream out;
    private final PrintStream progress;
    private final Reporter reporter;

    LedgerBenchmark(LedgerBenchOptions options, PrintStream out, PrintStream progress) {
        this.options = options;
        this.out = out;
        this.progress = progress;
        this.reporter = new Reporter(out);
    }

    void run() throws Exception {
        reporter.machine(options);
        progress.println("building the chaincode runner (scans the classpath once)");
        ChaincodeRunner runner = ChaincodeRunner.forContractsOnClasspath(Platform.CHAINCODE);
        Path base = options.folder() != null ? Files.createDirectories(options.folder())
                : Files.createTempDirectory("qcchain-bench-");
        for (CryptoSuite suite : options.suites()) {
            Platform platform = new Platform(suite);
            reporter.baseline(suite, CryptoBaseline.measure(platform.bank.client()));
            Path folder = Files.createDirectories(base.resolve(suite.name() + "-" + UUID.randomUUID()));
            Transactions transactions = new Transactions(platform, Instant.now(), options.signedByTransaction());
            setUp(platform, folder, runner, transactions);
            for (int blockSize : options.blockSizes()) {
                for (int inFlight : options.inFlight()) {
                    reporter.run(measure(platform, folder, runner, transactions, blockSize, inFlight));
                }
            }
            progress.printf("%s: ledger on disk %,d MB%n", suite, BenchFolders.size(folder) >> 20);
            BenchFolders.delete(folder, progress);
        }
        if (options.folder() == null) {
            BenchFolders.delete(base, progress);
        }
        reporter.summary();
    }

    private void setUp(Platform platform, Path folder, ChaincodeRunner runner, Transactions transactions)
            throws InterruptedException {
        progress.printf("%s: setting up the platform and %d consents in %s%n", platform.suite, options.subjects(),
                folder);
        try (EmbeddedLedger ledger = EmbeddedLedger.open(folder, options(platform, runner, SETUP_BLOCK_SIZE))) {
            requireValid(ledger, transactions.init());
            for (Organisation organisation : List.of(platform.provider, platform.bank, platform.citizenApp)) {
                requireValid(ledger, transactions.register(organisation));
            }
            requireValid(ledger, transactions.dataset());
            requireValid(ledger, transactions.requestAgreement());
            requireValid(ledger, transactions.approveAgreement());
            List<SignedProposal> consents = IntStream.range(0, options.subjects()).parallel()
                    .mapToObj(transactions::consent).toList();
            int inFlight = options.inFlight().stream().max(Integer::compare).orElseThrow();
            LoadDriver.Load load = new LoadDriver(ledger, inFlight, progress).run("consents", consents);
            long valid = load.results().stream().filter(r -> r != null && r.isValid()).count();
            if (valid != consents.size()) {
                throw new IllegalStateException("only " + valid + " of " + consents.size() + " consents committed");
            }
            progress.printf("%s: %d consents committed in %.1f s (%.0f tx/s, blocks of up to %d)%n", platform.suite,
                    valid, load.elapsedNanos() / 1e9, valid / (load.elapsedNanos() / 1e9), SETUP_BLOCK_SIZE);
        }
    }

    private RunReport measure(Platform platform, Path folder, ChaincodeRunner runner, Transactions transactions,
            int blockSize, int inFlight) throws InterruptedException {
        try (EmbeddedLedger ledger = EmbeddedLedger.open(folder, options(platform, runner, blockSize))) {
            AtomicLong blocks = new AtomicLong();
            ledger.addListener(new LedgerListener() {
                @Override
                public void onBlock(CommittedBlock block) {
                    blocks.incrementAndGet();
                }
            });
            String run = platform.suite + " block " + blockSize + " in flight " + inFlight;
            LoadDriver driver = new LoadDriver(ledger, inFlight, progress);
            if (options.warmup() > 0) {
                driver.run(run + " warm-up", requests(transactions, 0, options.warmup()));
            }
            List<SignedProposal> requests = options.signInline() ? null
                    : requests(transactions, options.warmup(), options.transactions());
            String nonces = UUID.randomUUID().toString();
            // let the listener's dispatch thread catch up with the warm-up's blocks before counting
            Thread.sleep(200);
            long blocksBefore = blocks.get();
            StageTimings before = ledger.stageTimings();
            long cpuBefore = processCpuNanos();
            ThreadCpu threadsBefore = ThreadCpu.snapshot();
            progress.printf("  measured run starts at %s%n", Instant.now());
            LoadDriver.Load load = requests != null ? driver.run(run, requests)
                    : driver.run(run + " (signing inline)", options.transactions(), i -> transactions
                            .requestAccess(options.warmup() + i, "n-" + nonces + "-" + (options.warmup() + i)));
            progress.printf("  measured run ends at %s%n", Instant.now());
            long cpu = processCpuNanos() - cpuBefore;
            var threadCpu = ThreadCpu.snapshot().minus(threadsBefore);
            StageTimings stages = ledger.stageTimings().minus(before);
            Thread.sleep(200);
            return new RunReport(platform.suite, blockSize, inFlight, load, blocks.get() - blocksBefore, cpu,
                    threadCpu, stages);
        }
    }

    /** Signed on all cores before the measured run starts. */
    private List<SignedProposal> requests(Transactions transactions, int firstSubject, int count) {
        progress.printf("  signing %d requests and proposals%n", count);
        String run = UUID.randomUUID().toString();
        return IntStream.range(firstSubject, firstSubject + count).parallel()
                .mapToObj(i -> transactions.requestAccess(i, "n-" + run + "-" + i)).toList();
    }

    private LedgerOptions options(Platform platform, ChaincodeRunner runner, int blockSize) {
        return LedgerOptions.builder().suite(platform.suite).nodeIdentity(platform.node).channel(Platform.CHANNEL)
                .chaincode(Platform.CHAINCODE).membership(platform.membership()).runner(runner)
                .maxBlockTransactions(blockSize).blockTimeout(Duration.ofMillis(options.blockTimeoutMillis()))
                .workers(options.workers()).syncEachBlock(options.fsync()).build();
    }

    private static void requireValid(EmbeddedLedger ledger, SignedProposal proposal) {
        var result = ledger.submit(proposal).join();
        if (!result.isValid()) {
            throw new IllegalStateException("set-up transaction failed: " + result.code() + " "
                    + result.validationMessage() + " " + result.chaincodeMessage());
        }
    }

    private static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }
}
