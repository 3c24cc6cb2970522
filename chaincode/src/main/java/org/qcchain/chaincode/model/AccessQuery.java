package org.qcchain.chaincode.model;

/**
 * A page of the access trail (argument).
 *
 * @param scope whose trail: ALL (auditors), CONSUMER, PROVIDER or SUBJECT
 * @param party the consumer or provider MSP id, or the subject pseudonym; unused for ALL
 * @param from inclusive lower bound on the decision time, ISO-8601; optional
 * @param to exclusive upper bound on the decision time, ISO-8601; optional
 */
public record AccessQuery(AccessScope scope, String party, String from, String to, Integer pageSize, String bookmark) {}
