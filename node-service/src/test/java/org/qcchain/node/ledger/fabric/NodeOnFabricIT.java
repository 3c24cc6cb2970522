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
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
import org.qcchain.common.answer.DataAnswer;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.auth.RequestSigner;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;
import org.qcchain.network.FabricTestNetwork;
import org.qcchain.node.config.ConfigException;
import org.qcchain.node.config.NodeConfig;
import org.qcchain.node.http.NodeServer;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.ledger.LedgerBackend;
import org.qcchain.node.ledger.LedgerIdentity;
import org.qcchain.node.platform.IdentityFiles;
import org.qcchain.node.platform.NodePlatform;
import org.qcchain.node.store.BatchAnchorer;
import org.qcchain.node.store.NdjsonSource;
import org.qcchain.node.store.RecordImporter;
import org.qcchain.sdk.AccessRecordQuery;
import org.qcchain.sdk.DataRequest;
import org.qcchain.sdk.QcchainApiException;
import org.qcchain.sdk.QcchainClient;
import org.qcchain.sdk.SignedDataRequest;
import org.qcchain.sdk.verify.ChainReport;
import org.qcchain.sdk.verify.ChainVerifier;
import org.qcchain.sdk.verify.FabricTrust;
import org.qcchain.sdk.verify.LedgerPosition;
import org.qcchain.sdk.verify.TrustAnchors;
import org.qcchain.sdk.verify.TrustAnchorsBuilder;
import org.qcchain.sdk.verify.VerificationException;
import org.qcchain.sdk.verify.VerificationFailure;
import org.qcchain.sdk.verify.VerifiedAnswer;
import org.qcchain.sdk.verify.VerifiedRecord;
import org.qcchain.sdk.verify.Verifier;

/**
 * The node on a real Fabric network: {@code network.sh up} and {@code deploy} from the binaries in
 * {@code FABRIC_BIN}, then a node service (loopback, port 0) on the Fabric backend as the Bureau's
 * node. The platform is set up through the node's backend, each step as the member the chaincode
 * needs (the Bureau registers the members, the social-insurance provider publishes a dataset,
 * imports records and anchors them, and approves the bank's agreement, the citizen app records a
 * consent); then through the SDK the bank's request is granted and its answer verified (Fabric
 * evidence checked against the MSP CAs of the cryptogen folders and the channel's trust), a request
 * for an uncovered field is denied and recorded, and the audit office lists both.
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

    /** Each step is reported as skipped, with the reason, where there are no Fabric binaries (CI). */
    @BeforeEach
    void requireFabric() {
        assumeTrue(FabricTestNetwork.fabricBin().isPresent(), "FABRIC_BIN not set: skipping the node-on-Fabric test");
    }

    @BeforeAll
    void startNetworkAndNode() throws Exception {
        if (FabricTestNetwork.fabricBin().isEmpty()) {
            return;
        }
        network = FabricTestNetwork.fromSystemProperties(work, FabricTestNetwork.fabricBin().get());
        network.up();
        log("network up and chaincode deployed after %d s", (System.nanoTime() - started) / 1_000_000_000);

        bureau = user("BureauMSP", "bureau");
        socialInsurance = user("SocialInsuranceMSP", "socialinsurance");
        bank = user("BankMSP", "bank");
        citizenApp = user("CitizenAppMSP", "citizenapp");
        auditOffice = user("AuditOfficeMSP", "auditoffice");

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
        NodeConfig.Fabric fabric = new NodeConfig.Fabric(FabricTestNetwork.BUREAU_GATEWAY,
                network.peerTlsRoot("bureau").toString(), null, FabricTestNetwork.CHANNEL, FabricTestNetwork.CHAINCODE,
                "BureauMSP", network.userMsp("bureau").toString());
        return new NodeConfig(data.toString(), new NodeConfig.Http("127.0.0.1", 0), d.tls(), d.cryptoSuite(),
                new NodeConfig.Ledger(NodeConfig.Ledger.FABRIC, fabric), d.limits(), d.auth(), List.of());
    }

    /** @return the first user of organisation {@code org} (e.g. {@code bank}), as {@code mspId} */
    private LedgerIdentity user(String mspId, String org) throws ConfigException {
        return IdentityFiles.fromMspFolder(mspId, network.userMsp(org));
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
                    network.down();
                } finally {
                    log("whole test %d s", (System.nanoTime() - started) / 1_000_000_000);
                }
            }
        }
    }

    @Test
    @Order(1)
    void the_bureau_sets_up_the_platform_through_the_node_s_fabric_backend() throws Exception {
        // the Bureau is OPERATOR only, as in the demo: its node reads the trail for auditors as the operator
        submit(bureau, "Organisations:init", registration(bureau, "bureau", "OPERATOR"));
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
    void a_bank_s_request_is_granted_and_the_sdk_verifies_its_fabric_evidence() throws Exception {
        long start = System.nanoTime();
        VerifiedAnswer answer = client(bank).requestData(request("employer", "monthsPaid"));
        log("granted and verified data request through the SDK: %d ms", (System.nanoTime() - start) / 1_000_000);

        grantedAccessId = answer.accessId();
        LedgerPosition access = answer.accessPosition();
        grantedTxId = access.txId();
        VerifiedRecord disclosed = answer.records(DATASET).get(0);
        assertThat(disclosed.values()).containsOnlyKeys("employer", "monthsPaid");
        assertThat(disclosed.text("employer")).isEqualTo("Jinan Steel");
        assertThat(disclosed.anchor().providerMspId()).isEqualTo("SocialInsuranceMSP");
        // the positions the verifier derived from the evidence blocks are those the node's peer serves
        for (LedgerPosition position : List.of(access, disclosed.anchor().position())) {
            JsonNode block = ledger.block(position.blockNumber()).orElseThrow();
            assertThat(block.path("hash").asText()).isEqualTo(position.blockHash());
            assertThat(block.path("transactions").get(position.index()).path("txId").asText())
                    .isEqualTo(position.txId());
        }
    }

    @Test
    @Order(5)
    void the_same_evidence_fails_against_another_channel_and_against_anchors_without_a_channel() throws Exception {
        SignedDataRequest request = request("employer");
        HttpResponse<String> response = signedCall(bank, "POST", "/v1/data-requests", Json.write(request.toJson()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        DataAnswer answer = Json.mapper().readValue(response.body(), DataAnswer.class);
        assertThat(answer.access().evidence().ledger()).isEqualTo(TransactionEvidence.FABRIC);

        VerifiedAnswer verified = verifier(trustAnchors(FabricTestNetwork.CHANNEL)).verify(answer, request.requestHash());
        VerificationException otherChannel = catchThrowableOfType(VerificationException.class,
                () -> verifier(trustAnchors("otherchannel")).verify(answer, request.requestHash()));
        VerificationException noChannel = catchThrowableOfType(VerificationException.class,
                () -> verifier(trustAnchors(null)).verify(answer, request.requestHash()));

        assertThat(verified.records(DATASET).get(0).text("employer")).isEqualTo("Jinan Steel");
        assertThat(otherChannel.failure()).isEqualTo(VerificationFailure.CHANNEL_MISMATCH);
        assertThat(noChannel.failure()).isEqualTo(VerificationFailure.FORMAT_UNSUPPORTED);
    }

    @Test
    @Order(6)
    void a_request_for_an_uncovered_field_is_denied_with_its_code_and_recorded() throws Exception {
        QcchainApiException denied = catchThrowableOfType(QcchainApiException.class,
                () -> client(bank).requestData(request("employer", "monthlyBase")));

        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.getErrorCode()).isEqualTo(ErrorCode.FIELD_NOT_COVERED);
        deniedAccessId = denied.accessId().orElseThrow();
    }

    @Test
    @Order(7)
    void the_audit_office_lists_both_decisions_and_reads_the_granted_transaction() throws Exception {
        Map<String, String> decisions = new LinkedHashMap<>();
        for (JsonNode record : client(auditOffice).accessRecords(AccessRecordQuery.all(), "").records()) {
            decisions.put(record.path("accessId").asText(), record.path("decision").asText());
        }
        assertThat(decisions).containsEntry(grantedAccessId, "GRANTED").containsEntry(deniedAccessId, "DENIED");

        JsonNode transaction = client(auditOffice).transaction(grantedTxId);
        assertThat(transaction.path("validationCode").asText()).isEqualTo("VALID");
        assertThat(transaction.path("creatorMspId").asText()).isEqualTo("BureauMSP");
        assertThat(transaction.path("function").asText()).isEqualTo("Access:requestAccess");
        assertThat(transaction.path("evidence").path("txId").asText()).isEqualTo(grantedTxId);

        JsonNode block = client(auditOffice).block(transaction.path("blockNumber").asLong());
        assertThat(block.path("transactions").findValuesAsText("txId")).contains(grantedTxId);
    }

    @Test
    @Order(8)
    void concurrent_requests_on_one_consent_are_all_granted_whatever_their_read_conflicts() throws Exception {
        long from = ledger.height();
        QcchainClient bankClient = client(bank);
        List<CompletableFuture<VerifiedAnswer>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SignedDataRequest request = request("employer");
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return bankClient.requestData(request);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }

        Set<String> granted = new HashSet<>();
        for (CompletableFuture<VerifiedAnswer> call : calls) {
            granted.add(call.get(3, TimeUnit.MINUTES).accessId());
        }
        assertThat(granted).hasSize(3);
        long conflicts = 0;
        for (long number = from; number < ledger.height(); number++) {
            conflicts += ledger.block(number).orElseThrow().path("transactions").findValuesAsText("validationCode")
                    .stream().filter(code -> code.endsWith("_CONFLICT")).count();
        }
        log("3 concurrent granted requests: %d read conflicts retried on the way", conflicts);
    }

    @Test
    @Order(9)
    void verify_finds_the_real_chain_intact_and_events_reached_the_subscriber() throws Exception {
        HttpResponse<String> response = signedCall(auditOffice, "POST", "/v1/ledger/verify", null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = Json.tree(response.body());
        assertThat(report.path("intact").asBoolean()).as(response.body()).isTrue();
        assertThat(report.path("height").asLong()).isGreaterThan(10);
        assertThat(report.path("validTransactions").asLong()).isGreaterThanOrEqualTo(13);
        // the audit office checks the same chain itself: DER hash links, data hashes, orderer signatures
        QcchainClient auditor = client(auditOffice);
        List<JsonNode> blocks = new ArrayList<>();
        for (long number = 0; number < report.path("height").asLong(); number++) {
            blocks.add(auditor.block(number));
        }
        ChainReport chain = ChainVerifier.create(trustAnchors(FabricTestNetwork.CHANNEL), CryptoSuite.P256_SHA256)
                .verify(blocks);
        assertThat(chain.lastBlock()).isEqualTo(report.path("height").asLong() - 1);
        assertThat(chain.lastHash()).isEqualTo(blocks.get(blocks.size() - 1).path("hash").asText());
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
                .identity(member.mspId(), member.identity()).trustAnchors(trustAnchors(FabricTestNetwork.CHANNEL))
                .requestTimeout(Duration.ofMinutes(2)).build();
    }

    /**
     * What a bank trusts, read from the cryptogen folders: the MSP CAs of the orderer's organisation
     * and of the endorsing peers' organisations (the channel's endorsement policy {@code
     * OR('BureauMSP.peer','SocialInsuranceMSP.peer')}), the CA of the node's certificate (the
     * Bureau's client), and the channel; {@code channel} null leaves the channel out.
     */
    private TrustAnchors trustAnchors(String channel) {
        TrustAnchorsBuilder anchors = TrustAnchors.builder().organisation("BureauMSP", network.ordererCaPem("bureau"))
                .organisation("SocialInsuranceMSP", network.caPem("socialinsurance"))
                .nodeCa(network.caPem("bureau"));
        if (channel != null) {
            anchors.fabric(FabricTrust.builder().channel(channel).chaincode(FabricTestNetwork.CHAINCODE)
                    .ordererOrganisations("BureauMSP").endorsingOrganisations("BureauMSP", "SocialInsuranceMSP")
                    .minimumEndorsements(1).build());
        }
        return anchors.build();
    }

    private static Verifier verifier(TrustAnchors anchors) {
        return Verifier.builder().trustAnchors(anchors).suite(CryptoSuite.P256_SHA256).build();
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
