package org.qcchain.node.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.qcchain.chaincode.model.AccessRequest;
import org.qcchain.chaincode.model.RequestedItem;
import org.qcchain.chaincode.model.SignedAccessRequest;
import org.qcchain.common.answer.AnswerItem;
import org.qcchain.common.answer.DataAnswer;
import org.qcchain.common.answer.RecordEvidence;
import org.qcchain.common.json.Json;
import org.qcchain.node.ledger.LedgerIdentity;

/**
 * Sends the demo's ready bank request to a running demo node, checks the answer ({@link
 * AnswerCheck}) and prints what the bank learnt:
 *
 * <pre>
 * java -cp node-service/target/qcchain-node-service-*-all.jar org.qcchain.node.demo.TryRequest \
 *     --data ./data/demo [--url http://127.0.0.1:8080] [--save answer.json]
 * </pre>
 *
 * <p>The access request is signed by the bank and sent without signature headers: that one signature
 * authenticates the call to the node and is what the chaincode checks and the ledger keeps
 * (docs/api.md, "A data request signs itself").
 */
public final class TryRequest {

    /** The file in the data folder that describes the ready request. */
    public static final String EXAMPLE_FILE = "try.json";

    private static final String USAGE = """
            Usage: TryRequest [--data DIR] [--url URL] [--save FILE]

            Sends the demo's ready bank request (DIR/try.json, default ./data/demo) to the demo node
            at URL (default http://127.0.0.1:8080), checks the answer and prints what the bank learnt;
            --save writes the answer as received to FILE.""";

    private TryRequest() {}

    /**
     * Runs it.
     *
     * @param args {@code --data DIR} (default {@code ./data/demo}), {@code --url URL}, {@code --save
     *     FILE} (the answer as received), {@code --help}
     * @throws Exception on any failure, which ends the program
     */
    public static void main(String[] args) throws Exception {
        Path data = Path.of("data", "demo");
        String url = "http://127.0.0.1:8080";
        Path save = null;
        for (int i = 0; i < args.length; i += 2) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                System.out.println(USAGE);
                return;
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value\n" + USAGE);
            }
            switch (args[i]) {
                case "--data" -> data = Path.of(args[i + 1]);
                case "--url" -> url = args[i + 1];
                case "--save" -> save = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        JsonNode example = Json.tree(Files.readString(data.resolve(EXAMPLE_FILE)));
        LedgerIdentity bank = DemoPki.readClient(data, example.path("consumerMspId").asText());
        List<RequestedItem> items = Json.mapper().convertValue(example.path("items"),
                new TypeReference<List<RequestedItem>>() {});
        String body = signedRequest(bank, example.path("subject").asText(), example.path("consentId").asText(),
                example.path("purpose").asText(), items);
        System.out.println("POST " + url + "/v1/data-requests as " + bank.mspId() + " ("
                + example.path("service").asText() + ")");
        HttpResponse<String> response = send(url, body);
        System.out.println("HTTP " + response.statusCode());
        if (response.statusCode() != 200) {
            System.out.println(response.body());
            System.exit(1);
        }
        if (save != null) {
            Files.writeString(save, response.body());
        }
        DataAnswer answer = DataAnswer.fromJson(response.body());
        AnswerCheck.verify(answer);
        print(answer);
        System.out.println("answer: " + response.body().getBytes(StandardCharsets.UTF_8).length + " bytes"
                + (save == null ? "" : ", saved to " + save));
    }

    /**
     * A consumer's signed access request, as JSON: the body of {@code POST /v1/data-requests}.
     *
     * @param consumer the consumer's identity
     * @param subject the subject's pseudonym
     * @param consentId the consent
     * @param purpose the purpose
     * @param items the datasets and fields
     * @return the JSON text
     */
    public static String signedRequest(LedgerIdentity consumer, String subject, String consentId, String purpose,
            List<RequestedItem> items) {
        AccessRequest request = new AccessRequest(consumer.mspId(), subject, consentId, purpose, items, null,
                Instant.now().toString(), "n-" + UUID.randomUUID());
        String signature = Base64.getEncoder().encodeToString(
                consumer.identity().sign(Json.canonicalBytes(request)));
        return Json.write(new SignedAccessRequest(request, consumer.identity().certificatePem(), signature));
    }

    private static HttpResponse<String> send(String url, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/v1/data-requests"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        // no signature headers: the data request's own signature authenticates the call
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void print(DataAnswer answer) {
        System.out.println("answer verified: node signature, request hash, access record on the ledger,");
        System.out.println("  every disclosure, inclusion proof, anchor signature and block signature");
        System.out.println("access " + answer.access().record().path("accessId").asText() + ": "
                + answer.access().record().path("decision").asText() + ", uses left "
                + answer.access().record().path("usesRemaining").asText());
        for (AnswerItem item : answer.items()) {
            System.out.println(item.datasetId() + ": " + item.records().size() + " record(s)");
            for (RecordEvidence record : item.records()) {
                System.out.println("  " + record.disclosure().disclosedValues() + "  (batch "
                        + record.anchor().path("statement").path("batchId").asText() + ", leaf "
                        + record.inclusionProof().leafIndex() + " of " + record.inclusionProof().treeSize() + ")");
            }
        }
    }
}
