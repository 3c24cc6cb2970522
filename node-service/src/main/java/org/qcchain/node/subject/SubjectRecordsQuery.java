package org.qcchain.node.subject;

import org.qcchain.chaincode.model.SignedAccessRequest;

/**
 * The body of {@code POST /v1/subjects/records}: the subject's identifier, and the identity
 * provider's signed self-access request (purpose {@code SUBJECT_ACCESS}) whose {@code subject} must
 * be that identifier's pseudonym.
 *
 * @param identifier the subject's identifier
 * @param signedRequest the identity provider's signed request, as the chaincode takes it
 */
public record SubjectRecordsQuery(SubjectIdentifier identifier, SignedAccessRequest signedRequest) {}
