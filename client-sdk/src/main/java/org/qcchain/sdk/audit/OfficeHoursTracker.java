package org.qcchain.sdk.audit;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link OfficeHoursRule}: per consumer, its requests in the current closed period. A group ends
 * when the offices next open; groups are kept in the order they started, which is the order of
 * their end, so closing looks only at the oldest.
 */
final class OfficeHoursTracker implements RuleTracker {

    /** One consumer's requests in one closed period, and when that period ends. */
    private static final class Period {
        final Episode episode;
        final Instant opening;

        Period(int cap, Instant opening) {
            this.episode = new Episode(cap);
            this.opening = opening;
        }
    }

    private final Map<String, Period> open = new LinkedHashMap<>();
    private final OfficeHoursRule rule;
    private final int cap;

    OfficeHoursTracker(OfficeHoursRule rule, int cap) {
        this.rule = rule;
        this.cap = cap;
    }

    @Override
    public void advance(Instant now, List<Finding> closed) {
        Iterator<Map.Entry<String, Period>> oldest = open.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<String, Period> period = oldest.next();
            Instant opening = period.getValue().opening;
            if (opening == null || now.isBefore(opening)) {
                return;
            }
            close(period.getKey(), period.getValue(), closed);
            oldest.remove();
        }
    }

    @Override
    public void observe(AccessEvent event, List<Finding> closed) {
        if (rule.hours().contains(event.decidedAt())) {
            return;
        }
        Period period = open.computeIfAbsent(event.consumerMspId(),
                consumer -> new Period(cap, rule.hours().nextOpening(event.decidedAt())));
        period.episode.add(event.accessId(), event.decidedAt());
    }

    @Override
    public void finish(List<Finding> closed) {
        open.forEach((consumer, period) -> close(consumer, period, closed));
        open.clear();
    }

    @Override
    public long retained() {
        long held = 0;
        for (Period period : open.values()) {
            held += period.episode.retained();
        }
        return held;
    }

    private void close(String consumerMspId, Period period, List<Finding> closed) {
        long count = period.episode.records();
        if (count <= rule.allowedRequests()) {
            return;
        }
        closed.add(period.episode.finding(FindingKind.OUTSIDE_OFFICE_HOURS, consumerMspId, null, count,
                rule.allowedRequests(), count + " request(s) outside office hours (" + rule.hours().describe() + ")"));
    }
}
