package org.qcchain.chaincode.model;

/** The submitter's note that it delivered an answer for a granted request (argument). */
public record DeliveryReceipt(String accessId, String answerHash) {}
