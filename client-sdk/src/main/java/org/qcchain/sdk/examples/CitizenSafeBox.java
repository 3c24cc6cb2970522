package org.qcchain.sdk.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.qcchain.common.crypto.Identity;
import org.qcchain.sdk.DataRequest;
import org.qcchain.sdk.subject.AccessTrailEntry;
import org.qcchain.sdk.subject.AccessTrailPage;
import org.qcchain.sdk.subject.AccessTrailVerifier;
import org.qcchain.sdk.subject.SafeBoxClient;
import org.qcchain.sdk.subject.SubjectIdentifier;
import org.qcchain.sdk.subject.VerifiedAccess;
import org.qcchain.sdk.verify.TrustAnchors;
import org.qcchain.sdk.verify.VerifiedAnswer;
import org.qcchain.sdk.verify.VerifiedRecord;
import org.qcchain.sdk.verify.Verifier;

/**
 * 数字保险箱, the citizen's digital safe-box: the citizen app (爱山东, an identity provider) shows a
 * citizen their own records held by the source units, their consents, and who used their data —
 * each record and each access checked against the ledger first. Runs against a {@code qcchain
 * demo} node:
 *
 * <pre>
 * java -cp client-sdk/target/qcchain-client-sdk-*-examples.jar org.qcchain.sdk.examples.CitizenSafeBox \
 *     --data data/demo --endpoint http://127.0.0.1:8080 [--subject-index 0]
 * </pre>
 */
public final class CitizenSafeBox {

    static final String APP = "CitizenAppMSP";

    /** The citizen's own records: every field, even those no bank may see. */
    static final Map<String, List<String>> ITEMS = new TreeMap<>(Map.of(
            "social.insurance.contributions", List.of("employer", "monthsPaid", "baseSalary", "status"),
            "provident.fund.contributions", List.of("employer", "monthlyDeposit", "monthsPaid", "status"),
            "realestate.holdings", List.of("district", "area", "use", "mortgaged")));

    static final String USAGE = """
            CitizenSafeBox [--data DIR] [--endpoint URL] [--subject-index N]
              The citizen app (CitizenAppMSP) shows a demo citizen their own records, consents and
              who used their data, each record and access verified against the ledger.
              --data DIR          the folder 'qcchain demo' wrote (default data/demo)
              --endpoint URL      the demo node (default http://127.0.0.1:8080)
              --subject-index N   demo citizen N (default 0)""";

    private CitizenSafeBox() {}

    /** @param args see {@code --help} */
    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /**
     * Runs the example without exiting.
     *
     * @param args the command line
     * @param out where to print
     * @return the exit code ({@link ExampleRunner})
     */
    public static int run(String[] args, PrintStream out) {
        return ExampleRunner.run(USAGE, List.of(DataCheck.SUBJECT_INDEX), args, out, (options, demo, print) -> {
            int citizen = DataCheck.citizen(options);
            Identity app = demo.identity(APP);
            TrustAnchors anchors = demo.trustAnchors();
            SafeBoxClient client = SafeBoxClient.create(options.endpoint(), APP, app,
                    Verifier.builder().trustAnchors(anchors).suite(app.suite()).build());
            // the app knows the citizen from their login; the number travels only in request bodies
            SubjectIdentifier subject = SubjectIdentifier.residentId(DemoFolder.residentId(citizen));
            String pseudonym = demo.pseudonym(citizen, app.suite());
            print.println("数字保险箱: the digital safe-box of demo citizen " + citizen);
            print.println("subject   pseudonym " + pseudonym);

            DataRequest.Builder request = SafeBoxClient.selfAccess(APP, pseudonym, "login-demo-" + citizen);
            ITEMS.forEach((dataset, fields) -> request.item(dataset, fields.toArray(String[]::new)));
            VerifiedAnswer records = client.records(subject, request.build().sign(app));
            printRecords(records, print);

            JsonNode consents = client.consents(subject, 50, null);
            printConsents(consents, print);

            AccessTrailPage trail = client.accessRecords(subject, null, null, 50, null);
            printTrail(trail, AccessTrailVerifier.create(anchors, app.suite()), pseudonym, print);
        });
    }

    private static void printRecords(VerifiedAnswer answer, PrintStream out) {
        out.println("VERIFIED  your records: node signature, your access on the ledger, every disclosure,"
                + " inclusion proof, anchor signature and block evidence");
        out.println("access id " + answer.accessId() + " (your own look is in your trail too)");
        for (Map.Entry<String, List<VerifiedRecord>> dataset : answer.records().entrySet()) {
            out.println(dataset.getKey() + ": " + dataset.getValue().size() + " record(s)");
            for (VerifiedRecord record : dataset.getValue()) {
                StringBuilder line = new StringBuilder("  ");
                record.values().keySet().forEach(field -> line.append(field).append('=')
                        .append(record.text(field)).append("  "));
                out.println(line + "[from " + record.anchor().providerMspId() + "]");
            }
        }
    }

    private static void printConsents(JsonNode page, PrintStream out) {
        out.println("consents  " + page.path("records").size());
        for (JsonNode view : page.path("records")) {
            JsonNode terms = view.path("consent").path("terms");
            out.println("  " + terms.path("consentId").asText() + "  to " + terms.path("consumerMspId").asText()
                    + " for " + terms.path("purpose").asText() + "  " + view.path("consent").path("status").asText()
                    + (view.path("inForce").asBoolean() ? ", in force" : "") + ", used "
                    + view.path("usage").path("uses").asLong() + " time(s)");
        }
    }

    private static void printTrail(AccessTrailPage trail, AccessTrailVerifier verifier, String pseudonym,
            PrintStream out) throws Exception {
        out.println("who used your data: " + trail.entries().size() + " access(es)");
        int granted = 0;
        for (AccessTrailEntry entry : trail.entries()) {
            VerifiedAccess access = verifier.verify(entry, pseudonym, trail.nodeCertificate());
            granted += access.granted() ? 1 : 0;
            out.println("  " + access.decidedAt() + "  " + entry.consumerName() + "  " + access.purpose() + "  "
                    + (access.granted() ? "GRANTED" : "DENIED " + access.reasonCode()) + "  " + access.datasets()
                    + "  [block " + access.position().blockNumber() + "]");
        }
        out.println("VERIFIED  every access against its transaction on the ledger: " + granted + " granted, "
                + (trail.entries().size() - granted) + " denied");
    }
}
