package org.qcchain.chaincode.model;

import com.fasterxml.jackson.databind.JsonNode;

/** One version of a record from the key history, newest first. {@code value} is null for a deletion. */
public record HistoryEntryView(String txId, String timestamp, boolean deleted, JsonNode value) {}
