package org.qcchain.sdk.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sliding window per consumer, for the rules that measure one consumer's recent traffic (burst,
 * denials, sweep). The window of a record at {@code t} is {@code (t - window, t]}. A consumer's
 * state is dropped once its last record has left the window: its window is empty then, and an
 * open episode can no longer grow (the next record would be alone in its window). Consumers are
 * kept in the order of their last record, so dropping looks only at the oldest.
 *
 * @param <S> the rule's state of one consumer
 */
abstract class ConsumerWindows<S extends ConsumerWindows.State> implements RuleTracker {

    /** What every consumer's state has: its last record's time and the episode it is in, if any. */
    static class State {
        Instant last;
        Episode episode;
    }

    /** Access order: a consumer moves to the end with each of its records. */
    private final Map<String, S> consumers = new LinkedHashMap<>(16, 0.75f, true);
    final Duration window;
    final int cap;

    ConsumerWindows(Duration window, int cap) {
        this.window = window;
        this.cap = cap;
    }

    /** @return a consumer's empty state */
    abstract S newState();

    /**
     * Slides the consumer's window to the record and adds it; starts or extends the episode when
     * the window breaks the rule.
     *
     * @param cutoff records at or before it have left the window
     * @return whether the window breaks the rule
     */
    abstract boolean record(S state, AccessEvent event, Instant cutoff);

    /** @return the finding of a closed episode */
    abstract Finding finding(String consumerMspId, Episode episode);

    /** @return how many records or subjects the state's window holds */
    abstract long size(S state);

    @Override
    public final void advance(Instant now, List<Finding> closed) {
        Iterator<Map.Entry<String, S>> oldest = consumers.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<String, S> entry = oldest.next();
            if (entry.getValue().last.plus(window).isAfter(now)) {
                return;
            }
            close(entry.getKey(), entry.getValue(), closed);
            oldest.remove();
        }
    }

    @Override
    public final void observe(AccessEvent event, List<Finding> closed) {
        S state = consumers.get(event.consumerMspId());
        if (state == null) {
            state = newState();
            consumers.put(event.consumerMspId(), state);
        }
        state.last = event.decidedAt();
        if (!record(state, event, event.decidedAt().minus(window))) {
            close(event.consumerMspId(), state, closed);
        }
    }

    @Override
    public final void finish(List<Finding> closed) {
        consumers.forEach((consumer, state) -> close(consumer, state, closed));
        consumers.clear();
    }

    @Override
    public final long retained() {
        long held = 0;
        for (S state : consumers.values()) {
            held += size(state) + (state.episode == null ? 0 : state.episode.retained());
        }
        return held;
    }

    /** @return a new episode with the evidence cap */
    final Episode episode() {
        return new Episode(cap);
    }

    private void close(String consumerMspId, S state, List<Finding> closed) {
        if (state.episode != null) {
            closed.add(finding(consumerMspId, state.episode));
            state.episode = null;
        }
    }
}
