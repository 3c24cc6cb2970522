package org.qcchain.chaincode.evaluation;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.qcchain.chaincode.access.CertificateTrust;
import org.qcchain.chaincode.model.AccessItem;
import org.qcchain.chaincode.model.AccessRequest;
import org.qcchain.chaincode.model.Agreement;
import org.qcchain.chaincode.model.AgreementStatus;
import org.qcchain.chaincode.model.Consent;
import org.qcchain.chaincode.model.ConsentItem;
import org.qcchain.chaincode.model.ConsentStatus;
import org.qcchain.chaincode.model.ConsentTerms;
import org.qcchain.chaincode.model.ConsentUsage;
import org.qcchain.chaincode.model.DataRange;
import org.qcchain.chaincode.model.Dataset;
import org.qcchain.chaincode.model.Decision;
import org.qcchain.chaincode.model.FetchType;
import org.qcchain.chaincode.model.Organisation;
import org.qcchain.chaincode.model.RequestedItem;
import org.qcchain.chaincode.model.Role;
import org.qcchain.chaincode.model.SignedAccessRequest;
import org.qcchain.chaincode.store.AgreementStore;
import org.qcchain.chaincode.store.ConsentStore;
import org.qcchain.chaincode.store.DatasetStore;
import org.qcchain.chaincode.store.NonceStore;
import org.qcchain.chaincode.store.OrganisationStore;
import org.qcchain.chaincode.support.ContractErrors;
import org.qcchain.common.crypto.Certificates;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.time.IsoInstant;

/**
 * Decides a data request. The checks run in a fixed order and the first that fails is the reason
 * of the denial: who asks (organisation, certificate, signature), whether the request is fresh
 * (timestamp, nonce), the consent, then per dataset the catalogue, the consent's coverage and the
 * agreement, then the data range and the consent's use limits. The evaluator only reads; the
 * contract writes the outcome.
 *
 * <p>A request for the purpose {@code SUBJECT_ACCESS} takes the self-access path instead ({@link
 * SubjectAccess}): the requester must be an identity provider, and consent and agreement are not
 * asked for, because the subject is the one asking.
 */
public final class AccessEvaluator {
    private final OrganisationStore organisations;
    private final DatasetStore datasets;
    private final AgreementStore agreements;
    private final ConsentStore consents;
    private final NonceStore nonces;
    private final Instant now;
    private final Duration maxSkew;

    public AccessEvaluator(OrganisationStore organisations, DatasetStore datasets, AgreementStore agreements,
            ConsentStore consents, NonceStore nonces, Instant now, Duration maxSkew) {
        this.organisations = organisations;
        this.datasets = datasets;
        this.agreements = agreements;
        this.consents = consents;
        this.nonces = nonces;
        this.now = now;
        this.maxSkew = maxSkew;
    }

    /**
     * Evaluates a structurally valid request (see {@link RequestValidation}).
     *
     * @param certificate the parsed certificate of the signed request
     * @param signedBytes the canonical JSON of the request, which the signature covers
     * @param accessId the id the access record will have, noted as the consent's last use
     * @param signedByTransaction the transaction's creator signature authenticates the request
     *     ({@link TransactionSignature}): its own signature is not checked
     */
    public Evaluation evaluate(SignedAccessRequest signed, X509Certificate certificate, byte[] signedBytes,
            String accessId, boolean signedByTransaction) {
        AccessRequest request = signed.request();
        Progress progress = new Progress(resolveItems(request), Certificates.fingerprint(certificate));
        try {
            if (SubjectAccess.applies(request)) {
                return evaluateSubjectAccess(signed, certificate, signedBytes, signedByTransaction, progress);
            }
            checkSigner(signed, certificate, signedBytes, signedByTransaction);
            progress.signatureVerified = true;
            checkFreshness(request);
            Consent consent = consents.require(request.consentId());
            progress.consent = Optional.of(consent);
            checkConsent(consent, request);
            checkItems(consent.terms(), request);
            checkDataRange(consent.terms(), request.dataRange());
            ConsentUsage usage = checkUses(consent.terms());
            long window = windowOf(consent.terms());
            return progress.granted(usage.usedOnce(IsoInstant.format(now), accessId, window));
        } catch (ChaincodeException denial) {
            return progress.denied(ContractErrors.codeOf(denial), ContractErrors.reasonOf(denial));
        }
    }

    /**
     * A subject reading their own records through their identity provider ({@link SubjectAccess}):
     * signer, freshness, role and the catalogue; no consent, no agreement, no use spent.
     */
    private Evaluation evaluateSubjectAccess(SignedAccessRequest signed, X509Certificate certificate,
            byte[] signedBytes, boolean signedByTransaction, Progress progress) {
        AccessRequest request = signed.request();
        Organisation requester = organisations.find(request.consumerMspId())
                .orElseThrow(() -> ContractErrors.error(ErrorCode.ORGANISATION_NOT_REGISTERED,
                        "'" + request.consumerMspId() + "' is not a registered organisation"));
        CertificateTrust.requireIssuedBy(requester, certificate, now);
        if (!signedByTransaction) {
            CertificateTrust.requireSignature(certificate, signedBytes, signed.signature());
        }
        progress.signatureVerified = true;
        checkFreshness(request);
        SubjectAccess.requireIdentityProvider(requester);
        SubjectAccess.requireDatasets(datasets, request);
        return progress.granted(null);
    }

    private List<AccessItem> resolveItems(AccessRequest request) {
        List<AccessItem> items = new ArrayList<>();
        for (RequestedItem item : request.items()) {
            Optional<Dataset> dataset = datasets.find(item.datasetId());
            String agreementId = agreements.inForce(request.consumerMspId(), item.datasetId()).orElse(null);
            items.add(new AccessItem(item.datasetId(), dataset.map(Dataset::providerMspId).orElse(null),
                    item.fields(), agreementId));
        }
        return items;
    }

    private void checkSigner(SignedAccessRequest signed, X509Certificate certificate, byte[] signedBytes,
            boolean signedByTransaction) {
        Organisation consumer = organisations.find(signed.request().consumerMspId())
                .filter(o -> o.hasRole(Role.CONSUMER))
                .orElseThrow(() -> ContractErrors.error(ErrorCode.ORGANISATION_NOT_REGISTERED,
                        "'" + signed.request().consumerMspId() + "' is not a registered consumer"));
        CertificateTrust.requireIssuedBy(consumer, certificate, now);
        if (!signedByTransaction) {
            CertificateTrust.requireSignature(certificate, signedBytes, signed.signature());
        }
    }

    private void checkFreshness(AccessRequest request) {
        Instant signedAt = IsoInstant.parse(request.timestamp());
        if (Duration.between(signedAt, now).abs().compareTo(maxSkew) > 0) {
            throw ContractErrors.error(ErrorCode.REQUEST_STALE, "the request was signed at " + signedAt
                    + ", more than " + maxSkew.toSeconds() + " s from the transaction time " + now);
        }
        if (nonces.used(request.consumerMspId(), request.nonce())) {
            throw ContractErrors.error(ErrorCode.REQUEST_REPLAYED, "nonce '" + request.nonce()
                    + "' was used before by '" + request.consumerMspId() + "'");
        }
    }

    private void checkConsent(Consent consent, AccessRequest request) {
        ConsentTerms terms = consent.terms();
        if (!terms.consumerMspId().equals(request.consumerMspId())) {
            throw ContractErrors.error(ErrorCode.CONSENT_MISMATCH, "consent '" + terms.consentId()
                    + "' was given to another consumer");
        }
        if (!terms.subject().equals(request.subject())) {
            throw ContractErrors.error(ErrorCode.CONSENT_MISMATCH, "consent '" + terms.consentId()
                    + "' was given by another subject");
        }
        if (consent.status() == ConsentStatus.REVOKED) {
            throw ContractErrors.error(ErrorCode.CONSENT_REVOKED, "consent '" + terms.consentId()
                    + "' was revoked at " + consent.updatedAt());
        }
        if (consent.status() == ConsentStatus.PAUSED) {
            throw ContractErrors.error(ErrorCode.CONSENT_PAUSED, "consent '" + terms.consentId() + "' is paused");
        }
        if (now.isBefore(IsoInstant.parse(terms.validFrom()))) {
            throw ContractErrors.error(ErrorCode.CONSENT_NOT_YET_VALID, "consent '" + terms.consentId()
                    + "' is valid from " + terms.validFrom());
        }
        if (!now.isBefore(IsoInstant.parse(terms.validUntil()))) {
            throw ContractErrors.error(ErrorCode.CONSENT_EXPIRED, "consent '" + terms.consentId()
                    + "' expired at " + terms.validUntil());
        }
        if (!terms.purpose().equals(request.purpose())) {
            throw ContractErrors.error(ErrorCode.CONSENT_MISMATCH, "consent '" + terms.consentId()
                    + "' was given for purpose " + terms.purpose() + ", not " + request.purpose());
        }
    }

    private void checkItems(ConsentTerms terms, AccessRequest request) {
        for (RequestedItem item : request.items()) {
            Dataset dataset = datasets.requireActive(item.datasetId());
            ConsentItem covered = terms.item(item.datasetId()).orElseThrow(() -> ContractErrors.error(
                    ErrorCode.FIELD_NOT_COVERED, "the consent does not cover dataset '" + item.datasetId() + "'"));
            requireCovered(item, new HashSet<>(covered.fields()), "the consent");
            checkAgreement(dataset, item, request);
        }
    }

    private void checkAgreement(Dataset dataset, RequestedItem item, AccessRequest request) {
        String agreementId = agreements.inForce(request.consumerMspId(), dataset.id()).orElseThrow(() ->
                ContractErrors.error(ErrorCode.AGREEMENT_NOT_FOUND, "'" + request.consumerMspId()
                        + "' has no agreement in force for dataset '" + dataset.id() + "'"));
        Agreement agreement = agreements.require(agreementId);
        if (agreement.status() != AgreementStatus.ACTIVE) {
            throw ContractErrors.error(ErrorCode.AGREEMENT_NOT_ACTIVE, "agreement '" + agreementId + "' is "
                    + agreement.status());
        }
        if (now.isBefore(IsoInstant.parse(agreement.validFrom())) || !now.isBefore(IsoInstant.parse(agreement.validUntil()))) {
            throw ContractErrors.error(ErrorCode.AGREEMENT_EXPIRED, "agreement '" + agreementId + "' runs from "
                    + agreement.validFrom() + " to " + agreement.validUntil());
        }
        if (!agreement.purposes().contains(request.purpose())) {
            throw ContractErrors.error(ErrorCode.PURPOSE_NOT_ALLOWED, "agreement '" + agreementId
                    + "' does not allow purpose " + request.purpose());
        }
        requireCovered(item, new HashSet<>(agreement.fields()), "agreement '" + agreementId + "'");
    }

    private static void requireCovered(RequestedItem item, java.util.Set<String> allowed, String by) {
        for (String field : item.fields()) {
            if (!allowed.contains(field)) {
                throw ContractErrors.error(ErrorCode.FIELD_NOT_COVERED, "field '" + field + "' of dataset '"
                        + item.datasetId() + "' is not covered by " + by);
            }
        }
    }

    private static void checkDataRange(ConsentTerms terms, DataRange requested) {
        if (requested == null || terms.dataRange() == null) {
            return;
        }
        Instant from = IsoInstant.parse(requested.from());
        Instant to = IsoInstant.parse(requested.to());
        if (from.isBefore(IsoInstant.parse(terms.dataRange().from())) || to.isAfter(IsoInstant.parse(terms.dataRange().to()))) {
            throw ContractErrors.error(ErrorCode.DATA_RANGE_NOT_COVERED, "the consent covers data from "
                    + terms.dataRange().from() + " to " + terms.dataRange().to());
        }
    }

    private ConsentUsage checkUses(ConsentTerms terms) {
        ConsentUsage usage = consents.usage(terms.consentId());
        Optional<Long> limit = terms.useLimit();
        if (limit.isPresent() && usage.uses() >= limit.get()) {
            throw ContractErrors.error(ErrorCode.CONSENT_EXHAUSTED, "consent '" + terms.consentId()
                    + "' allowed " + limit.get() + " use(s), all spent");
        }
        if (terms.fetchType() == FetchType.PERIODIC && terms.frequency() != null) {
            long window = terms.frequency().unit().windowIndex(now);
            if (usage.usesInWindow(window) >= terms.frequency().value()) {
                throw ContractErrors.error(ErrorCode.CONSENT_FREQUENCY_EXCEEDED, "consent '" + terms.consentId()
                        + "' allows " + terms.frequency().value() + " use(s) per " + terms.frequency().unit());
            }
        }
        return usage;
    }

    private long windowOf(ConsentTerms terms) {
        return terms.frequency() == null ? 0 : terms.frequency().unit().windowIndex(now);
    }

    /** What is known about the request so far, so that a denial records as much as was learnt. */
    private static final class Progress {
        private final List<AccessItem> items;
        private Optional<Consent> consent = Optional.empty();
        private final String fingerprint;
        private boolean signatureVerified;

        Progress(List<AccessItem> items, String fingerprint) {
            this.items = items;
            this.fingerprint = fingerprint;
        }

        /** A grant; {@code usageAfter} is null when no consent was used (subject access). */
        Evaluation granted(ConsentUsage usageAfter) {
            return new Evaluation(Decision.GRANTED, null, null, items, consent, Optional.ofNullable(usageAfter),
                    signatureVerified, fingerprint);
        }

        Evaluation denied(ErrorCode reason, String message) {
            return new Evaluation(Decision.DENIED, reason, message, items, consent, Optional.empty(),
                    signatureVerified, fingerprint);
        }
    }
}
