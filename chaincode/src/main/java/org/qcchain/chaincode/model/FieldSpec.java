package org.qcchain.chaincode.model;

/** One field of a dataset with its classification level. */
public record FieldSpec(String name, Classification level, String description) {}
