package org.qcchain.chaincode.model;

/** A count of a unit: a consent's frequency cap ("4 per MONTH") or data life ("6 MONTH"). */
public record Period(PeriodUnit unit, long value) {}
