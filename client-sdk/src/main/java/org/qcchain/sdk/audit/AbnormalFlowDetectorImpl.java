package org.qcchain.sdk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Feeds the rules' trackers one record at a time, in exact decision-time order. The node lists
 * the records of one millisecond by access id, so those are held back until the trail reaches the
 * next millisecond and then sorted by time and access id.
 */
final class AbnormalFlowDetectorImpl implements AbnormalFlowDetector {

    private static final Comparator<AccessEvent> DECISION_ORDER = Comparator.comparing(AccessEvent::decidedAt)
            .thenComparing(AccessEvent::accessId);

    private final List<RuleTracker> trackers = new ArrayList<>();
    private final AuditListener listener;
    /** The records of the current millisecond, waiting for it to end. */
    private final List<AccessEvent> millisecond = new ArrayList<>();
    /** Findings closed by the step at hand, reported together in {@link Finding#ORDER}. */
    private final List<Finding> closed = new ArrayList<>();
    private final Set<String> millisecondIds = new HashSet<>();
    private long currentMillis = Long.MIN_VALUE;
    private Instant latest;
    private long records;
    private boolean finished;

    AbnormalFlowDetectorImpl(AbnormalFlowRules rules, AuditListener listener) {
        this.listener = listener;
        int cap = rules.evidenceCap();
        rules.burst().ifPresent(rule -> trackers.add(new BurstTracker(rule, cap)));
        rules.officeHours().ifPresent(rule -> trackers.add(new OfficeHoursTracker(rule, cap)));
        rules.denials().ifPresent(rule -> trackers.add(new DenialTracker(rule, cap)));
        rules.useAfterRevocation().ifPresent(rule -> trackers.add(new RevocationTracker(rule, cap)));
        rules.sweep().ifPresent(rule -> trackers.add(new SweepTracker(rule, cap)));
    }

    @Override
    public void accept(JsonNode record) {
        long position = next();
        try {
            offer(AccessEvent.fromJson(record), position);
        } catch (MalformedAccessRecordException e) {
            listener.malformed(new MalformedRecord(position, e.accessId(), e.getMessage()));
        }
    }

    @Override
    public void accept(AccessEvent event) {
        long position = next();
        if (event == null) {
            listener.malformed(new MalformedRecord(position, null, "no record"));
            return;
        }
        offer(event, position);
    }

    @Override
    public void finish() {
        if (finished) {
            return;
        }
        flush();
        trackers.forEach(tracker -> tracker.finish(closed));
        report();
        finished = true;
    }

    @Override
    public long records() {
        return records;
    }

    @Override
    public long retained() {
        long held = millisecond.size();
        for (RuleTracker tracker : trackers) {
            held += tracker.retained();
        }
        return held;
    }

    private long next() {
        if (finished) {
            throw new IllegalStateException("the detector has finished; start a new one for another trail");
        }
        return ++records;
    }

    /** Holds the record until its millisecond is complete, after checking it keeps the trail's order. */
    private void offer(AccessEvent event, long position) {
        long millis = event.decidedAt().toEpochMilli();
        if (millis < currentMillis) {
            listener.malformed(new MalformedRecord(position, event.accessId(), "decided at " + event.decidedAt()
                    + ", before a record listed earlier (" + latest + "): the trail is not in decision-time order"));
            return;
        }
        if (millis > currentMillis) {
            flush();
            currentMillis = millis;
            // no later record can be older than this millisecond: close what ended before it now
            advance(Instant.ofEpochMilli(millis));
        }
        if (!millisecondIds.add(event.accessId())) {
            listener.malformed(new MalformedRecord(position, event.accessId(), "listed twice"));
            return;
        }
        millisecond.add(event);
        if (latest == null || event.decidedAt().isAfter(latest)) {
            latest = event.decidedAt();
        }
    }

    /** Runs the rules over the held millisecond, in exact decision order. */
    private void flush() {
        millisecond.sort(DECISION_ORDER);
        for (AccessEvent event : millisecond) {
            advance(event.decidedAt());
            for (RuleTracker tracker : trackers) {
                tracker.observe(event, closed);
            }
            report();
        }
        millisecond.clear();
        millisecondIds.clear();
    }

    /** Closes, in every rule, what can no longer grow once the trail has reached {@code now}. */
    private void advance(Instant now) {
        for (RuleTracker tracker : trackers) {
            tracker.advance(now, closed);
        }
        report();
    }

    private void report() {
        if (!closed.isEmpty()) {
            closed.sort(Finding.ORDER);
            List<Finding> found = List.copyOf(closed);
            closed.clear();
            found.forEach(listener::finding);
        }
    }
}
