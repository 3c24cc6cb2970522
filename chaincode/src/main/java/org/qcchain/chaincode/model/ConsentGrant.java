package org.qcchain.chaincode.model;

/** An identity provider's request to record a consent (argument). The subject's signature is optional. */
public record ConsentGrant(ConsentTerms terms, SubjectSignature subjectSignature) {}
