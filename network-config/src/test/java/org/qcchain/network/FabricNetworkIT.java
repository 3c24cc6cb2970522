package org.qcchain.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Pem;
import org.qcchain.common.json.Json;

/**
 * The platform on a real Fabric network: {@code network.sh up} and {@code deploy} from the Fabric
 * binaries in {@code FABRIC_BIN}, then the data-request path through the Fabric Gateway, each
 * organisation with its own cryptogen identity - the Bureau initialises the platform and registers
 * the members, the social-insurance provider publishes a dataset and approves the bank's agreement,
 * the citizen app records a consent, the bank's signed requests are granted and denied, and the
 * audit office reads both decisions from the trail. Skipped when {@code FABRIC_BIN} is not set.
 *
 * <p>The steps build on each other and run in order on one network.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class FabricNetworkIT {
    private static final String CHANNEL = FabricTestNetwork.CHANNEL;
    private static final String CHAINCODE = FabricTestNetwork.CHAINCODE;
    private static final String DATASET = "social.insurance.contributions";
    private static final String AGREEMENT = "agr-bank-si-1";
    private static final String CONSENT = "consent-0001";
    private static final String PURPOSE = "LOAN_UNDERWRITING";
    private static final String SUBJECT = "3f1b6a8e2c9d4f7a0b5e1c3d9a7f2e6b4c8d0a1f3e5b7c9d2a4f6e8b0c1d3e5f";

    private static final Member BUREAU = Member.withPeer("BureauMSP", "bureau", 7051);
    private static final Member SOCIAL_INSURANCE = Member.withPeer("SocialInsuranceMSP", "socialinsurance", 8051);
    private static final Member BANK = Member.withPeer("BankMSP", "bank", 9051);
    private static final Member CITIZEN_APP = Member.through("CitizenAppMSP", "citizenapp", BUREAU);
    private static final Member AUDIT_OFFICE = Member.through("AuditOfficeMSP", "auditoffice", BUREAU);

    @TempDir
    static Path work;

    private FabricTestNetwork fabric;
    private final List<MemberClient> clients = new ArrayList<>();
    private MemberClient bureau;
    private MemberClient socialInsurance;
    private MemberClient bank;
    private MemberClient citizenApp;
    private MemberClient auditOffice;
    private final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private String grantedId;
    private String deniedId;

    /** Each step is reported as skipped, with the reason, where there are no Fabric binaries (CI). */
    @BeforeEach
    void requireFabric() {
        assumeTrue(FabricTestNetwork.fabricBin().isPresent(), "FABRIC_BIN not set: skipping the Fabric network test");
    }

    @BeforeAll
    void startNetwork() throws Exception {
        if (FabricTestNetwork.fabricBin().isEmpty()) {
            return;
        }
        fabric = FabricTestNetwork.fromSystemProperties(work, FabricTestNetwork.fabricBin().get());
        fabric.up();

        bureau = connect(BUREAU);
        socialInsurance = connect(SOCIAL_INSURANCE);
        bank = connect(BANK);
        citizenApp = connect(CITIZEN_APP);
        auditOffice = connect(AUDIT_OFFICE);
    }

    private MemberClient connect(Member member) throws Exception {
        MemberClient client = MemberClient.connect(member, fabric, CHANNEL);
        clients.add(client);
        return client;
    }

    @AfterAll
    void stopNetwork() throws Exception {
        for (MemberClient client : clients) {
            client.close();
        }
        if (fabric != null) {
            fabric.down();
        }
    }

    @Test
    @Order(1)
    void operator_initialises_the_platform_and_registers_every_member() throws Exception {
        JsonNode operator = json(bureau.submit(CHAINCODE, "Organisations", "init",
                registration(BUREAU, "OPERATOR")));
        assertThat(operator.path("mspId").asText()).isEqualTo("BureauMSP");

        bureau.submit(CHAINCODE, "Organisations", "registerOrganisation", registration(SOCIAL_INSURANCE, "PROVIDER"));
        bureau.submit(CHAINCODE, "Organisations", "registerOrganisation", registration(BANK, "CONSUMER"));
        bureau.submit(CHAINCODE, "Organisations", "registerOrganisation",
                registration(CITIZEN_APP, "IDENTITY_PROVIDER"));
        bureau.submit(CHAINCODE, "Organisations", "registerOrganisation", registration(AUDIT_OFFICE, "AUDITOR"));

        JsonNode page = json(auditOffice.evaluate(CHAINCODE, "Organisations", "listOrganisations", "{}"));
        assertThat(page.path("records").findValuesAsText("mspId")).containsExactlyInAnyOrder("BureauMSP",
                "SocialInsuranceMSP", "BankMSP", "CitizenAppMSP", "AuditOfficeMSP");
    }

    @Test
    @Order(2)
    void provider_publishes_a_dataset_and_approves_the_banks_agreement() throws Exception {
        JsonNode dataset = json(socialInsurance.submit(CHAINCODE, "Catalogue", "registerDataset", Json.write(Map.of(
                "id", DATASET,
                "titleZh", "社会保险缴费",
                "titleEn", "Social-insurance contributions",
                "fields", List.of(
                        Map.of("name", "employer", "level", "L2"),
                        Map.of("name", "monthlyBase", "level", "L3"),
                        Map.of("name", "monthsPaid", "level", "L3"),
                        Map.of("name", "medicalRecord", "level", "L4")),
                "updateFrequency", "MONTHLY"))));
        assertThat(dataset.path("id").asText()).isEqualTo(DATASET);

        bank.submit(CHAINCODE, "Agreements", "requestAgreement", Json.write(Map.of(
                "agreementId", AGREEMENT,
                "datasetId", DATASET,
                "fields", List.of("employer", "monthlyBase", "monthsPaid"),
                "purposes", List.of(PURPOSE),
                "validFrom", start.minus(Duration.ofHours(1)).toString(),
                "validUntil", start.plus(Duration.ofDays(365)).toString())));
        JsonNode agreement = json(socialInsurance.submit(CHAINCODE, "Agreements", "approveAgreement",
                Json.write(Map.of("agreementId", AGREEMENT, "note", "approved for loan underwriting"))));
        assertThat(agreement.path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    @Order(3)
    void citizen_app_records_the_subjects_consent_through_another_organisations_peer() throws Exception {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("consentId", CONSENT);
        terms.put("subject", SUBJECT);
        terms.put("consumerMspId", "BankMSP");
        terms.put("items", List.of(Map.of("datasetId", DATASET, "fields", List.of("employer", "monthsPaid"))));
        terms.put("purpose", PURPOSE);
        terms.put("mode", "VIEW");
        terms.put("fetchType", "PERIODIC");
        terms.put("frequency", Map.of("unit", "DAY", "value", 5));
        terms.put("maxUses", 10);
        terms.put("dataLife", Map.of("unit", "DAY", "value", 30));
        terms.put("validFrom", start.minus(Duration.ofHours(1)).toString());
        terms.put("validUntil", start.plus(Duration.ofDays(90)).toString());

        JsonNode consent = json(citizenApp.submit(CHAINCODE, "Consents", "grantConsent",
                Json.write(Map.of("terms", terms))));
        assertThat(consent.path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    @Order(4)
    void banks_signed_request_for_consented_fields_is_granted() throws Exception {
        JsonNode record = json(bank.submit(CHAINCODE, "Access", "requestAccess",
                signedRequest(List.of("employer", "monthsPaid"))));

        assertThat(record.path("decision").asText()).as("reason: %s", record.path("reason")).isEqualTo("GRANTED");
        assertThat(record.path("consumerMspId").asText()).isEqualTo("BankMSP");
        grantedId = record.path("accessId").asText();
    }

    @Test
    @Order(5)
    void request_for_a_field_outside_the_consent_is_denied_and_recorded() throws Exception {
        JsonNode record = json(bank.submit(CHAINCODE, "Access", "requestAccess",
                signedRequest(List.of("employer", "monthlyBase"))));

        assertThat(record.path("decision").asText()).isEqualTo("DENIED");
        assertThat(record.path("reasonCode").asText()).isEqualTo("FIELD_NOT_COVERED");
        deniedId = record.path("accessId").asText();
    }

    @Test
    @Order(6)
    void audit_office_reads_both_decisions_from_the_trail() throws Exception {
        JsonNode page = json(auditOffice.evaluate(CHAINCODE, "Access", "listAccessRecords",
                Json.write(Map.of("scope", "ALL"))));

        Map<String, String> decisions = new LinkedHashMap<>();
        for (JsonNode record : page.path("records")) {
            decisions.put(record.path("accessId").asText(), record.path("decision").asText());
        }
        assertThat(decisions).containsEntry(grantedId, "GRANTED").containsEntry(deniedId, "DENIED");
    }

    private String registration(Member member, String role) {
        return Json.write(Map.of(
                "mspId", member.mspId(),
                "name", member.mspId() + " (" + member.org() + ")",
                "roles", List.of(role),
                "caCertificates", List.of(fabric.caPem(member.org()))));
    }

    /** The bank's request, signed by its user's key over the request's canonical JSON (RFC 8785). */
    private String signedRequest(List<String> fields) throws Exception {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("consumerMspId", "BankMSP");
        request.put("subject", SUBJECT);
        request.put("consentId", CONSENT);
        request.put("purpose", PURPOSE);
        request.put("items", List.of(Map.of("datasetId", DATASET, "fields", fields)));
        request.put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        request.put("nonce", "n-" + UUID.randomUUID());

        PrivateKey key = Pem.parsePrivateKey(fabric.userPrivateKeyPem(BANK.org()));
        byte[] signature = CryptoSuite.P256_SHA256.sign(key, Json.canonicalBytes(request));
        return Json.write(Map.of(
                "request", request,
                "certificate", fabric.userCertificatePem(BANK.org()),
                "signature", Base64.getEncoder().encodeToString(signature)));
    }

    private static JsonNode json(String text) {
        return Json.tree(text);
    }
}
