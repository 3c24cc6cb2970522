package org.qcchain.ledger.embedded;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.qcchain.chaincode.model.AccessRequest;
import org.qcchain.chaincode.model.AgreementApproval;
import org.qcchain.chaincode.model.AgreementProposal;
import org.qcchain.chaincode.model.Classification;
import org.qcchain.chaincode.model.ConsentGrant;
import org.qcchain.chaincode.model.ConsentItem;
import org.qcchain.chaincode.model.ConsentMode;
import org.qcchain.chaincode.model.ConsentTerms;
import org.qcchain.chaincode.model.DataRange;
import org.qcchain.chaincode.model.DatasetDefinition;
import org.qcchain.chaincode.model.FetchType;
import org.qcchain.chaincode.model.FieldSpec;
import org.qcchain.chaincode.model.Period;
import org.qcchain.chaincode.model.PeriodUnit;
import org.qcchain.chaincode.model.RequestedItem;
import org.qcchain.chaincode.model.SignedAccessRequest;
import org.qcchain.common.json.Json;

/** The data-request scenario: a dataset, an approved agreement, consents, and signed requests. */
final class Scenario {
    static final String DATASET = "social.insurance.contributions";
    static final String PURPOSE = "LOAN_UNDERWRITING";
    static final String SUBJECT = "3f1b6a8e2c9d4f7a0b5e1c3d9a7f2e6b4c8d0a1f3e5b7c9d2a4f6e8b0c1d3e5f";
    static final String OTHER_SUBJECT = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d";
    static final String AGREEMENT = "agr-bank-si-1";
    static final String CONSENT = "consent-0001";
    static final String OTHER_CONSENT = "consent-0002";

    private Scenario() {}

    /** Starts the platform and puts everything in place for granted requests on two consents. */
    static void ready(TestPlatform platform, EmbeddedLedger ledger) {
        platform.start(ledger);
        platform.commit(ledger, platform.socialInsurance, "Catalogue:registerDataset", Json.write(dataset()));
        platform.commit(ledger, platform.bank, "Agreements:requestAgreement", Json.write(agreement()));
        platform.commit(ledger, platform.socialInsurance, "Agreements:approveAgreement",
                Json.write(new AgreementApproval(AGREEMENT, null, null, null, "ok")));
        platform.commit(ledger, platform.citizenApp, "Consents:grantConsent",
                Json.write(new ConsentGrant(terms(CONSENT, SUBJECT), null)));
        platform.commit(ledger, platform.citizenApp, "Consents:grantConsent",
                Json.write(new ConsentGrant(terms(OTHER_CONSENT, OTHER_SUBJECT), null)));
    }

    static DatasetDefinition dataset() {
        return new DatasetDefinition(DATASET, "社会保险缴费", "Social-insurance contributions", null, List.of(
                new FieldSpec("employer", Classification.L2, null),
                new FieldSpec("monthsPaid", Classification.L3, null)), "MONTHLY");
    }

    static AgreementProposal agreement() {
        return new AgreementProposal(AGREEMENT, DATASET, List.of("employer", "monthsPaid"), List.of(PURPOSE),
                TestPlatform.NOW.toString(), TestPlatform.NOW.plus(Duration.ofDays(365)).toString());
    }

    static ConsentTerms terms(String consentId, String subject) {
        return new ConsentTerms(consentId, subject, "BankMSP",
                List.of(new ConsentItem(DATASET, List.of("employer", "monthsPaid"))), PURPOSE, ConsentMode.VIEW,
                FetchType.PERIODIC, new Period(PeriodUnit.DAY, 5), 10L,
                new DataRange("2024-01-01T00:00:00Z", "2026-03-01T00:00:00Z"), new Period(PeriodUnit.DAY, 30),
                TestPlatform.NOW.toString(), TestPlatform.NOW.plus(Duration.ofDays(90)).toString());
    }

    /** The bank's signed request for data about {@code subject} under {@code consentId}, as JSON. */
    static String signedRequest(TestPlatform platform, String consentId, String subject) {
        AccessRequest request = new AccessRequest("BankMSP", subject, consentId, PURPOSE,
                List.of(new RequestedItem(DATASET, List.of("employer"))), null, TestPlatform.NOW.toString(),
                "n-" + UUID.randomUUID());
        String signature = Base64.getEncoder().encodeToString(platform.bank.client.sign(Json.canonicalBytes(request)));
        return Json.write(new SignedAccessRequest(request, platform.bank.client.certificatePem(), signature));
    }
}
