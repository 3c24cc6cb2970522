package org.qcchain.chaincode.evaluation;

import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.Set;
import org.qcchain.chaincode.access.CertificateTrust;
import org.qcchain.chaincode.model.AccessRequest;
import org.qcchain.chaincode.model.DataRange;
import org.qcchain.chaincode.model.RequestedItem;
import org.qcchain.chaincode.model.SignedAccessRequest;
import org.qcchain.chaincode.support.Check;
import org.qcchain.chaincode.support.ContractErrors;

/**
 * The shape of a signed data request. A request that fails here cannot be attributed or recorded
 * meaningfully and ends the transaction with INVALID_ARGUMENT; everything after this point is a
 * decision, and is recorded whether it grants or denies.
 */
public final class RequestValidation {
    /** Datasets one request may ask for at once. */
    public static final int MAX_ITEMS = 16;
    private static final int MAX_FIELDS = 128;

    private RequestValidation() {}

    /** Checks the request and returns the parsed signer certificate. */
    public static X509Certificate validate(SignedAccessRequest signed) {
        AccessRequest request = Check.present("request", signed.request());
        Check.matches("request.consumerMspId", request.consumerMspId(), Check.MSP_ID);
        Check.matches("request.subject", request.subject(), Check.PSEUDONYM);
        Check.matches("request.consentId", request.consentId(), Check.RECORD_ID);
        Check.matches("request.purpose", request.purpose(), Check.CODE);
        Check.matches("request.nonce", request.nonce(), Check.RECORD_ID);
        if (request.nonce().length() < 8) {
            throw ContractErrors.invalid("request.nonce must have at least 8 characters");
        }
        Check.instant("request.timestamp", request.timestamp());
        Check.nonEmpty("request.items", request.items(), MAX_ITEMS);
        Set<String> datasets = new HashSet<>();
        for (int i = 0; i < request.items().size(); i++) {
            RequestedItem item = request.items().get(i);
            String field = "request.items[" + i + "]";
            Check.matches(field + ".datasetId", item.datasetId(), Check.DATASET_ID);
            if (!datasets.add(item.datasetId())) {
                throw ContractErrors.invalid("request.items names dataset '" + item.datasetId() + "' twice");
            }
            Check.distinct(field + ".fields", item.fields(), Check.FIELD_NAME, MAX_FIELDS);
        }
        validateRange("request.dataRange", request.dataRange());
        return CertificateTrust.parse("certificate", signed.certificate());
    }

    static void validateRange(String field, DataRange range) {
        if (range == null) {
            return;
        }
        Check.before(field + ".from", Check.instant(field + ".from", range.from()),
                field + ".to", Check.instant(field + ".to", range.to()));
    }
}
