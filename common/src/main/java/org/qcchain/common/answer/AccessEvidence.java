package org.qcchain.common.answer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The access record of the request, as the chaincode returned it, with the evidence that the
 * transaction that wrote it is on the ledger.
 */
public record AccessEvidence(JsonNode record, TransactionEvidence evidence) {}
