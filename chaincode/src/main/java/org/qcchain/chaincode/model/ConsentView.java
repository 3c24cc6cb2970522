package org.qcchain.chaincode.model;

/** A consent as read back: the record, its usage, and whether it is in force at the read time. */
public record ConsentView(Consent consent, ConsentUsage usage, boolean inForce) {}
