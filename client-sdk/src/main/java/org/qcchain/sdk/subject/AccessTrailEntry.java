package org.qcchain.sdk.subject;

import com.fasterxml.jackson.databind.JsonNode;
import org.qcchain.common.answer.TransactionEvidence;

/**
 * One entry of a subject's access trail as the node serves it: the access record as stored, the
 * evidence of the transaction that decided it, and the consumer's registered name for display.
 * Nothing here is trusted until {@link AccessTrailVerifier} has checked it.
 *
 * @param record the chaincode's AccessRecord, as JSON
 * @param evidence the evidence that the {@code requestAccess} transaction {@code record.accessId}
 *     is valid on the ledger
 * @param consumerName the consumer organisation's display name, as the node read it from the ledger
 */
public record AccessTrailEntry(JsonNode record, TransactionEvidence evidence, String consumerName) {}
