package org.qcchain.sdk.audit;

import java.time.Instant;
import java.util.ArrayDeque;

/** {@link BurstRule}: each consumer's requests inside the window, with their access ids. */
final class BurstTracker extends ConsumerWindows<BurstTracker.Requests> {

    /** A consumer's requests inside the window, oldest first. */
    static final class Requests extends ConsumerWindows.State {
        final ArrayDeque<Stamp> window = new ArrayDeque<>();
    }

    private final BurstRule rule;

    BurstTracker(BurstRule rule, int cap) {
        super(rule.window(), cap);
        this.rule = rule;
    }

    @Override
    Requests newState() {
        return new Requests();
    }

    @Override
    boolean record(Requests state, AccessEvent event, Instant cutoff) {
        while (!state.window.isEmpty() && state.window.peekFirst().leftBy(cutoff)) {
            state.window.pollFirst();
        }
        Stamp stamp = new Stamp(event.decidedAt(), event.accessId(), !event.granted());
        state.window.addLast(stamp);
        if (state.window.size() <= rule.maxRequests()) {
            return false;
        }
        if (state.episode == null) {
            state.episode = episode();
            state.window.forEach(s -> state.episode.add(s.accessId(), s.at()));
        } else {
            state.episode.add(stamp.accessId(), stamp.at());
        }
        state.episode.measure(state.window.size(), state.window.size());
        return true;
    }

    @Override
    Finding finding(String consumerMspId, Episode episode) {
        return episode.finding(FindingKind.BURST, consumerMspId, null, episode.peak(), rule.maxRequests(),
                "up to " + episode.peak() + " requests within " + Windows.text(rule.window()) + "; more than "
                        + rule.maxRequests() + " is a burst");
    }

    @Override
    long size(Requests state) {
        return state.window.size();
    }
}
