package org.qcchain.sdk.audit;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * {@link SweepRule}: each consumer's distinct subjects inside the window, each with its latest
 * access, in the order of those accesses (a subject asked about again moves to the end).
 */
final class SweepTracker extends ConsumerWindows<SweepTracker.Subjects> {

    /** A consumer's subjects inside the window, by pseudonym, least recently asked about first. */
    static final class Subjects extends ConsumerWindows.State {
        final LinkedHashMap<String, Stamp> latest = new LinkedHashMap<>();
    }

    private final SweepRule rule;

    SweepTracker(SweepRule rule, int cap) {
        super(rule.window(), cap);
        this.rule = rule;
    }

    @Override
    Subjects newState() {
        return new Subjects();
    }

    @Override
    boolean record(Subjects state, AccessEvent event, Instant cutoff) {
        Iterator<Stamp> oldest = state.latest.values().iterator();
        while (oldest.hasNext() && oldest.next().leftBy(cutoff)) {
            oldest.remove();
        }
        Stamp stamp = new Stamp(event.decidedAt(), event.accessId(), !event.granted());
        state.latest.remove(event.subject());
        state.latest.put(event.subject(), stamp);
        if (state.latest.size() <= rule.maxSubjects()) {
            return false;
        }
        if (state.episode == null) {
            state.episode = episode();
            state.latest.values().forEach(s -> state.episode.add(s.accessId(), s.at()));
        } else {
            state.episode.add(stamp.accessId(), stamp.at());
        }
        state.episode.measure(state.latest.size(), state.latest.size());
        return true;
    }

    @Override
    Finding finding(String consumerMspId, Episode episode) {
        return episode.finding(FindingKind.SWEEP, consumerMspId, null, episode.peak(), rule.maxSubjects(),
                "up to " + episode.peak() + " distinct subjects within " + Windows.text(rule.window())
                        + "; more than " + rule.maxSubjects() + " is a sweep");
    }

    @Override
    long size(Subjects state) {
        return state.latest.size();
    }
}
