package org.qcchain.sdk.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.qcchain.common.crypto.Identity;
import org.qcchain.sdk.AccessRecordQuery;
import org.qcchain.sdk.QcchainClient;
import org.qcchain.sdk.audit.AbnormalFlowRules;
import org.qcchain.sdk.audit.AccessTrailAudit;
import org.qcchain.sdk.audit.AuditReport;
import org.qcchain.sdk.audit.CompletenessFinding;
import org.qcchain.sdk.audit.CompletenessReport;
import org.qcchain.sdk.audit.DenialRule;
import org.qcchain.sdk.audit.Finding;
import org.qcchain.sdk.audit.FindingKind;
import org.qcchain.sdk.audit.LedgerCopy;
import org.qcchain.sdk.audit.MalformedRecord;
import org.qcchain.sdk.audit.SweepRule;
import org.qcchain.sdk.audit.TrailCompleteness;
import org.qcchain.sdk.examples.ExampleArgs.UsageException;
import org.qcchain.sdk.subject.AccessTrailVerifier;
import org.qcchain.sdk.verify.ChainVerifier;
import org.qcchain.sdk.verify.TrustAnchors;

/**
 * An auditor (the audit office, AUDITOR) looks for abnormal flows (异常流转) in a demo node's
 * access trail: it verifies the genesis block (which pins the node certificate), fetches the trail
 * ({@code GET /v1/access-records}), checks every record against its transaction on the ledger, and
 * runs the {@link org.qcchain.sdk.audit.AbnormalFlowDetector} over the verified records. Then it
 * fetches the whole chain, every block and every transaction, and checks with {@link
 * TrailCompleteness} that the listing it reviewed holds every access decision on the verified
 * chain and nothing else ({@code COMPLETE} or {@code INCOMPLETE} with each difference). Findings
 * and differences are the review's result, not a failure: the exit code is 0 with or without
 * them; it is 1 when a record or the chain does not verify.
 *
 * <pre>
 * java -cp client-sdk/target/qcchain-client-sdk-*-examples.jar org.qcchain.sdk.examples.AuditorReview \
 *     --data data/demo --endpoint http://127.0.0.1:8080 [--since 2026-03-02T00:00:00Z] [--burst 20]
 * </pre>
 */
public final class AuditorReview {

    static final String USAGE = """
            AuditorReview [--data DIR] [--endpoint URL] [--since T] [--until T] [--consumer MSP]
                          [--burst N] [--burst-window D] [--denials N] [--sweep N] [--office-hours on|off]
                          [--completeness on|off]
              The audit office (AuditOfficeMSP) fetches a demo node's access trail, verifies every record
              against its transaction on the ledger and reports abnormal flows; then it verifies the
              whole chain and reports whether the trail it was shown holds every decision on it.
              --data DIR          the folder 'qcchain demo' wrote (default data/demo)
              --endpoint URL      the demo node (default http://127.0.0.1:8080)
              --since T           earliest decision time, ISO-8601 (default: the trail's start)
              --until T           latest decision time, exclusive (default: no end)
              --consumer MSP      only this consumer's trail (default: every consumer)
              --burst N           a burst is more than N requests within the burst window (default 100)
              --burst-window D    the burst window, ISO-8601 duration (default PT1M)
              --denials N         at least N denials, more than half the requests, within 1 h (default 10)
              --sweep N           a sweep is more than N distinct subjects within 1 h (default 50)
              --office-hours X    on: Mon-Fri 08:30-18:00 Asia/Shanghai (default); off: not checked
              --completeness X    on: compare the trail with every decision on the chain (default; fetches
                                  every block and transaction); off: not checked""";

    private AuditorReview() {}

    /** @param args see {@code --help} */
    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /**
     * Runs the example without exiting.
     *
     * @param args the command line
     * @param out where to print
     * @return the exit code ({@link ExampleRunner}); 0 whether or not flows were found
     */
    public static int run(String[] args, PrintStream out) {
        return ExampleRunner.run(USAGE, List.of("since", "until", "consumer", "burst", "burst-window", "denials",
                "sweep", "office-hours", "completeness"), args, out, AuditorReview::review);
    }

    private static void review(ExampleArgs options, DemoFolder demo, PrintStream out) throws Exception {
        AbnormalFlowRules rules = rules(options);
        AccessRecordQuery query = query(options);
        boolean completeness = switch (options.text("completeness", "on")) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new UsageException("--completeness must be on or off");
        };
        Identity identity = demo.identity(AuditorTrail.AUDITOR);
        TrustAnchors anchors = demo.trustAnchors();
        QcchainClient client = QcchainClient.builder().endpoint(options.endpoint())
                .identity(AuditorTrail.AUDITOR, identity).trustAnchors(anchors).build();
        out.println("auditor   " + AuditorTrail.AUDITOR + " at " + options.endpoint());
        JsonNode genesis = client.block(0);
        ChainVerifier.create(anchors, identity.suite()).verify(List.of(genesis));
        String nodeCertificate = genesis.path("header").path("genesis").path("nodeCertificate").asText("");
        out.println("genesis   block 0 verified: its node certificate signs every block the trail's evidence is in");
        rules.describe().forEach(rule -> out.println("rule      " + rule));
        AccessTrailAudit audit = AccessTrailAudit.create(client, AccessTrailVerifier.create(anchors, identity.suite()),
                nodeCertificate.isEmpty() ? null : nodeCertificate);
        List<String> listed = new ArrayList<>();
        AuditReport report = audit.review(query, rules, listed::add);
        out.println("VERIFIED  " + report.records() + " access record(s) of " + (query.party() == null
                ? "every consumer" : query.party()) + ", each the record its transaction wrote on the ledger");
        report.findings().forEach(finding -> print(finding, out));
        for (MalformedRecord bad : report.malformed()) {
            out.println("MALFORMED record " + bad.position() + (bad.accessId() == null ? "" : " (access id "
                    + bad.accessId() + ")") + ": " + bad.problem());
        }
        out.println("findings  " + report.findings().size() + summary(report) + "; malformed records "
                + report.malformed().size());
        if (!completeness) {
            return;
        }
        if (nodeCertificate.isEmpty()) {
            out.println("complete? not checked: a Fabric peer keeps validation codes in unsigned block metadata;"
                    + " compare with another organisation's peer");
            return;
        }
        // the listing first, then the chain: every listed record is committed before the chain is fetched
        LedgerCopy copy = LedgerCopy.fetch(client);
        CompletenessReport complete = TrailCompleteness.create(anchors, identity.suite())
                .check(copy.blocks(), copy.transactions(), listed, query);
        print(complete, out);
    }

    private static void print(CompletenessReport report, PrintStream out) {
        String blocks = "blocks " + report.chain().firstBlock() + ".." + report.chain().lastBlock() + " ("
                + report.chain().transactions() + " transactions, last hash " + report.chain().lastHash() + ")";
        if (report.complete()) {
            out.println("COMPLETE  the trail lists all " + report.decisions() + " access decision(s) of the verified "
                    + blocks + " in its scope, and nothing else");
            return;
        }
        out.println("INCOMPLETE the trail does not match the verified " + blocks + ": " + report.decisions()
                + " decision(s) in its scope, " + report.listed() + " listed, " + report.matched() + " matched");
        for (CompletenessFinding finding : report.findings()) {
            out.println("MISMATCH  " + finding.kind() + "  " + (finding.accessId().isEmpty() ? "(no access id)"
                    : finding.accessId()) + (finding.onChain() ? "  block " + finding.blockNumber() + " index "
                    + finding.index() : ""));
            out.println("          " + finding.detail());
        }
    }

    private static void print(Finding finding, PrintStream out) {
        out.println("FINDING   " + finding.kind() + "  " + finding.consumerMspId()
                + (finding.consentId() == null ? "" : "  consent " + finding.consentId()) + "  " + finding.from()
                + " .. " + finding.to());
        out.println("          " + finding.detail());
        finding.accessIds().forEach(id -> out.println("          evidence " + id));
        if (finding.truncated()) {
            out.println("          ... and " + (finding.records() - finding.accessIds().size()) + " more record(s)");
        }
    }

    /** @return e.g. {@code " (BURST 1, MANY_DENIALS 1)"}, empty without findings */
    private static String summary(AuditReport report) {
        Map<FindingKind, Integer> counts = new EnumMap<>(FindingKind.class);
        report.findings().forEach(finding -> counts.merge(finding.kind(), 1, Integer::sum));
        StringJoiner kinds = new StringJoiner(", ", " (", ")").setEmptyValue("");
        counts.forEach((kind, count) -> kinds.add(kind + " " + count));
        return kinds.toString();
    }

    private static AbnormalFlowRules rules(ExampleArgs options) throws UsageException {
        AbnormalFlowRules.Builder rules = AbnormalFlowRules.builder();
        Duration burstWindow = duration(options, "burst-window", Duration.ofMinutes(1));
        try {
            rules.burst((int) options.number("burst", 100, 1, Integer.MAX_VALUE), burstWindow);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--burst-window: " + e.getMessage());
        }
        rules.denials((int) options.number("denials", DenialRule.DEFAULT.minDenials(), 1, Integer.MAX_VALUE),
                DenialRule.DEFAULT.maxRatio(), DenialRule.DEFAULT.window());
        rules.sweep((int) options.number("sweep", SweepRule.DEFAULT.maxSubjects(), 1, Integer.MAX_VALUE),
                SweepRule.DEFAULT.window());
        switch (options.text("office-hours", "on")) {
            case "on" -> { }
            case "off" -> rules.disable(FindingKind.OUTSIDE_OFFICE_HOURS);
            default -> throw new UsageException("--office-hours must be on or off");
        }
        return rules.build();
    }

    private static AccessRecordQuery query(ExampleArgs options) throws UsageException {
        Instant since = instant(options, "since");
        Instant until = instant(options, "until");
        String consumer = options.has("consumer") ? options.text("consumer", null) : null;
        try {
            return new AccessRecordQuery(consumer == null ? "ALL" : "CONSUMER", consumer, since, until, 200);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Instant instant(ExampleArgs options, String name) throws UsageException {
        if (!options.has(name)) {
            return null;
        }
        try {
            return Instant.parse(options.text(name, null));
        } catch (DateTimeException e) {
            throw new UsageException("--" + name + " must be an ISO-8601 instant such as 2026-03-02T00:00:00Z");
        }
    }

    private static Duration duration(ExampleArgs options, String name, Duration fallback) throws UsageException {
        if (!options.has(name)) {
            return fallback;
        }
        try {
            return Duration.parse(options.text(name, null));
        } catch (DateTimeException e) {
            throw new UsageException("--" + name + " must be an ISO-8601 duration such as PT1M");
        }
    }
}
