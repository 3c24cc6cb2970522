package org.qcchain.sdk.audit;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * {@link RevocationRule}: per consumer and consent, the attempts on it after it ended, while they
 * come less than the window apart. Groups are kept in the order of their last attempt, so that
 * closing looks only at the oldest; a group is dropped once the window has passed since its last
 * attempt.
 */
final class RevocationTracker implements RuleTracker {

    /** Attempts of one consumer on one consent. */
    private record Key(String consumerMspId, String consentId) {}

    /** The group's episode, its last attempt, and how often each reason was given. */
    private static final class Attempts {
        final Episode episode;
        final Map<String, Long> reasons = new TreeMap<>();
        Instant last;

        Attempts(int cap) {
            this.episode = new Episode(cap);
        }
    }

    /** Access order: a group moves to the end with each attempt. */
    private final Map<Key, Attempts> groups = new LinkedHashMap<>(16, 0.75f, true);
    private final RevocationRule rule;
    private final int cap;

    RevocationTracker(RevocationRule rule, int cap) {
        this.rule = rule;
        this.cap = cap;
    }

    @Override
    public void advance(Instant now, List<Finding> closed) {
        Iterator<Map.Entry<Key, Attempts>> oldest = groups.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<Key, Attempts> group = oldest.next();
            if (group.getValue().last.plus(rule.window()).isAfter(now)) {
                return;
            }
            close(group.getKey(), group.getValue(), closed);
            oldest.remove();
        }
    }

    @Override
    public void observe(AccessEvent event, List<Finding> closed) {
        if (event.granted() || !rule.matches(event.reasonCode())) {
            return;
        }
        Key key = new Key(event.consumerMspId(), event.consentId());
        Attempts attempts = groups.get(key);
        if (attempts == null) {
            attempts = new Attempts(cap);
            groups.put(key, attempts);
        }
        attempts.last = event.decidedAt();
        attempts.episode.add(event.accessId(), event.decidedAt());
        attempts.reasons.merge(event.reasonCode(), 1L, Long::sum);
    }

    @Override
    public void finish(List<Finding> closed) {
        groups.forEach((key, attempts) -> close(key, attempts, closed));
        groups.clear();
    }

    @Override
    public long retained() {
        long held = 0;
        for (Attempts attempts : groups.values()) {
            held += attempts.episode.retained() + attempts.reasons.size();
        }
        return held;
    }

    private void close(Key key, Attempts attempts, List<Finding> closed) {
        long count = attempts.episode.records();
        if (count <= rule.allowedAttempts()) {
            return;
        }
        StringJoiner reasons = new StringJoiner(", ");
        attempts.reasons.forEach((reason, times) -> reasons.add(reason + " " + times));
        closed.add(attempts.episode.finding(FindingKind.USE_AFTER_REVOCATION, key.consumerMspId(), key.consentId(),
                count, rule.allowedAttempts(), count + " request(s) on consent '" + key.consentId()
                        + "' after it ended (" + reasons + ")"));
    }
}
