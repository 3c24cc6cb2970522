package org.qcchain.chaincode.model;

import java.util.List;

/**
 * One page of a list.
 *
 * @param bookmark pass it back to read the next page; empty when this is the last page
 */
public record Page<T>(List<T> records, String bookmark, int fetched) {
    public Page {
        records = List.copyOf(records);
    }
}
