package org.qcchain.common.answer;

import java.util.List;

/**
 * The records of one requested dataset. Empty when the provider holds no record of the subject;
 * the access record still shows the grant.
 */
public record AnswerItem(String datasetId, List<RecordEvidence> records) {
    public AnswerItem {
        records = records == null ? null : List.copyOf(records);
    }
}
