package org.qcchain.sdk.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.sdk.AccessRecordPage;
import org.qcchain.sdk.AccessRecordQuery;
import org.qcchain.sdk.QcchainApiException;
import org.qcchain.sdk.QcchainClient;
import org.qcchain.sdk.verify.ChainReport;
import org.qcchain.sdk.verify.ChainVerificationException;
import org.qcchain.sdk.verify.ChainVerifier;
import org.qcchain.sdk.verify.TrustAnchors;

/**
 * An auditor (the audit office, AUDITOR) verifies a range of the chain as the node serves it
 * ({@code GET /v1/blocks/{n}}: hash links, node signatures, transactions roots) and lists who
 * accessed one subject's data, granted or denied ({@code GET /v1/access-records?scope=SUBJECT}).
 * Runs against a {@code qcchain demo} node:
 *
 * <pre>
 * java -cp client-sdk/target/qcchain-client-sdk-*-examples.jar org.qcchain.sdk.examples.AuditorTrail \
 *     --data data/demo --endpoint http://127.0.0.1:8080 [--from 0] [--to N] [--subject-index 0]
 * </pre>
 */
public final class AuditorTrail {

    static final String AUDITOR = "AuditOfficeMSP";

    /** Blocks fetched and verified at a time: bounds memory and paces the progress lines. */
    static final int STRETCH = 25;

    static final String USAGE = """
            AuditorTrail [--data DIR] [--endpoint URL] [--from A] [--to B] [--subject-index N]
              The audit office (AuditOfficeMSP) verifies blocks A..B of a demo node's chain and lists
              every access to a demo citizen's data, granted or denied.
              --data DIR          the folder 'qcchain demo' wrote (default data/demo)
              --endpoint URL      the demo node (default http://127.0.0.1:8080)
              --from A            the first block (default 0: the chain from its genesis)
              --to B              the last block (default: the last block the node has)
            """ + DataCheck.SUBJECT_HELP;

    private AuditorTrail() {}

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
        return ExampleRunner.run(USAGE, List.of("from", "to", DataCheck.SUBJECT_INDEX), args, out,
                AuditorTrail::audit);
    }

    private static void audit(ExampleArgs options, DemoFolder demo, PrintStream out) throws Exception {
        long from = options.number("from", 0, 0, Long.MAX_VALUE);
        long to = options.number("to", Long.MAX_VALUE, from, Long.MAX_VALUE);
        int citizen = DataCheck.citizen(options);
        Identity identity = demo.identity(AUDITOR);
        TrustAnchors anchors = demo.trustAnchors();
        QcchainClient client = QcchainClient.builder().endpoint(options.endpoint()).identity(AUDITOR, identity)
                .trustAnchors(anchors).build();
        out.println("auditor   " + AUDITOR + " at " + options.endpoint());
        verifyChain(client, ChainVerifier.create(anchors, identity.suite()), from, to, out);
        listAccesses(client, citizen, demo.pseudonym(citizen, identity.suite()), out);
    }

    /**
     * Verifies blocks {@code from..to} stretch by stretch, each continuing the last one's hash.
     * Block 0 is always verified first: its genesis pins the node certificate, which must be
     * issued by a trusted node CA, and every later block must be signed with it.
     */
    private static void verifyChain(QcchainClient client, ChainVerifier chain, long from, long to,
            PrintStream out) throws QcchainApiException, IOException, ChainVerificationException {
        JsonNode genesis = client.block(0);
        String nodeCertificate = genesis.path("header").path("genesis").path("nodeCertificate").asText("");
        ChainReport report = verify(chain, List.of(genesis), null, null);
        out.println("genesis   block 0 verified: node certificate issued by a trusted node CA, hash "
                + report.lastHash());
        // a range that starts later links to a block outside it; only block 1 links to one we checked
        String previousHash = from <= 1 ? report.lastHash() : null;
        if (from > 1) {
            out.println("range     starts at block " + from + ": its link to block " + (from - 1)
                    + " is not checked (start at 0 to check every link)");
        }
        long transactions = from == 0 ? report.transactions() : 0;
        long last = from == 0 ? 0 : -1;
        boolean end = to == 0;
        while (!end) {
            long next = Math.max(from, last + 1);
            List<JsonNode> stretch = new ArrayList<>();
            JsonNode block;
            while (stretch.size() < STRETCH && next + stretch.size() <= to
                    && (block = fetch(client, next + stretch.size(), to)) != null) {
                stretch.add(block);
            }
            end = stretch.size() < STRETCH || next + stretch.size() > to;
            if (stretch.isEmpty()) {
                break;
            }
            report = verify(chain, stretch, previousHash, nodeCertificate);
            out.println("  blocks " + report.firstBlock() + ".." + report.lastBlock() + " verified ("
                    + report.transactions() + " transactions)");
            previousHash = report.lastHash();
            transactions += report.transactions();
            last = report.lastBlock();
        }
        if (last < from) {
            throw new QcchainApiException(ErrorCode.BLOCK_NOT_FOUND, 404, "the node has no block " + from, null);
        }
        out.println("VERIFIED  blocks " + from + ".." + last + ": hash links, node signatures, transactions roots ("
                + transactions + " transactions); last hash " + previousHash);
    }

    /** One stretch: links, node signatures and transaction roots, by {@link ChainVerifier}. */
    private static ChainReport verify(ChainVerifier chain, List<JsonNode> blocks, String previousHash,
            String nodeCertificate) throws ChainVerificationException {
        return nodeCertificate == null ? chain.verify(blocks) : chain.verify(blocks, previousHash, nodeCertificate);
    }

    /** A block, or {@code null} past the node's last block when no end was asked for. */
    private static JsonNode fetch(QcchainClient client, long number, long to) throws QcchainApiException, IOException {
        try {
            return client.block(number);
        } catch (QcchainApiException e) {
            if (e.getErrorCode() == ErrorCode.BLOCK_NOT_FOUND && to == Long.MAX_VALUE) {
                return null;
            }
            throw e;
        }
    }

    /** Every access record of the subject, page by page, oldest first. */
    private static void listAccesses(QcchainClient client, int citizen, String subject, PrintStream out)
            throws QcchainApiException, IOException {
        out.println("trail     of demo citizen " + citizen + ", pseudonym " + subject);
        int granted = 0;
        int denied = 0;
        String bookmark = "";
        do {
            AccessRecordPage page = client.accessRecords(AccessRecordQuery.subject(subject), bookmark);
            for (JsonNode record : page.records()) {
                boolean grant = "GRANTED".equals(record.path("decision").asText());
                granted += grant ? 1 : 0;
                denied += grant ? 0 : 1;
                List<String> datasets = new ArrayList<>();
                record.path("items").forEach(item -> datasets.add(item.path("datasetId").asText()));
                out.println("  " + record.path("decidedAt").asText() + "  " + record.path("consumerMspId").asText()
                        + "  " + record.path("purpose").asText() + "  " + record.path("decision").asText()
                        + (grant ? "" : " " + record.path("reasonCode").asText()) + "  " + datasets
                        + "\n    access id " + record.path("accessId").asText());
            }
            bookmark = page.bookmark();
        } while (!bookmark.isEmpty());
        out.println("accesses  " + granted + " granted, " + denied + " denied");
    }
}
