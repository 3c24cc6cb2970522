package org.qcchain.sdk.examples;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qcchain.common.answer.AnswerItem;
import org.qcchain.common.answer.RecordEvidence;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.sdk.examples.synthetic.AnswerFactory;
import org.qcchain.sdk.examples.synthetic.Scenario;
import org.qcchain.sdk.examples.synthetic.SyntheticAnswer;
import org.qcchain.sdk.examples.synthetic.SyntheticNetwork;
import org.qcchain.sdk.verify.VerificationException;
import org.qcchain.sdk.verify.Verifier;

/**
 * Verifications per second on one thread, for both suites, with and without the verifier's
 * caches, of two things:
 *
 * <ul>
 *   <li><b>answers</b>: the bank's loan check, two datasets with one record each in batches of
 *       1,000, anchors in one block, the access in another ({@code Verifier.verify}). Without
 *       caches that is 9 elliptic-curve verifications: the answer, the node certificate, the
 *       access block, and per record the anchor certificate, the anchor and the anchor block;
 *   <li><b>record proofs</b>: the per-record part of an answer on its own ({@code
 *       Verifier.verifyRecord}): the disclosure's openings and record root, the anchor's
 *       certificate and signature, the inclusion proof and the anchor's transaction and block
 *       (plus the node certificate's issuance, which an answer checks once for all its records).
 * </ul>
 *
 * <p>32 distinct answers, each with its own batches and blocks, are verified round-robin (their 64
 * records likewise): with caches on, every certificate, block signature and anchor signature has
 * been seen before, as when many answers cite the same anchor blocks or a consumer re-verifies
 * what it stored; only the answer's own signature is computed every time. Each row runs after a
 * warm-up of the same length and gives two rates: per CPU second of the verifying thread (what one
 * core does, and stable on a shared machine) and per wall-clock second.
 *
 * <pre>
 * mvn -q -pl client-sdk dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp client-sdk/target/classes:$(cat client-sdk/cp.txt) org.qcchain.sdk.examples.VerifyBenchmark --seconds 5
 * </pre>
 */
public final class VerifyBenchmark {

    private static final int ANSWERS = 32;
    private static final int[] CACHES = {0, 10_000};

    /** What one timed loop verifies. */
    private interface Work {
        void verify(int i) throws VerificationException;
    }

    /** One record of a synthetic answer, with what {@code verifyRecord} needs beside it. */
    private record Stored(RecordEvidence evidence, String providerMspId, String nodeCertificatePem) {}

    private VerifyBenchmark() {}

    /** @param args {@code [--seconds N] [--help]} */
    public static void main(String[] args) throws Exception {
        int seconds = 5;
        for (int i = 0; i < args.length; i++) {
            if ("--help".equals(args[i])) {
                System.out.println("VerifyBenchmark [--seconds N]: verifications/s of qcchain-answer/2 answers and of"
                        + " single record proofs on one thread, both suites, with and without the verifier's caches"
                        + " (default 5 s per row, after a warm-up of the same length). Needs no node: answers are"
                        + " synthetic.");
                return;
            }
            if ("--seconds".equals(args[i]) && i + 1 < args.length) {
                seconds = Integer.parseInt(args[++i]);
            }
        }
        System.out.printf("%-12s %-6s %-13s %14s %12s %14s%n", "suite", "cache", "what", "per CPU-s",
                "µs CPU each", "per wall-s");
        for (CryptoSuite suite : CryptoSuite.values()) {
            SyntheticNetwork network = SyntheticNetwork.create(suite);
            List<SyntheticAnswer> answers = answers(network);
            List<Stored> records = records(answers);
            for (int cache : CACHES) {
                String label = cache > 0 ? "on" : "off";
                Verifier verifier = Verifier.builder().trustAnchors(network.trustAnchors()).suite(suite)
                        .signatureCacheSize(cache).build();
                row(suite, label, "answers", seconds, i -> {
                    SyntheticAnswer answer = answers.get(i % answers.size());
                    verifier.verify(answer.answer(), answer.requestHash());
                });
                row(suite, label, "record proofs", seconds, i -> {
                    Stored record = records.get(i % records.size());
                    verifier.verifyRecord(record.evidence(), record.providerMspId(), record.nodeCertificatePem());
                });
            }
        }
    }

    private static List<SyntheticAnswer> answers(SyntheticNetwork network) {
        System.err.printf("  %s: building %d answers (2 batches of 1,000 records each) ...%n", network.suite(),
                ANSWERS);
        AnswerFactory factory = AnswerFactory.create(network, 2026);
        List<SyntheticAnswer> answers = new ArrayList<>();
        for (int i = 0; i < ANSWERS; i++) {
            answers.add(factory.answer(new Scenario()
                    .dataset("social.insurance.contributions", "SocialInsuranceMSP", 1000,
                            Map.of("paidMonths", IntNode.valueOf(48), "employer", TextNode.valueOf("济南钢铁集团"),
                                    "active", BooleanNode.TRUE), Set.of("paidMonths", "active"))
                    .dataset("provident.fund.accounts", "ProvidentFundMSP", 1000,
                            Map.of("balance", TextNode.valueOf("56321.40"), "status", TextNode.valueOf("NORMAL")),
                            Set.of("balance", "status"))));
        }
        return answers;
    }

    /** Every record of the answers, with its provider as the access record names it. */
    private static List<Stored> records(List<SyntheticAnswer> answers) {
        List<Stored> records = new ArrayList<>();
        for (SyntheticAnswer built : answers) {
            for (AnswerItem item : built.answer().items()) {
                String provider = "";
                for (var granted : built.answer().access().record().path("items")) {
                    if (item.datasetId().equals(granted.path("datasetId").asText())) {
                        provider = granted.path("providerMspId").asText();
                    }
                }
                for (RecordEvidence evidence : item.records()) {
                    records.add(new Stored(evidence, provider, built.answer().nodeCertificate()));
                }
            }
        }
        return records;
    }

    private static void row(CryptoSuite suite, String cache, String what, int seconds, Work work)
            throws VerificationException {
        System.err.printf("  %s, caches %s, %s: warming up %d s ...%n", suite, cache, what, seconds);
        run(work, seconds);
        System.err.printf("  %s, caches %s, %s: measuring %d s ...%n", suite, cache, what, seconds);
        double[] rates = run(work, seconds);
        System.out.printf("%-12s %-6s %-13s %14.1f %12.1f %14.1f%n", suite, cache, what, rates[0], 1e6 / rates[0],
                rates[1]);
    }

    /** Runs {@code work} for {@code seconds}; returns verifications per CPU second and per wall second. */
    private static double[] run(Work work, int seconds) throws VerificationException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        int count = 0;
        long now = start;
        while (now < end) {
            work.verify(count++);
            now = System.nanoTime();
        }
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        return new double[] {count / cpu, count / ((now - start) / 1e9)};
    }
}
