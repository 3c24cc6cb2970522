package org.qcchain.chaincode.model;

/** The period of the data itself (e.g. contributions from January to June), ISO-8601 instants. */
public record DataRange(String from, String to) {}
