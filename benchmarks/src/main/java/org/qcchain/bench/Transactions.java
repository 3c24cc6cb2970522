package org.qcchain.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
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
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;
import org.qcchain.ledger.embedded.SignedProposal;

/**
 * The signed proposals of the benchmark, built as clients build them: real signatures, fresh
 * nonces, the current time. Times are relative to when the platform is set up, so consents and
 * agreements are in force and requests are fresh (the chaincode refuses requests older than 300 s).
 */
final class Transactions {

    static final String DATASET = "social.insurance.contributions";
    static final String AGREEMENT = "agr-bank-si-1";
    static final String PURPOSE = "LOAN_UNDERWRITING";
    /** Enough for every run of one invocation: each run uses each subject's consent once. */
    private static final long USES_PER_CONSENT = 1000;

    private final Platform platform;
    private final Instant start;
    private final boolean signedByTransaction;

    /**
     * @param signedByTransaction leave the bank's requests unsigned: the bank submits them itself,
     *     so its transaction signature covers them (one signature check per transaction, not two)
     */
    Transactions(Platform platform, Instant start, boolean signedByTransaction) {
        this.platform = platform;
        this.start = start;
        this.signedByTransaction = signedByTransaction;
    }

    /**
     * A proposal as it arrives from a client in another process: only its bytes and signature, so
     * the ledger checks the signature (one it had seen signed in its own process it would not).
     */
    SignedProposal proposal(Organisation caller, String function, String argument) {
        SignedProposal signed = SignedProposal.builder(caller.client(), caller.mspId()).channel(Platform.CHANNEL)
                .chaincode(Platform.CHAINCODE).function(function).arguments(argument).build();
        return SignedProposal.of(signed.proposalBytes(), signed.signature());
    }

    SignedProposal init() {
        return proposal(platform.bureau, "Organisations:init", Json.write(platform.bureau.registration()));
    }

    SignedProposal register(Organisation organisation) {
        return proposal(platform.bureau, "Organisations:registerOrganisation", Json.write(organisation.registration()));
    }

    SignedProposal dataset() {
        return proposal(platform.provider, "Catalogue:registerDataset", Json.write(new DatasetDefinition(DATASET,
                "社会保险缴费", "Social-insurance contributions", null, List.of(
                        new FieldSpec("employer", Classification.L2, null),
                        new FieldSpec("monthsPaid", Classification.L3, null)), "MONTHLY")));
    }

    SignedProposal requestAgreement() {
        return proposal(platform.bank, "Agreements:requestAgreement", Json.write(new AgreementProposal(AGREEMENT,
                DATASET, List.of("employer", "monthsPaid"), List.of(PURPOSE), start.minus(Duration.ofDays(1)).toString(),
                start.plus(Duration.ofDays(365)).toString())));
    }

    SignedProposal approveAgreement() {
        return proposal(platform.provider, "Agreements:approveAgreement",
                Json.write(new AgreementApproval(AGREEMENT, null, null, null, "approved for the benchmark")));
    }

    /** The citizen app records subject {@code index}'s consent for the bank. */
    SignedProposal consent(int index) {
        ConsentTerms terms = new ConsentTerms(consentId(index), subject(index), platform.bank.mspId(),
                List.of(new ConsentItem(DATASET, List.of("employer", "monthsPaid"))), PURPOSE, ConsentMode.VIEW,
                FetchType.PERIODIC, new Period(PeriodUnit.DAY, (int) USES_PER_CONSENT), USES_PER_CONSENT,
                new DataRange("2024-01-01T00:00:00Z", "2026-01-01T00:00:00Z"), new Period(PeriodUnit.DAY, 30),
                start.minus(Duration.ofDays(1)).toString(), start.plus(Duration.ofDays(90)).toString());
        return proposal(platform.citizenApp, "Consents:grantConsent", Json.write(new ConsentGrant(terms, null)));
    }

    /** The bank's signed request about subject {@code index}, inside the bank's signed proposal. */
    SignedProposal requestAccess(int index, String nonce) {
        AccessRequest request = new AccessRequest(platform.bank.mspId(), subject(index), consentId(index), PURPOSE,
                List.of(new RequestedItem(DATASET, List.of("employer"))), null, Instant.now().toString(), nonce);
        String signature = signedByTransaction ? ""
                : Base64.getEncoder().encodeToString(platform.bank.client().sign(Json.canonicalBytes(request)));
        return proposal(platform.bank, "Access:requestAccess",
                Json.write(new SignedAccessRequest(request, platform.bank.client().certificatePem(), signature)));
    }

    static String consentId(int index) {
        return "consent-" + index;
    }

    /** A pseudonym: 64 hex characters, as the platform's HMAC would give. */
    static String subject(int index) {
        return HexFormat.of().formatHex(CryptoSuite.P256_SHA256.hash(("subject-" + index).getBytes(UTF_8)));
    }
}
