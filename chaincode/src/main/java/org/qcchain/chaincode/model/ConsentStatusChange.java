package org.qcchain.chaincode.model;

/** A subject's pause, resume or revocation, relayed by the identity provider (argument). */
public record ConsentStatusChange(String consentId, String reason) {}
