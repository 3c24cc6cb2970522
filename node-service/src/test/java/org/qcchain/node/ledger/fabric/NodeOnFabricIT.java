package org.qcchain.node.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.protos.common.Block;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.common.auth.RequestSigner;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.node.config.NodeConfig;
import org.qcchain.node.http.NodeServer;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.node.platform.NodePlatform;
import org.qcchain.node.store.BatchAnchorer;
import org.qcchain.node.store.NdjsonSource;
import org.qcchain.node.store.RecordImporter;
import org.qcchain.sdk.AccessRecordQuery;
import org.qcchain.sdk.DataRequest;
import org.qcchain.sdk.QcchainApiException;
import org.qcchain.sdk.QcchainClient;
import org.qcchain.sdk.SignedDataRequest;
import org.qcchain.sdk.verify.TrustAnchors;

/**
 * The node on a real Fabric network: {@code network.sh up} and {@code deploy} from the binaries in
 * {@code FABRIC_BIN}, then a node service (loopback, port 0) on the Fabric backend as the Bureau's
 * node. The platform is set up through the node's backend, each step as the member the chaincode
 * needs (the Bureau registers the members, the social-insurance provider publishes a dataset,
 * imports records and anchors them, and approves the bank's agreement, the citizen app records a
 * consent); then over HTTP with signed requests the bank's request is granted with Fabric evidence,
 * a request for an uncovered field is denied and recorded, and the audit office lists both.
 * Skipped when {@code FABRIC_BIN} is not set.
 *
 * <p>The steps build on each other and run in order on one network.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class NodeOnFabricIT {

    private static final String DATASET = "social.insurance.contributions";
    private static final String AGREEMENT = "agr-bank-si-1";
    private static final String CONSENT = "consent-0001";
    private static final String PURPOSE = "LOAN_UNDERWRITING";
    private static final String RESIDENT = "370102199001011234";

    @TempDir
    static Path work;
    @TempDir
    static Path data;

    private FabricTestNetwork network;
    private NodePlatform platform;
    private LedgerBackend ledger;
    private Vertx vertx;
    private NodeServer server;
    private LedgerIdentity bureau;
    private LedgerIdentity socialInsurance;
    private LedgerIdentity bank;
    private LedgerIdentity citizenApp;
    private LedgerIdentity auditOffice;
    private final List<Long> submitMillis = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> events = ConcurrentHashMap.newKeySet();
    private AutoCloseable subscription;
    private String subject;
    private String grantedAccessId;
    private String deniedAccessId;
    private String grantedTxId;
    private final long started = System.nanoTime();

    private static String fabricBin() {
        String fabricBin = System.getenv("FABRIC_BIN");
        return fabricBin == null || fabricBin.isBlank() ? null : fabricBin;
    }

    /** Each step is reported as skipped, with the reason, where there are no Fabric binaries (CI). */
    @BeforeEach
    void requireFabric() {
        assumeTrue(fabricBin() != null, "FABRIC_BIN not set: skipping the node-on-Fabric test");
    }

    @BeforeAll
    void startNetworkAndNode() throws Exception {
        String fabricBin = fabricBin();
        if (fabricBin == null) {
            return;
        }
        Path jar = Path.of(requiredProperty("ccaas.jar"));
        assertThat(jar).as("the chaincode's ccaas jar (mvn -pl chaincode -am package)").isRegularFile();
        network = new FabricTestNetwork(Path.of(requiredProperty("network.script")), work, fabricBin, jar);
        network.run("up", Duration.ofMinutes(3));
        network.run("deploy", Duration.ofMinutes(3));
        log("network up and chaincode deployed after %d s", (System.nanoTime() - started) / 1_000_000_000);

        bureau = network.user("BureauMSP", "bureau");
        socialInsurance = network.user("SocialInsuranceMSP", "socialinsurance");
        bank = network.user("BankMSP", "bank");
        citizenApp = network.user("CitizenAppMSP", "citizenapp");
        auditOffice = network.user("AuditOfficeMSP", "auditoffice");

        NodeConfig config = nodeConfig();
        platform = NodePlatform.open(config);
        ledger = platform.ledger();
        subscription = ledger.subscribe(event -> events.add(event.name() + " " + Json.tree(event.payload())
                .path("mspId").asText("")));
        vertx = Vertx.vertx();
        server = await(NodeServer.start(vertx, config, platform.directory(), platform.services()));
        subject = platform.pseudonyms().pseudonym("RESIDENT_ID", RESIDENT);
    }

    private NodeConfig nodeConfig() {
        NodeConfig d = NodeConfig.defaults();
        NodeConfig.Fabric fabric = new NodeConfig.Fabric(FabricTestNetwork.GATEWAY,
                network.gatewayTlsRoot().toString(), null, FabricTestNetwork.CHANNEL, FabricTestNetwork.CHAINCODE,
                "BureauMSP", network.userMsp("bureau").toString());
        return new NodeConfig(data.toString(), new NodeConfig.Http("127.0.0.1", 0), d.tls(), d.cryptoSuite(),
                new NodeConfig.Ledger(NodeConfig.Ledger.FABRIC, fabric), d.limits(), d.auth(), List.of());
    }

    /** Set by the pom (Failsafe's systemPropertyVariables). */
    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property %s (set in node-service/pom.xml)", name).isNotBlank();
        return value;
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (subscription != null) {
                subscription.close();
            }
            if (vertx != null) {
                await(vertx.close());
            }
            if (platform != null) {
                platform.close();
            }
        } finally {
            if (network != null) {
                try {
                    network.run("down", Duration.ofMinutes(1));
                } finally {
                    String logs = System.getProperty("network.logs");
                    if (logs != null) {
                        network.keepLogs(Path.of(logs));
                    }
                    log("whole test %d s", (System.nanoTime() - started) / 1_000_000_000);
                }
            }
        }
    }

    @Test
    @Order(1)
    void the_bureau_sets_up_the_platform_through_the_node_s_fabric_backend() throws Exception {
        // the node reads the trail for auditors as itself: the Bureau is OPERATOR and AUDITOR, as in the demo
        submit(bureau, "Organisations:init", registration(bureau, "bureau", "OPERATOR", "AUDITOR"));
        submit(bureau, "Organisations:registerOrganisation", registration(socialInsurance, "socialinsurance",
                "PROVIDER"));
        submit(bureau, "Organisations:registerOrganisation", registration(bank, "bank", "CONSUMER"));
        submit(bureau, "Organisations:registerOrganisation", registration(citizenApp, "citizenapp",
                "IDENTITY_PROVIDER"));
        submit(bureau, "Organisations:registerOrganisation", registration(auditOffice, "auditoffice", "AUDITOR"));

        JsonNode page = Json.tree(ledger.evaluate(auditOffice, "Organisations:listOrganisations", "{}"));
        assertThat(page.path("records").findValuesAsText("mspId")).containsExactlyInAnyOrder("BureauMSP",
                "SocialInsuranceMSP", "BankMSP", "CitizenAppMSP", "AuditOfficeMSP");
    }

    @Test
    @Order(2)
    void admit_confirms_channel_members_and_refuses_an_organisation_the_channel_lacks() throws Exception {
        ledger.admit("BankMSP", List.of(network.caPem("bank")));

        ChaincodeFailure refused = catchThrowableOfType(ChaincodeFailure.class,
                () -> ledger.admit("InsurerMSP", List.of(network.caPem("bank"))));

        assertThat(refused.errorCode()).isEqualTo(ErrorCode.NOT_AUTHORIZED);
        assertThat(refused.getMessage()).contains("Adding an organisation");
    }

    @Test
    @Order(3)
    void the_provider_publishes_imports_and_anchors_and_the_parties_agree_and_consent() throws Exception {
        submit(socialInsurance, "Catalogue:registerDataset", Json.write(Map.of(
                "id", DATASET, "titleZh", "社会保险缴费", "titleEn", "Social-insurance contributions",
                "fields", List.of(Map.of("name", "employer", "level", "L2"), Map.of("name", "monthlyBase", "level", "L3"),
                        Map.of("name", "monthsPaid", "level", "L3"), Map.of("name", "medicalRecord", "level", "L4")),
                "updateFrequency", "MONTHLY")));
        String records = """
                {"subjectType":"RESIDENT_ID","subjectNumber":"%s","sequence":0,"fields":{"employer":"Jinan Steel","monthlyBase":8200,"monthsPaid":48,"medicalRecord":null}}
                {"subjectType":"RESIDENT_ID","subjectNumber":"370102198502023456","sequence":0,"fields":{"employer":"Qilu Pharma","monthlyBase":9100,"monthsPaid":120,"medicalRecord":null}}
                """.formatted(RESIDENT);
        try (BufferedReader lines = new BufferedReader(new StringReader(records))) {
            new RecordImporter(platform.stores().create("SocialInsuranceMSP"), new BatchAnchorer(ledger,
                    socialInsurance), platform.pseudonyms(), ledger.suite(), 2)
                    .importAll(new NdjsonSource(DATASET, lines), (dataset, stored, batches) -> { });
        }

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        submit(bank, "Agreements:requestAgreement", Json.write(Map.of("agreementId", AGREEMENT, "datasetId", DATASET,
                "fields", List.of("employer", "monthlyBase", "monthsPaid"), "purposes", List.of(PURPOSE),
                "validFrom", now.minus(Duration.ofHours(1)).toString(),
                "validUntil", now.plus(Duration.ofDays(365)).toString())));
        submit(socialInsurance, "Agreements:approveAgreement", Json.write(Map.of("agreementId", AGREEMENT,
                "note", "approved for loan underwriting")));
        JsonNode consent = Json.tree(submit(citizenApp, "Consents:grantConsent", Json.write(Map.of("terms",
                consentTerms(now)))));

        assertThat(consent.path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    @Order(4)
    void a_bank_s_request_is_granted_with_fabric_evidence_whose_block_holds_it_as_valid() throws Exception {
        SignedDataRequest request = request("employer", "monthsPaid");

        long start = System.nanoTime();
        HttpResponse<String> response = signedCall(bank, "POST", "/v1/data-requests", Json.write(request.toJson()));
        log("granted data request over HTTP: %d ms", (System.nanoTime() - start) / 1_000_000);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = Json.tree(response.body());
        JsonNode access = answer.path("access");
        assertThat(access.path("record").path("decision").asText()).isEqualTo("GRANTED");
        grantedAccessId = access.path("record").path("accessId").asText();
        JsonNode evidence = access.path("evidence");
        assertThat(evidence.path("ledger").asText()).isEqualTo("fabric");
        assertThat(evidence.path("channel").asText()).isEqualTo(FabricTestNetwork.CHANNEL);
        grantedTxId = evidence.path("txId").asText();
        Block block = Block.parseFrom(Base64.getDecoder().decode(evidence.path("block").asText()));
        TransactionSummary inBlock = BlockTransactions.find(block, grantedTxId).orElseThrow();
        assertThat(inBlock.index()).isEqualTo(evidence.path("index").asInt());
        assertThat(inBlock.validationCode()).isEqualTo("VALID");
        assertThat(BlockHashes.dataHash(block.getData())).isEqualTo(block.getHeader().getDataHash().toByteArray());

        JsonNode disclosed = answer.path("items").get(0).path("records").get(0);
        assertThat(disclosed.path("anchorEvidence").path("ledger").asText()).isEqualTo("fabric");
        assertThat(disclosed.path("disclosure").toString()).contains("Jinan Steel").doesNotContain("8200");
    }

    @Test
    @Order(5)
    void a_request_for_an_uncovered_field_is_denied_with_its_code_and_recorded() throws Exception {
        QcchainApiException denied = catchThrowableOfType(QcchainApiException.class,
                () -> client(bank).requestData(request("employer", "monthlyBase")));

        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.getErrorCode()).isEqualTo(ErrorCode.FIELD_NOT_COVERED);
        deniedAccessId = denied.accessId().orElseThrow();
    }

    @Test
    @Order(6)
    void the_audit_office_lists_both_decisions_and_reads_the_granted_transaction() throws Exception {
        Map<String, String> decisions = new LinkedHashMap<>();
        for (JsonNode record : client(auditOffice).accessRecords(AccessRecordQuery.all(), "").records()) {
            decisions.put(record.path("accessId").asText(), record.path("decision").asText());
        }
        assertThat(decisions).containsEntry(grantedAccessId, "GRANTED").containsEntry(deniedAccessId, "DENIED");

        HttpResponse<String> response = signedCall(auditOffice, "GET", "/v1/transactions/" + grantedTxId, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode transaction = Json.tree(response.body());
        assertThat(transaction.path("validationCode").asText()).isEqualTo("VALID");
        assertThat(transaction.path("creatorMspId").asText()).isEqualTo("BureauMSP");
        assertThat(transaction.path("function").asText()).isEqualTo("Access:requestAccess");
        assertThat(transaction.path("evidence").path("txId").asText()).isEqualTo(grantedTxId);

        JsonNode block = client(auditOffice).block(transaction.path("blockNumber").asLong());
        assertThat(block.path("transactions").findValuesAsText("txId")).contains(grantedTxId);
    }

    @Test
    @Order(7)
    void concurrent_requests_on_one_consent_are_all_granted_whatever_their_read_conflicts() throws Exception {
        long from = ledger.height();
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SignedDataRequest request = request("employer");
            calls.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return signedCall(bank, "POST", "/v1/data-requests", Json.write(request.toJson()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }

        for (java.util.concurrent.CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.get(3, TimeUnit.MINUTES);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
        long conflicts = 0;
        for (long number = from; number < ledger.height(); number++) {
            conflicts += ledger.block(number).orElseThrow().path("transactions").findValuesAsText("validationCode")
                    .stream().filter(code -> code.endsWith("_CONFLICT")).count();
        }
        log("3 concurrent granted requests: %d read conflicts retried on the way", conflicts);
    }

    @Test
    @Order(8)
    void verify_finds_the_real_chain_intact_and_events_reached_the_subscriber() throws Exception {
        HttpResponse<String> response = signedCall(auditOffice, "POST", "/v1/ledger/verify", null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = Json.tree(response.body());
        assertThat(report.path("intact").asBoolean()).as(response.body()).isTrue();
        assertThat(report.path("height").asLong()).isGreaterThan(10);
        assertThat(report.path("validTransactions").asLong()).isGreaterThanOrEqualTo(13);
        awaitEvent("OrganisationRegistered AuditOfficeMSP");
        log("submit latency on Fabric (ms, in order): %s", submitMillis);
    }

    private String submit(LedgerIdentity as, String function, String... args) throws ChaincodeFailure {
        long start = System.nanoTime();
        String payload = ledger.submit(as, function, args).payload();
        submitMillis.add((System.nanoTime() - start) / 1_000_000);
        return payload;
    }

    private String registration(LedgerIdentity member, String org, String... roles) {
        return Json.write(Map.of("mspId", member.mspId(), "name", member.mspId() + " (" + org + ")",
                "roles", List.of(roles), "caCertificates", List.of(network.caPem(org))));
    }

    private Map<String, Object> consentTerms(Instant now) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("consentId", CONSENT);
        terms.put("subject", subject);
        terms.put("consumerMspId", "BankMSP");
        terms.put("items", List.of(Map.of("datasetId", DATASET, "fields", List.of("employer", "monthsPaid"))));
        terms.put("purpose", PURPOSE);
        terms.put("mode", "VIEW");
        terms.put("fetchType", "PERIODIC");
        terms.put("frequency", Map.of("unit", "DAY", "value", 5));
        terms.put("maxUses", 10);
        terms.put("dataLife", Map.of("unit", "DAY", "value", 30));
        terms.put("validFrom", now.minus(Duration.ofHours(1)).toString());
        terms.put("validUntil", now.plus(Duration.ofDays(90)).toString());
        return terms;
    }

    private SignedDataRequest request(String... fields) {
        return DataRequest.builder().consumer("BankMSP").subject(subject).consent(CONSENT).purpose(PURPOSE)
                .item(DATASET, fields).build().sign(bank.identity());
    }

    private QcchainClient client(LedgerIdentity member) {
        return QcchainClient.builder().endpoint(URI.create("http://127.0.0.1:" + server.port()))
                .identity(member.mspId(), member.identity())
                .trustAnchors(TrustAnchors.builder().organisation("BankMSP", network.caPem("bank"))
                        .organisation("AuditOfficeMSP", network.caPem("auditoffice"))
                        .organisation("SocialInsuranceMSP", network.caPem("socialinsurance"))
                        .nodeCa(network.caPem("bureau")).build())
                .build();
    }

    /** A signed call without the SDK, to read the answer as the node sent it. */
    private HttpResponse<String> signedCall(LedgerIdentity as, String method, String target, String body)
            throws Exception {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + target))
                .timeout(Duration.ofMinutes(2)).header("Accept", "application/json, application/problem+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        RequestSigner.create(as.mspId(), as.identity()).sign(method, target, bytes).asMap().forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Chaincode events come on the subscriber's own thread; wait for one, without a timing assertion. */
    private void awaitEvent(String event) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!events.contains(event) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(events).contains(event);
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private static void log(String format, Object... args) {
        System.out.printf("NodeOnFabricIT: " + format + "%n", args);
    }
}
