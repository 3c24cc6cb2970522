package org.qcchain.node.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.node.demo.DemoOrganisation;
import org.qcchain.node.demo.DemoPki;
import org.qcchain.node.demo.DemoPlatform;
import org.qcchain.node.demo.DemoService;
import org.qcchain.node.http.DemoNodes;
import org.qcchain.node.http.NodeServer;
import org.qcchain.sdk.AccessRecordQuery;
import org.qcchain.sdk.QcchainClient;
import org.qcchain.sdk.audit.AbnormalFlowRules;
import org.qcchain.sdk.audit.AccessTrailAudit;
import org.qcchain.sdk.audit.AuditReport;
import org.qcchain.sdk.audit.Finding;
import org.qcchain.sdk.audit.FindingKind;
import org.qcchain.sdk.examples.AuditorReview;
import org.qcchain.sdk.subject.AccessTrailVerifier;
import org.qcchain.sdk.verify.ChainVerifier;
import org.qcchain.sdk.verify.TrustAnchors;

/**
 * Abnormal flows found by the audit office on a real node: a demo ledger in a temporary folder,
 * the Bureau's node on a loopback port, a bank that is denied six times and then asks twelve
 * times in a few seconds, an insurer that asks twice. The auditor fetches the trail through the
 * SDK, verifies every record against its transaction and runs the detector. The rules do not
 * depend on when the test runs: office hours are off, and the windows are minutes long while the
 * requests take seconds.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AbnormalFlowsEndToEndTest {

    static final DemoService LOAN = DemoService.all().get(0);
    static final DemoService MOTOR = DemoService.all().get(1);
    static final CryptoSuite SUITE = CryptoSuite.P256_SHA256;

    /** More than 10 requests within 10 minutes; at least 5 denials, more than half, within an hour. */
    static final AbnormalFlowRules RULES = AbnormalFlowRules.builder()
            .burst(10, Duration.ofMinutes(10))
            .denials(5, 0.5, Duration.ofHours(1))
            .disable(FindingKind.OUTSIDE_OFFICE_HOURS)
            .build();

    @TempDir
    static Path folder;
    static DemoPlatform demo;
    static Vertx vertx;
    static NodeServer node;
    static DemoCallers callers;
    static final List<String> bankDenials = new ArrayList<>();
    static final List<String> bankAccesses = new ArrayList<>();

    @BeforeAll
    static void a_bank_is_denied_then_bursts_while_an_insurer_asks_twice() throws Exception {
        demo = DemoPlatform.create(folder, 70, 7L, new PrintStream(OutputStream.nullOutputStream()));
        vertx = Vertx.vertx();
        node = DemoNodes.start(vertx, folder, demo, demo.pki().node());
        callers = new DemoCallers(folder, demo, node.port());
        QcchainClient bank = callers.client(DemoOrganisation.BANK);
        for (int citizen = 0; citizen < 6; citizen++) {
            bankDenials.add(callers.deniedAccess(bank, citizen));
        }
        bankAccesses.addAll(bankDenials);
        for (int i = 0; i < 12; i++) {
            bankAccesses.add(bank.requestData(callers.request(LOAN, i % 6).build()
                    .sign(DemoPki.readClient(folder, DemoOrganisation.BANK).identity())).accessId());
        }
        QcchainClient insurer = callers.client(DemoOrganisation.MOTOR_INSURER);
        for (int citizen = 0; citizen < 2; citizen++) {
            insurer.requestData(callers.request(MOTOR, citizen).build()
                    .sign(DemoPki.readClient(folder, DemoOrganisation.MOTOR_INSURER).identity()));
        }
    }

    @AfterAll
    static void stop() {
        RestartedDemoNode.await(vertx.close());
        demo.close();
    }

    @Test
    void the_audit_office_finds_the_bank_s_burst_and_denials_in_the_verified_trail_and_nothing_of_the_insurer()
            throws Exception {
        QcchainClient auditor = callers.client(DemoOrganisation.AUDIT_OFFICE);
        TrustAnchors anchors = PublishedTrustAnchors.of(folder);
        JsonNode genesis = auditor.block(0);
        ChainVerifier.create(anchors, SUITE).verify(List.of(genesis));
        AccessTrailAudit audit = AccessTrailAudit.create(auditor, AccessTrailVerifier.create(anchors, SUITE),
                genesis.path("header").path("genesis").path("nodeCertificate").asText());

        AuditReport report = audit.review(AccessRecordQuery.all(), RULES);

        assertThat(report.records()).isEqualTo(20);
        assertThat(report.malformed()).isEmpty();
        assertThat(report.findings()).extracting(Finding::kind, Finding::consumerMspId).containsExactly(
                tuple(FindingKind.BURST, DemoOrganisation.BANK),
                tuple(FindingKind.MANY_DENIALS, DemoOrganisation.BANK));
        Finding burst = report.findings(FindingKind.BURST).get(0);
        assertThat(burst.measure()).isEqualTo(18);
        assertThat(burst.threshold()).isEqualTo(10);
        assertThat(burst.accessIds()).containsExactlyInAnyOrderElementsOf(bankAccesses);
        Finding denials = report.findings(FindingKind.MANY_DENIALS).get(0);
        assertThat(denials.measure()).isEqualTo(6);
        assertThat(denials.accessIds()).containsExactlyInAnyOrderElementsOf(bankDenials);
        assertThat(denials.detail()).startsWith("up to 6 of 6 requests denied (100.0%)");
        assertThat(report.findingsOf(DemoOrganisation.MOTOR_INSURER)).isEmpty();
    }

    @Test
    void the_auditor_review_example_prints_the_findings_of_the_verified_trail() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            exit = AuditorReview.run(new String[] {"--data", folder.toString(), "--endpoint", callers.endpoint().toString(),
                "--burst", "10", "--burst-window", "PT10M", "--denials", "5", "--office-hours", "off"}, out);
        }
        String output = bytes.toString(StandardCharsets.UTF_8);

        assertThat(exit).as(output).isZero();
        assertThat(output).contains("genesis   block 0 verified",
                "rule      BURST: more than 10 requests within 10 min",
                "VERIFIED  20 access record(s) of every consumer, each the record its transaction wrote on the ledger",
                "FINDING   BURST  " + DemoOrganisation.BANK, "FINDING   MANY_DENIALS  " + DemoOrganisation.BANK,
                "evidence " + bankDenials.get(0), "findings  2 (BURST 1, MANY_DENIALS 1); malformed records 0");
        assertThat(output).doesNotContain("FINDING   BURST  " + DemoOrganisation.MOTOR_INSURER, "OUTSIDE_OFFICE_HOURS");
    }
}
