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
import org.qcchain.sdk.audit.CompletenessFinding;
import org.qcchain.sdk.audit.CompletenessKind;
import org.qcchain.sdk.audit.CompletenessReport;
import org.qcchain.sdk.audit.LedgerCopy;
import org.qcchain.sdk.audit.TrailCompleteness;
import org.qcchain.sdk.examples.AuditorReview;
import org.qcchain.sdk.subject.AccessTrailVerifier;
import org.qcchain.sdk.verify.ChainVerifier;
import org.qcchain.sdk.verify.TrustAnchors;

/**
 * The audit office checks on a real node that the listing of the access trail is complete: a demo
 * ledger in a temporary folder, the Bureau's node on a loopback port, a bank granted three times and
 * denied twice, an insurer granted once. The auditor reviews the listing, fetches and verifies the
 * whole chain with every transaction, and compares; then it plays an operator that hides a record
 * or slips in a made-up id, and both are named precisely.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TrailCompletenessEndToEndTest {

    static final DemoService LOAN = DemoService.all().get(0);
    static final DemoService MOTOR = DemoService.all().get(1);
    static final CryptoSuite SUITE = CryptoSuite.P256_SHA256;

    @TempDir
    static Path folder;
    static DemoPlatform demo;
    static Vertx vertx;
    static NodeServer node;
    static DemoCallers callers;
    static final List<String> granted = new ArrayList<>();
    static final List<String> denied = new ArrayList<>();
    static String insurerAccess;

    @BeforeAll
    static void a_bank_is_granted_and_denied_and_an_insurer_granted() throws Exception {
        demo = DemoPlatform.create(folder, 70, 7L, new PrintStream(OutputStream.nullOutputStream()));
        vertx = Vertx.vertx();
        node = DemoNodes.start(vertx, folder, demo, demo.pki().node());
        callers = new DemoCallers(folder, demo, node.port());
        QcchainClient bank = callers.client(DemoOrganisation.BANK);
        for (int citizen = 0; citizen < 3; citizen++) {
            granted.add(bank.requestData(callers.request(LOAN, citizen).build()
                    .sign(DemoPki.readClient(folder, DemoOrganisation.BANK).identity())).accessId());
        }
        for (int citizen = 3; citizen < 5; citizen++) {
            denied.add(callers.deniedAccess(bank, citizen));
        }
        insurerAccess = callers.client(DemoOrganisation.MOTOR_INSURER).requestData(callers.request(MOTOR, 0).build()
                .sign(DemoPki.readClient(folder, DemoOrganisation.MOTOR_INSURER).identity())).accessId();
    }

    @AfterAll
    static void stop() {
        RestartedDemoNode.await(vertx.close());
        demo.close();
    }

    @Test
    void the_verified_listing_holds_every_decision_of_the_verified_chain() throws Exception {
        List<String> listed = reviewedListing(AccessRecordQuery.all());

        CompletenessReport report = check(listed, AccessRecordQuery.all());

        assertThat(listed).containsExactlyInAnyOrderElementsOf(all());
        assertThat(report.complete()).as("%s", report.findings()).isTrue();
        assertThat(report.decisions()).isEqualTo(6);
        assertThat(report.matched()).isEqualTo(6);
        assertThat(report.chain().firstBlock()).isZero();
        assertThat(report.chain().transactions()).isGreaterThan(6);
    }

    @Test
    void a_record_hidden_from_the_listing_and_a_made_up_id_are_named_precisely() throws Exception {
        List<String> listed = reviewedListing(AccessRecordQuery.all());
        String hidden = denied.get(1);
        String madeUp = "0f".repeat(32);
        listed.remove(hidden);
        listed.add(madeUp);
        JsonNode hiddenTx = callers.client(DemoOrganisation.AUDIT_OFFICE).transaction(hidden);

        CompletenessReport report = check(listed, AccessRecordQuery.all());

        assertThat(report.complete()).isFalse();
        assertThat(report.decisions()).isEqualTo(6);
        assertThat(report.listed()).isEqualTo(6);
        assertThat(report.matched()).isEqualTo(5);
        assertThat(report.findings()).extracting(CompletenessFinding::kind, CompletenessFinding::accessId,
                CompletenessFinding::blockNumber, CompletenessFinding::index).containsExactly(
                tuple(CompletenessKind.UNLISTED_DECISION, hidden, hiddenTx.get("blockNumber").asLong(),
                        hiddenTx.get("index").asInt()),
                tuple(CompletenessKind.LISTED_WITHOUT_DECISION, madeUp, -1L, -1));
        assertThat(report.findings().get(0).detail()).startsWith("the decision of " + DemoOrganisation.BANK + " at ");
        assertThat(report.findings().get(1).detail()).startsWith("no transaction of blocks 0..");
    }

    @Test
    void one_consumer_s_listing_is_compared_with_that_consumer_s_decisions() throws Exception {
        AccessRecordQuery insurer = new AccessRecordQuery("CONSUMER", DemoOrganisation.MOTOR_INSURER, null, null, 200);
        List<String> listed = reviewedListing(insurer);

        CompletenessReport complete = check(listed, insurer);
        CompletenessReport withBank = check(List.of(insurerAccess, granted.get(0)), insurer);

        assertThat(listed).containsExactly(insurerAccess);
        assertThat(complete.complete()).isTrue();
        assertThat(complete.decisions()).isEqualTo(1);
        assertThat(withBank.findings()).extracting(CompletenessFinding::kind, CompletenessFinding::accessId)
                .containsExactly(tuple(CompletenessKind.LISTED_WITHOUT_DECISION, granted.get(0)));
        assertThat(withBank.findings().get(0).detail()).endsWith("is outside the listing's scope");
    }

    @Test
    void the_auditor_review_example_says_the_listing_is_complete() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            exit = AuditorReview.run(new String[] {"--data", folder.toString(), "--endpoint", callers.endpoint().toString(),
                "--office-hours", "off"}, out);
        }
        String output = bytes.toString(StandardCharsets.UTF_8);

        assertThat(exit).as(output).isZero();
        assertThat(output).contains("VERIFIED  6 access record(s) of every consumer",
                "COMPLETE  the trail lists all 6 access decision(s) of the verified blocks 0..");
        assertThat(output).doesNotContain("INCOMPLETE", "MISMATCH");
    }

    /** The listing as the auditor reviewed it: each record verified against its transaction. */
    private static List<String> reviewedListing(AccessRecordQuery query) throws Exception {
        QcchainClient auditor = callers.client(DemoOrganisation.AUDIT_OFFICE);
        TrustAnchors anchors = PublishedTrustAnchors.of(folder);
        JsonNode genesis = auditor.block(0);
        ChainVerifier.create(anchors, SUITE).verify(List.of(genesis));
        AccessTrailAudit audit = AccessTrailAudit.create(auditor, AccessTrailVerifier.create(anchors, SUITE),
                genesis.path("header").path("genesis").path("nodeCertificate").asText());
        List<String> listed = new ArrayList<>();
        audit.review(query, AbnormalFlowRules.defaults(), listed::add);
        return listed;
    }

    /** Fetches the whole chain after the listing, verifies it and compares. */
    private static CompletenessReport check(List<String> listed, AccessRecordQuery query) throws Exception {
        LedgerCopy copy = LedgerCopy.fetch(callers.client(DemoOrganisation.AUDIT_OFFICE));
        return TrailCompleteness.create(PublishedTrustAnchors.of(folder), SUITE)
                .check(copy.blocks(), copy.transactions(), listed, query);
    }

    private static List<String> all() {
        List<String> all = new ArrayList<>(granted);
        all.addAll(denied);
        all.add(insurerAccess);
        return all;
    }
}
