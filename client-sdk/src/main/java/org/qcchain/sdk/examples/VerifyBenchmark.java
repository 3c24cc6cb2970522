package org.qcchain.sdk.examples;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.sdk.examples.synthetic.AnswerFactory;
import org.qcchain.sdk.examples.synthetic.Scenario;
import org.qcchain.sdk.examples.synthetic.SyntheticAnswer;
import org.qcchain.sdk.examples.synthetic.SyntheticNetwork;
import org.qcchain.sdk.verify.Verifier;

/**
 * Answer verifications per second on one thread, for both suites, with and without the
 * signature cache. Each answer is the bank's loan check: two datasets, one record each in batches
 * of 1,000, anchors in one block, the access in another. 32 distinct answers, each with its own
 * batches and blocks, are verified round-robin: with the cache on, every block signature and
 * signer certificate has been seen before, as when many answers cite the same anchor blocks or a
 * consumer re-verifies what it stored. Without it, every check is an elliptic-curve verification:
 * answer, node certificate, and per record the anchor certificate, anchor and two blocks.
 *
 * <pre>
 * mvn -q -pl client-sdk dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp client-sdk/target/classes:$(cat client-sdk/cp.txt) org.qcchain.sdk.examples.VerifyBenchmark --seconds 5
 * </pre>
 */
public final class VerifyBenchmark {

    private VerifyBenchmark() {}

    /** @param args {@code [--seconds N] [--help]} */
    public static void main(String[] args) throws Exception {
        int seconds = 5;
        for (int i = 0; i < args.length; i++) {
            if ("--help".equals(args[i])) {
                System.out.println("VerifyBenchmark [--seconds N]: verifications/s of qcchain-answer/1 answers on one"
                        + " thread, both suites, with and without the signature cache (default 5 s per run, after"
                        + " a warm-up of the same length). Needs no node: answers are synthetic.");
                return;
            }
            if ("--seconds".equals(args[i]) && i + 1 < args.length) {
                seconds = Integer.parseInt(args[++i]);
            }
        }
        System.out.printf("%-12s %-10s %14s %14s%n", "suite", "cache", "verifications/s", "ms/verification");
        for (CryptoSuite suite : CryptoSuite.values()) {
            List<SyntheticAnswer> answers = answers(suite);
            for (int cache : new int[] {0, 10_000}) {
                Verifier verifier = Verifier.builder().trustAnchors(NETWORKS.get(suite.ordinal()).trustAnchors())
                        .suite(suite).signatureCacheSize(cache).build();
                System.err.printf("  %s, cache %s: warming up %d s ...%n", suite, cache > 0 ? "on" : "off", seconds);
                run(verifier, answers, seconds);
                double rate = run(verifier, answers, seconds);
                System.out.printf("%-12s %-10s %14.1f %14.3f%n", suite, cache > 0 ? "on" : "off", rate, 1000 / rate);
            }
        }
    }

    private static final List<SyntheticNetwork> NETWORKS = new ArrayList<>();

    private static List<SyntheticAnswer> answers(CryptoSuite suite) {
        System.err.printf("  %s: building 32 answers ...%n", suite);
        SyntheticNetwork network = SyntheticNetwork.create(suite);
        NETWORKS.add(network);
        AnswerFactory factory = AnswerFactory.create(network, 2026);
        List<SyntheticAnswer> answers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
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

    /** Verifies round-robin for {@code seconds}; returns verifications per second. */
    private static double run(Verifier verifier, List<SyntheticAnswer> answers, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        long count = 0;
        while (System.nanoTime() < end) {
            SyntheticAnswer answer = answers.get((int) (count % answers.size()));
            verifier.verify(answer.answer(), answer.requestHash());
            count++;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
