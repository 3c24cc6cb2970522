package org.qcchain.sdk.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.qcchain.common.crypto.Identity;
import org.qcchain.sdk.AccessRecordPage;
import org.qcchain.sdk.AccessRecordQuery;
import org.qcchain.sdk.QcchainClient;
import org.qcchain.sdk.verify.ChainReport;
import org.qcchain.sdk.verify.ChainVerifier;
import org.qcchain.sdk.verify.TrustAnchors;

/**
 * An auditor verifies blocks 0..N of the chain (hash links, node signatures, transaction roots) and
 * lists who accessed one subject's data, granted or denied.
 */
public final class AuditorTrail {

    private AuditorTrail() {}

    /** @param args see {@code --help} */
    public static void main(String[] args) throws Exception {
        ExampleSupport support = new ExampleSupport(args, "AuditorTrail --endpoint URL --data DIR --blocks N"
                + " [--subject-id RESIDENT_ID] [--auditor AuditMSP]\n  verifies blocks 0..N and lists the access"
                + " records of the subject");
        String auditor = support.options.getOrDefault("auditor", "AuditMSP");
        Identity identity = support.identity(auditor);
        QcchainClient client = support.client(auditor, identity);

        List<JsonNode> blocks = new ArrayList<>();
        long last = Long.parseLong(support.require("blocks"));
        for (long n = 0; n <= last; n++) {
            blocks.add(client.block(n));
            if (n % 100 == 0) {
                System.err.println("fetched block " + n);
            }
        }
        ChainVerifier chain = ChainVerifier.create(TrustAnchors.fromFolder(support.data().resolve("trust")),
                identity.suite());
        ChainReport report = chain.verify(blocks);   // names the first bad block
        System.out.println("blocks 0.." + report.lastBlock() + " verify; last hash " + report.lastHash());

        if (support.options.containsKey("subject-id")) {
            String subject = support.pseudonyms(identity.suite()).pseudonym("RESIDENT_ID",
                    support.options.get("subject-id"));
            String bookmark = "";
            do {
                AccessRecordPage page = client.accessRecords(AccessRecordQuery.subject(subject), bookmark);
                page.records().forEach(r -> System.out.println(r.path("decidedAt").asText() + " "
                        + r.path("consumerMspId").asText() + " " + r.path("purpose").asText() + " "
                        + r.path("decision").asText() + " " + r.path("reasonCode").asText("")));
                bookmark = page.bookmark();
            } while (!bookmark.isEmpty());
        }
    }
}
