package org.qcchain.sdk.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.qcchain.common.crypto.Identity;
import org.qcchain.sdk.DataRequest;
import org.qcchain.sdk.QcchainApiException;
import org.qcchain.sdk.QcchainClient;
import org.qcchain.sdk.examples.ExampleArgs.UsageException;
import org.qcchain.sdk.verify.VerificationException;
import org.qcchain.sdk.verify.VerifiedAnswer;
import org.qcchain.sdk.verify.VerifiedRecord;

/**
 * What the bank's and the insurer's examples share: one consented data request of a demo citizen,
 * sent with the consumer's own identity, verified by {@link QcchainClient#requestData} before
 * anything is printed, and the verified values printed with where the ledger vouches for them.
 *
 * @param consumerMspId the bank or insurer
 * @param purpose the purpose its consents name
 * @param items per dataset, the fields asked for
 */
record DataCheck(String consumerMspId, String purpose, Map<String, List<String>> items) {

    /** The option that picks the demo citizen. */
    static final String SUBJECT_INDEX = "subject-index";

    /** Help text of {@link #SUBJECT_INDEX}. */
    static final String SUBJECT_HELP = "  --subject-index N   demo citizen N (default 0); citizens 0-"
            + (DemoFolder.CONSENTING_CITIZENS - 1) + " consented, any other is denied";

    /** Asks in dataset-id order, as the demo's services do, so that the output is stable. */
    DataCheck {
        items = Collections.unmodifiableSortedMap(new TreeMap<>(items));
    }

    /**
     * The demo citizen {@code --subject-index} picks: by default the first who consented.
     *
     * @param args the example's arguments
     * @return the citizen's index
     * @throws UsageException if it is out of range
     */
    static int citizen(ExampleArgs args) throws UsageException {
        return (int) args.number(SUBJECT_INDEX, 0, 0, DemoFolder.CITIZENS - 1);
    }

    /**
     * Signs and sends the request, verifies and prints the answer.
     *
     * @param args the example's arguments ({@code --subject-index})
     * @param demo the demo folder
     * @param out where to print
     * @return the verified answer
     * @throws QcchainApiException if the node refused or the ledger denied the request
     * @throws VerificationException if the answer does not verify
     * @throws IOException if the node or the folder cannot be read
     * @throws UsageException if the subject index is out of range
     */
    VerifiedAnswer run(ExampleArgs args, DemoFolder demo, PrintStream out)
            throws QcchainApiException, VerificationException, IOException, UsageException {
        int citizen = citizen(args);
        Identity identity = demo.identity(consumerMspId);
        String subject = demo.pseudonym(citizen, identity.suite());
        String consentId = DemoFolder.consentId(purpose, citizen);
        QcchainClient client = QcchainClient.builder().endpoint(args.endpoint()).identity(consumerMspId, identity)
                .trustAnchors(demo.trustAnchors()).build();

        DataRequest.Builder request = DataRequest.builder().consumer(consumerMspId).subject(subject)
                .consent(consentId).purpose(purpose);
        items.forEach((dataset, fields) -> request.item(dataset, fields.toArray(String[]::new)));
        out.println("consumer  " + consumerMspId + " (" + identity.suite() + "), purpose " + purpose);
        out.println("subject   demo citizen " + citizen + ", pseudonym " + subject);
        out.println("consent   " + consentId);
        out.println("asking    " + args.endpoint() + " for " + items);

        // the request is signed with the consumer's key: the ledger keeps that signature as the
        // proof of who asked, whatever node carried the request
        VerifiedAnswer answer = client.requestData(request.build().sign(identity));
        print(answer, out);
        return answer;
    }

    private static void print(VerifiedAnswer answer, PrintStream out) {
        out.println("VERIFIED  node signature, request hash, grant on the ledger, every disclosure, inclusion"
                + " proof, anchor signature and block evidence");
        out.println("access id " + answer.accessId() + " (block " + answer.accessPosition().blockNumber()
                + ", transaction " + answer.accessPosition().index() + ")");
        out.println("keep until " + answer.retainUntil().map(Object::toString).orElse("no limit")
                + " (the consent's data life: delete the values then)");
        for (Map.Entry<String, List<VerifiedRecord>> dataset : answer.records().entrySet()) {
            out.println(dataset.getKey() + ": " + dataset.getValue().size() + " record(s)");
            for (VerifiedRecord record : dataset.getValue()) {
                StringBuilder line = new StringBuilder("  ");
                record.values().keySet().forEach(field -> line.append(field).append('=')
                        .append(record.text(field)).append("  "));
                out.println(line + "[anchored by " + record.anchor().providerMspId() + ", batch "
                        + record.anchor().batchId() + ", block " + record.anchor().position().blockNumber() + "]");
            }
        }
    }
}
