package org.qcchain.chaincode.consent;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.qcchain.chaincode.access.CertificateTrust;
import org.qcchain.chaincode.model.ConsentItem;
import org.qcchain.chaincode.model.ConsentTerms;
import org.qcchain.chaincode.model.Dataset;
import org.qcchain.chaincode.model.FetchType;
import org.qcchain.chaincode.model.Organisation;
import org.qcchain.chaincode.model.Period;
import org.qcchain.chaincode.model.PeriodUnit;
import org.qcchain.chaincode.model.Role;
import org.qcchain.chaincode.model.SubjectSignature;
import org.qcchain.chaincode.store.Stores;
import org.qcchain.chaincode.support.Check;
import org.qcchain.chaincode.support.ContractErrors;
import org.qcchain.common.crypto.Certificates;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.common.json.Json;

/**
 * The rules a consent must meet before it is recorded: well-formed terms, a registered consumer,
 * active datasets and existing fields, a coherent use model, and, when the subject signed, a
 * signature by a certificate that the identity provider issued to that very pseudonym.
 */
public final class ConsentValidation {
    private static final int MAX_ITEMS = 16;
    private static final int MAX_FIELDS = 128;
    private static final long MAX_USES = 1_000_000L;

    private final Stores stores;
    private final Instant now;

    public ConsentValidation(Stores stores, Instant now) {
        this.stores = stores;
        this.now = now;
    }

    public void validate(ConsentTerms terms) {
        Check.matches("terms.consentId", terms.consentId(), Check.RECORD_ID);
        Check.matches("terms.subject", terms.subject(), Check.PSEUDONYM);
        Check.matches("terms.consumerMspId", terms.consumerMspId(), Check.MSP_ID);
        Check.matches("terms.purpose", terms.purpose(), Check.CODE);
        ReservedPurposes.requireGrantable("terms.purpose", terms.purpose());
        Check.present("terms.mode", terms.mode());
        Instant from = Check.instant("terms.validFrom", terms.validFrom());
        Instant until = Check.instant("terms.validUntil", terms.validUntil());
        Check.before("terms.validFrom", from, "terms.validUntil", until);
        Check.before("the transaction time", now, "terms.validUntil", until);
        validateUses(terms);
        validateDataLife(terms.dataLife());
        if (terms.dataRange() != null) {
            Check.before("terms.dataRange.from", Check.instant("terms.dataRange.from", terms.dataRange().from()),
                    "terms.dataRange.to", Check.instant("terms.dataRange.to", terms.dataRange().to()));
        }
        stores.organisations().find(terms.consumerMspId())
                .filter(o -> o.hasRole(Role.CONSUMER))
                .orElseThrow(() -> ContractErrors.invalid("terms.consumerMspId '" + terms.consumerMspId()
                        + "' is not a registered consumer"));
        validateItems(terms);
    }

    private static void validateUses(ConsentTerms terms) {
        FetchType fetchType = Check.present("terms.fetchType", terms.fetchType());
        if (terms.maxUses() != null) {
            Check.positive("terms.maxUses", terms.maxUses(), MAX_USES);
        }
        if (fetchType == FetchType.ONE_TIME) {
            if (terms.frequency() != null || (terms.maxUses() != null && terms.maxUses() != 1)) {
                throw ContractErrors.invalid("a ONE_TIME consent has no frequency and at most one use");
            }
            return;
        }
        Period frequency = Check.present("terms.frequency (required for PERIODIC)", terms.frequency());
        if (Check.present("terms.frequency.unit", frequency.unit()) == PeriodUnit.INF) {
            throw ContractErrors.invalid("terms.frequency.unit must be HOUR, DAY, MONTH or YEAR");
        }
        Check.positive("terms.frequency.value", frequency.value(), MAX_USES);
    }

    private static void validateDataLife(Period dataLife) {
        Check.present("terms.dataLife", dataLife);
        PeriodUnit unit = Check.present("terms.dataLife.unit", dataLife.unit());
        if (unit != PeriodUnit.INF) {
            Check.positive("terms.dataLife.value", dataLife.value(), 100_000);
        }
    }

    private void validateItems(ConsentTerms terms) {
        Check.nonEmpty("terms.items", terms.items(), MAX_ITEMS);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < terms.items().size(); i++) {
            ConsentItem item = terms.items().get(i);
            String field = "terms.items[" + i + "]";
            Check.matches(field + ".datasetId", item.datasetId(), Check.DATASET_ID);
            if (!seen.add(item.datasetId())) {
                throw ContractErrors.invalid("terms.items names dataset '" + item.datasetId() + "' twice");
            }
            Check.distinct(field + ".fields", item.fields(), Check.FIELD_NAME, MAX_FIELDS);
            Dataset dataset = stores.datasets().requireActive(item.datasetId());
            Check.subset(field + ".fields", item.fields(), dataset.fieldNames(), "dataset '" + dataset.id() + "'");
        }
    }

    /**
     * The subject's certificate must come from the identity provider's CA, be valid now, carry the
     * subject's pseudonym as its common name, and have signed the canonical JSON of the terms.
     */
    public static void verifySubjectSignature(Organisation identityProvider, ConsentTerms terms,
            SubjectSignature signature, Instant now) {
        X509Certificate certificate = CertificateTrust.requireIssuedBy(identityProvider,
                Check.present("subjectSignature.certificate", signature.certificate()), now);
        if (!Certificates.commonName(certificate).equals(terms.subject())) {
            throw ContractErrors.error(ErrorCode.BAD_SIGNATURE,
                    "the subject's certificate was issued to another pseudonym");
        }
        CertificateTrust.requireSignature(certificate, Json.canonicalBytes(terms), signature.signature());
    }
}
