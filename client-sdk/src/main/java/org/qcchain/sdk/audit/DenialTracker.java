package org.qcchain.sdk.audit;

import java.time.Instant;
import java.util.ArrayDeque;

/**
 * {@link DenialRule}: each consumer's requests inside the window with a running count of denials;
 * only denials keep their access id (a finding is made of denials).
 */
final class DenialTracker extends ConsumerWindows<DenialTracker.Decisions> {

    /** A consumer's decisions inside the window, oldest first, and how many were denials. */
    static final class Decisions extends ConsumerWindows.State {
        final ArrayDeque<Stamp> window = new ArrayDeque<>();
        long denials;
    }

    private final DenialRule rule;

    DenialTracker(DenialRule rule, int cap) {
        super(rule.window(), cap);
        this.rule = rule;
    }

    @Override
    Decisions newState() {
        return new Decisions();
    }

    @Override
    boolean record(Decisions state, AccessEvent event, Instant cutoff) {
        while (!state.window.isEmpty() && state.window.peekFirst().leftBy(cutoff)) {
            state.denials -= state.window.pollFirst().denied() ? 1 : 0;
        }
        boolean denied = !event.granted();
        Stamp stamp = new Stamp(event.decidedAt(), denied ? event.accessId() : null, denied);
        state.window.addLast(stamp);
        state.denials += denied ? 1 : 0;
        if (!rule.broken(state.denials, state.window.size())) {
            return false;
        }
        if (state.episode == null) {
            state.episode = episode();
            state.window.stream().filter(Stamp::denied).forEach(s -> state.episode.add(s.accessId(), s.at()));
        } else if (denied) {
            state.episode.add(stamp.accessId(), stamp.at());
        }
        state.episode.measure(state.denials, state.window.size());
        return true;
    }

    @Override
    Finding finding(String consumerMspId, Episode episode) {
        double ratio = (double) episode.peak() / episode.peakOf();
        return episode.finding(FindingKind.MANY_DENIALS, consumerMspId, null, episode.peak(), rule.minDenials(),
                "up to " + episode.peak() + " of " + episode.peakOf() + " requests denied (" + DenialRule.percent(ratio)
                        + ") within " + Windows.text(rule.window()) + "; at least " + rule.minDenials()
                        + " denials above " + DenialRule.percent(rule.maxRatio()) + " is abnormal");
    }

    @Override
    long size(Decisions state) {
        return state.window.size();
    }
}
