package org.qcchain.chaincode.model;

import java.util.List;

/**
 * A provider's approval (argument). Fields, purposes and end may narrow what was asked for; a
 * missing value keeps what the consumer asked for.
 */
public record AgreementApproval(
        String agreementId, List<String> fields, List<String> purposes, String validUntil, String note) {}
