package org.qcchain.chaincode.model;

import java.util.List;

/**
 * The organisation-level right of a consumer to ask a provider for a dataset (供需对接).
 *
 * @param fields the approved fields (the requested ones while pending)
 * @param purposes the approved purposes (the requested ones while pending)
 */
public record Agreement(
        String agreementId,
        String consumerMspId,
        String providerMspId,
        String datasetId,
        List<String> requestedFields,
        List<String> requestedPurposes,
        List<String> fields,
        List<String> purposes,
        String validFrom,
        String validUntil,
        AgreementStatus status,
        String requestedAt,
        String updatedAt,
        String note) {

    public Agreement {
        requestedFields = List.copyOf(requestedFields);
        requestedPurposes = List.copyOf(requestedPurposes);
        fields = List.copyOf(fields);
        purposes = List.copyOf(purposes);
    }

    public boolean involves(String mspId) {
        return consumerMspId.equals(mspId) || providerMspId.equals(mspId);
    }

    public Agreement approved(List<String> approvedFields, List<String> approvedPurposes, String until, String at,
            String approvalNote) {
        return new Agreement(agreementId, consumerMspId, providerMspId, datasetId, requestedFields, requestedPurposes,
                approvedFields, approvedPurposes, validFrom, until, AgreementStatus.ACTIVE, requestedAt, at,
                approvalNote);
    }

    public Agreement withStatus(AgreementStatus newStatus, String at, String reason) {
        return new Agreement(agreementId, consumerMspId, providerMspId, datasetId, requestedFields, requestedPurposes,
                fields, purposes, validFrom, validUntil, newStatus, requestedAt, at, reason);
    }
}
