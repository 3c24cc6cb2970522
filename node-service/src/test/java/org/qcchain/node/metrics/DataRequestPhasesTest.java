package org.qcchain.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qcchain.node.metrics.DataRequestPhases.Phase;
import org.qcchain.node.metrics.DataRequestPhases.Total;

class DataRequestPhasesTest {

    @Test
    void a_clock_counts_each_phase_from_the_end_of_the_one_before() {
        DataRequestPhases phases = new DataRequestPhases();

        long before = System.nanoTime();
        DataRequestPhases.Clock clock = phases.start();
        clock.end(Phase.ADMISSION);
        clock.end(Phase.LEDGER);
        long elapsed = System.nanoTime() - before;

        Map<Phase, Total> totals = phases.totals();
        assertThat(totals.keySet()).containsExactly(Phase.values());
        assertThat(totals.get(Phase.ADMISSION).count()).isEqualTo(1);
        assertThat(totals.get(Phase.LEDGER).count()).isEqualTo(1);
        assertThat(totals.get(Phase.ANSWER)).isEqualTo(new Total(0, 0));
        assertThat(totals.get(Phase.RECEIPT)).isEqualTo(new Total(0, 0));
        // the phases follow one another: together no longer than the whole
        assertThat(totals.get(Phase.ADMISSION).nanos() + totals.get(Phase.LEDGER).nanos())
                .isBetween(0L, elapsed + 1);
    }

    @Test
    void the_clocks_of_several_requests_add_up_per_phase() {
        DataRequestPhases phases = new DataRequestPhases();

        for (int i = 0; i < 3; i++) {
            DataRequestPhases.Clock clock = phases.start();
            for (Phase phase : Phase.values()) {
                clock.end(phase);
            }
        }

        phases.totals().values().forEach(total -> assertThat(total.count()).isEqualTo(3));
    }

    @Test
    void the_scrape_shows_a_histogram_per_phase_once_a_node_answers_data_requests() {
        HttpMetrics metrics = new HttpMetrics();
        assertThat(metrics.scrape()).doesNotContain("qcchain_data_request_phase_seconds");

        DataRequestPhases phases = new DataRequestPhases();
        phases.start().end(Phase.ADMISSION);
        metrics.dataRequestPhases(phases);
        String scrape = metrics.scrape();

        assertThat(scrape).contains("# TYPE qcchain_data_request_phase_seconds histogram")
                .contains("qcchain_data_request_phase_seconds_count{phase=\"admission\"} 1")
                .contains("qcchain_data_request_phase_seconds_bucket{phase=\"admission\",le=\"+Inf\"} 1")
                .contains("qcchain_data_request_phase_seconds_count{phase=\"receipt\"} 0");
        for (Phase phase : Phase.values()) {
            assertThat(scrape).contains("qcchain_data_request_phase_seconds_sum{phase=\"" + phase.label() + "\"}");
        }
    }
}
