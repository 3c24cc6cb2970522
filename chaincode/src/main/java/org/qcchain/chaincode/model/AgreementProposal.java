package org.qcchain.chaincode.model;

import java.util.List;

/** A consumer's request for an agreement (argument). Times are ISO-8601 instants. */
public record AgreementProposal(
        String agreementId,
        String datasetId,
        List<String> fields,
        List<String> purposes,
        String validFrom,
        String validUntil) {}
