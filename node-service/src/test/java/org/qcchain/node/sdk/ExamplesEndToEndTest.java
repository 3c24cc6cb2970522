package org.qcchain.node.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.node.demo.DemoPlatform;
import org.qcchain.node.demo.DemoService;
import org.qcchain.node.demo.SyntheticRecords;
import org.qcchain.sdk.examples.AuditorTrail;
import org.qcchain.sdk.examples.BankLoanCheck;
import org.qcchain.sdk.examples.CitizenSafeBox;
import org.qcchain.sdk.examples.InsurerVehicleCheck;

/**
 * The SDK's runnable examples against a real demo node: a demo folder as {@code qcchain demo}
 * writes it, a node on a loopback port (with the platform's services, so the subject routes of the
 * safe-box work too), and each example's {@code run(args, out)} with
 * {@code --data} and {@code --endpoint}, as a user types them. The examples repeat the demo's
 * citizen and consent rules (the SDK cannot depend on node-service); the pseudonym and consent id
 * they print are compared with the demo's, so a drift fails here.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ExamplesEndToEndTest {

    private static final Pattern ACCESS_ID = Pattern.compile("access id ([0-9a-f]{64})");

    @TempDir
    static Path folder;
    static RestartedDemoNode node;

    @BeforeAll
    static void demoNode() throws Exception {
        node = RestartedDemoNode.start(folder);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void the_bank_checks_the_first_consenting_applicant_by_default() {
        Run run = run(BankLoanCheck::run);

        assertThat(run.exit).as(run.output).isZero();
        assertThat(run.output).contains("subject   demo citizen 0, pseudonym " + node.citizen0,
                "consent   " + DemoService.all().get(0).consentId(0), "VERIFIED  node signature",
                "provident.fund.contributions: 1 record(s)", "social.insurance.contributions: 1 record(s)",
                "[anchored by SocialInsuranceMSP", "applicant: social insurance ");
        assertThat(accessIds(run.output)).hasSize(1);
    }

    @Test
    void the_insurer_checks_a_vehicle_and_its_owner_s_traffic_record() {
        Run run = run(InsurerVehicleCheck::run);

        assertThat(run.exit).as(run.output).isZero();
        assertThat(run.output).contains("subject   demo citizen 0, pseudonym " + node.citizen0,
                "consent   " + DemoService.all().get(1).consentId(0), "VERIFIED  node signature",
                "vehicle.registration: 1 record(s)", "traffic.violations: 2 record(s)", "vehicle: 鲁A",
                "owner: 2 violation(s), ");
        assertThat(accessIds(run.output)).hasSize(1);
    }

    @Test
    void the_auditor_verifies_the_chain_and_finds_the_bank_s_access_in_the_subject_s_trail() {
        Run bank = run(BankLoanCheck::run, "--subject-index", "1");
        assertThat(bank.exit).as(bank.output).isZero();
        String accessId = accessIds(bank.output).get(0);

        Run audit = run(AuditorTrail::run, "--subject-index", "1");

        assertThat(audit.exit).as(audit.output).isZero();
        assertThat(audit.output).contains("genesis   block 0 verified", "  blocks 1..25 verified (",
                "VERIFIED  blocks 0..", "trail     of demo citizen 1, pseudonym " + node.citizen1,
                "QiluBankMSP  LOAN_UNDERWRITING  GRANTED", "access id " + accessId, "accesses  1 granted, 0 denied");
    }

    @Test
    void the_auditor_verifies_a_range_that_starts_later() {
        Run audit = run(AuditorTrail::run, "--from", "3", "--to", "7");

        assertThat(audit.exit).as(audit.output).isZero();
        assertThat(audit.output).contains("its link to block 2 is not checked", "  blocks 3..7 verified (",
                "VERIFIED  blocks 3..7");
    }

    @Test
    void the_citizen_app_shows_a_citizen_their_verified_records_consents_and_trail() {
        Run run = run(CitizenSafeBox::run, "--subject-index", "3");

        assertThat(run.exit).as(run.output).isZero();
        assertThat(run.output).contains("subject   pseudonym " + node.citizen3, "VERIFIED  your records",
                "social.insurance.contributions: ", "[from SocialInsuranceMSP]", DemoService.all().get(0).consentId(3),
                "爱山东 Citizen App  SUBJECT_ACCESS  GRANTED",
                "VERIFIED  every access against its transaction on the ledger: 1 granted, 0 denied");
        assertThat(run.output).doesNotContain(SyntheticRecords.residentId(3));
    }

    @Test
    void a_citizen_without_consent_is_denied_with_the_error_code_and_the_access_id() {
        Run run = run(BankLoanCheck::run, "--subject-index", String.valueOf(DemoPlatform.CONSENTING_CITIZENS));

        assertThat(run.exit).as(run.output).isEqualTo(2);
        assertThat(run.output).contains("REFUSED: CONSENT_NOT_FOUND (HTTP 403)", "(the ledger recorded the denial)");
        assertThat(accessIds(run.output)).hasSize(1);
    }

    @Test
    void help_and_usage_errors_do_not_touch_the_node() {
        Run help = run(InsurerVehicleCheck::run, "--help");
        Run typo = run(AuditorTrail::run, "--subjct-index", "1");

        assertThat(help.exit).isZero();
        assertThat(help.output).contains("InsurerVehicleCheck [--data DIR]", "exit codes: 0 verified");
        assertThat(typo.exit).isEqualTo(64);
        assertThat(typo.output).contains("unknown argument '--subjct-index'");
    }

    /** One example's exit code and everything it printed. */
    private record Run(int exit, String output) {}

    private static Run run(BiFunction<String[], PrintStream, Integer> example, String... extra) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("--data", folder.toString(),
                "--endpoint", "http://127.0.0.1:" + node.port()));
        args.addAll(List.of(extra));
        int exit;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            exit = example.apply(args.toArray(String[]::new), out);
        }
        return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    private static List<String> accessIds(String output) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = ACCESS_ID.matcher(output);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }


}
