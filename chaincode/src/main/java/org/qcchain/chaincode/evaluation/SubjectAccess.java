package org.qcchain.chaincode.evaluation;

import java.util.HashSet;
import java.util.Set;
import org.qcchain.chaincode.model.AccessRequest;
import org.qcchain.chaincode.model.Dataset;
import org.qcchain.chaincode.model.Organisation;
import org.qcchain.chaincode.model.RequestedItem;
import org.qcchain.chaincode.model.Role;
import org.qcchain.chaincode.store.DatasetStore;
import org.qcchain.chaincode.support.ContractErrors;
import org.qcchain.common.error.ErrorCode;

/**
 * The self-access path (数字保险箱, the citizen's digital safe-box): a data subject reads their own
 * records through their identity provider. The subject is the requester, so there is no consent to
 * check and no agreement to hold; what replaces them is the identity provider's signature over the
 * request, its attestation that it authenticated the subject (docs/security.md). Everything else
 * of a data request still applies: the signer, freshness and replay, and an active catalogue entry
 * with the requested fields. The access is decided and recorded like any other, so it appears in
 * the subject's own trail.
 *
 * <p>For this purpose the request's {@code consentId} carries the identity provider's reference of
 * the authentication in which the subject asked (e.g. its session id); it is recorded, never looked
 * up as a consent.
 */
final class SubjectAccess {

    /** The purpose reserved for a subject's access to their own records. */
    static final String PURPOSE = "SUBJECT_ACCESS";

    private SubjectAccess() {}

    /** Whether the request takes this path. */
    static boolean applies(AccessRequest request) {
        return PURPOSE.equals(request.purpose());
    }

    /** Only an identity provider asks for a subject; anyone else is denied, and recorded. */
    static void requireIdentityProvider(Organisation requester) {
        if (!requester.hasRole(Role.IDENTITY_PROVIDER)) {
            throw ContractErrors.error(ErrorCode.SUBJECT_ACCESS_NOT_ALLOWED, "purpose " + PURPOSE
                    + " is reserved for a subject's identity provider; '" + requester.mspId()
                    + "' is not one and needs the subject's consent and an agreement");
        }
    }

    /** Every dataset is in the catalogue, active, and has every requested field. */
    static void requireDatasets(DatasetStore datasets, AccessRequest request) {
        for (RequestedItem item : request.items()) {
            Dataset dataset = datasets.requireActive(item.datasetId());
            Set<String> known = new HashSet<>(dataset.fieldNames());
            for (String field : item.fields()) {
                if (!known.contains(field)) {
                    throw ContractErrors.error(ErrorCode.FIELD_NOT_COVERED, "dataset '" + dataset.id()
                            + "' has no field '" + field + "'");
                }
            }
        }
    }
}
