package org.qcchain.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One page of the access trail: AccessRecord JSON objects in decision-time order, and the bookmark
 * of the next page (empty on the last).
 *
 * @param records the access records
 * @param bookmark pass to the next call; empty when there is no more
 */
public record AccessRecordPage(List<JsonNode> records, String bookmark) {

    /** Copies the list. */
    public AccessRecordPage {
        records = List.copyOf(records);
        bookmark = bookmark == null ? "" : bookmark;
    }

    /** @return whether another page follows */
    public boolean hasMore() {
        return !bookmark.isEmpty();
    }
}
