package org.qcchain.chaincode;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.qcchain.chaincode.model.AccessRecord;
import org.qcchain.chaincode.model.AccessRequest;
import org.qcchain.chaincode.model.AgreementApproval;
import org.qcchain.chaincode.model.AgreementProposal;
import org.qcchain.chaincode.model.Classification;
import org.qcchain.chaincode.model.ConsentGrant;
import org.qcchain.chaincode.model.ConsentItem;
import org.qcchain.chaincode.model.ConsentMode;
import org.qcchain.chaincode.model.ConsentStatusChange;
import org.qcchain.chaincode.model.ConsentTerms;
import org.qcchain.chaincode.model.DataRange;
import org.qcchain.chaincode.model.DatasetDefinition;
import org.qcchain.chaincode.model.FetchType;
import org.qcchain.chaincode.model.FieldSpec;
import org.qcchain.chaincode.model.Period;
import org.qcchain.chaincode.model.PeriodUnit;
import org.qcchain.chaincode.model.RequestedItem;
import org.qcchain.chaincode.model.SignedAccessRequest;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.json.Json;

/**
 * The data-request scenario the platform exists for, step by step: a social-insurance dataset, a
 * bank's approved agreement for it, a subject's consent, and signed requests. Tests change one
 * step to see one check fail.
 */
final class Scenario {
    static final String DATASET = "social.insurance.contributions";
    static final String VEHICLES = "vehicle.registration";
    static final String PURPOSE = "LOAN_UNDERWRITING";
    static final String SUBJECT = "3f1b6a8e2c9d4f7a0b5e1c3d9a7f2e6b4c8d0a1f3e5b7c9d2a4f6e8b0c1d3e5f";
    static final String OTHER_SUBJECT = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d";
    static final String AGREEMENT = "agr-bank-si-1";
    static final String CONSENT = "consent-0001";

    final TestNetwork net;

    Scenario(TestNetwork net) {
        this.net = net;
    }

    static DatasetDefinition socialInsuranceDefinition() {
        return new DatasetDefinition(DATASET, "社会保险缴费", "Social-insurance contributions",
                "Monthly contributions per insured person", List.of(
                        new FieldSpec("employer", Classification.L2, "employer name"),
                        new FieldSpec("monthlyBase", Classification.L3, "contribution base"),
                        new FieldSpec("monthsPaid", Classification.L3, "months paid in the last 24"),
                        new FieldSpec("medicalRecord", Classification.L4, "never shared for loans")),
                "MONTHLY");
    }

    static DatasetDefinition vehicleDefinition() {
        return new DatasetDefinition(VEHICLES, "机动车登记", "Motor-vehicle registration", null, List.of(
                new FieldSpec("plate", Classification.L3, null),
                new FieldSpec("model", Classification.L2, null),
                new FieldSpec("registeredOn", Classification.L2, null)), "DAILY");
    }

    Scenario registerDatasets() {
        net.submit(net.socialInsurance, "Catalogue:registerDataset", Json.write(socialInsuranceDefinition()))
                .assertCommitted();
        net.submit(net.vehicleAdmin, "Catalogue:registerDataset", Json.write(vehicleDefinition())).assertCommitted();
        return this;
    }

    static AgreementProposal proposal(String id) {
        return new AgreementProposal(id, DATASET, List.of("employer", "monthlyBase", "monthsPaid"),
                List.of(PURPOSE, "CREDIT_MONITORING"), TestNetwork.START.toString(),
                TestNetwork.START.plus(Duration.ofDays(365)).toString());
    }

    Scenario approveAgreement() {
        net.submit(net.bank, "Agreements:requestAgreement", Json.write(proposal(AGREEMENT))).assertCommitted();
        net.submit(net.socialInsurance, "Agreements:approveAgreement",
                Json.write(new AgreementApproval(AGREEMENT, null, null, null, "ok"))).assertCommitted();
        return this;
    }

    static ConsentTerms terms(String consentId, FetchType fetchType, Period frequency, Long maxUses) {
        return new ConsentTerms(consentId, SUBJECT, "BankMSP",
                List.of(new ConsentItem(DATASET, List.of("employer", "monthlyBase", "monthsPaid"))), PURPOSE,
                ConsentMode.VIEW, fetchType, frequency, maxUses,
                new DataRange("2024-01-01T00:00:00Z", "2026-03-01T00:00:00Z"), new Period(PeriodUnit.DAY, 30),
                TestNetwork.START.toString(), TestNetwork.START.plus(Duration.ofDays(90)).toString());
    }

    static ConsentTerms periodicTerms(String consentId) {
        return terms(consentId, FetchType.PERIODIC, new Period(PeriodUnit.DAY, 2), 10L);
    }

    Scenario grantConsent(ConsentTerms terms) {
        net.submit(net.citizenApp, "Consents:grantConsent", Json.write(new ConsentGrant(terms, null)))
                .assertCommitted();
        return this;
    }

    Scenario grantConsent() {
        return grantConsent(periodicTerms(CONSENT));
    }

    /** Everything in place for a bank request that is granted. */
    static Scenario ready(TestNetwork net) {
        return new Scenario(net).registerDatasets().approveAgreement().grantConsent();
    }

    TestNetwork.Outcome revoke(String consentId) {
        return net.submit(net.citizenApp, "Consents:revokeConsent", Json.write(new ConsentStatusChange(consentId, "user")));
    }

    static AccessRequest request(String consentId, List<String> fields) {
        return new AccessRequest("BankMSP", SUBJECT, consentId, PURPOSE,
                List.of(new RequestedItem(DATASET, fields)), null, null, null);
    }

    AccessRequest stamped(AccessRequest request) {
        return stamped(request, net.now());
    }

    static AccessRequest stamped(AccessRequest request, Instant at) {
        return new AccessRequest(request.consumerMspId(), request.subject(), request.consentId(), request.purpose(),
                request.items(), request.dataRange(), at.toString(), "n-" + UUID.randomUUID());
    }

    static SignedAccessRequest sign(AccessRequest request, Identity signer) {
        String signature = Base64.getEncoder().encodeToString(signer.sign(Json.canonicalBytes(request)));
        return new SignedAccessRequest(request, signer.certificatePem(), signature);
    }

    TestNetwork.Outcome submitRequest(Member submitter, SignedAccessRequest signed) {
        return net.submit(submitter, "Access:requestAccess", Json.write(signed));
    }

    /** The bank signs and submits a fresh request for the default fields of the default consent. */
    AccessRecord bankRequests() {
        return bankRequests(request(CONSENT, List.of("employer", "monthsPaid")));
    }

    AccessRecord bankRequests(AccessRequest request) {
        TestNetwork.Outcome outcome = submitRequest(net.bank, sign(stamped(request), net.bank.client));
        outcome.assertCommitted();
        return outcome.as(AccessRecord.class);
    }
}
