package org.qcchain.sdk.audit;

import java.time.Instant;
import java.util.List;

/**
 * One rule's state over the trail. The detector calls {@link #advance} with each record's time
 * before {@link #observe} with the record itself, so a tracker closes what can no longer grow as
 * soon as the trail's time has moved past it, and keeps nothing older than its window.
 */
interface RuleTracker {

    /**
     * The trail has reached {@code now}: close and drop what no later record can extend.
     *
     * @param now the decision time of the next record
     * @param closed where complete findings go
     */
    void advance(Instant now, List<Finding> closed);

    /**
     * @param event the next record, in decision-time order
     * @param closed where findings this record ends go
     */
    void observe(AccessEvent event, List<Finding> closed);

    /** @param closed where every finding still open goes; the tracker is empty afterwards */
    void finish(List<Finding> closed);

    /** @return how many records, subjects and access ids the tracker holds now */
    long retained();
}
