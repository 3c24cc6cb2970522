package org.qcchain.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qcchain.node.metrics.DataRequestPhases.Phase;
import org.qcchain.node.metrics.DataRequestPhases.Total;

class DataRequestPhasesTest {

    @Test
    void a_clock_counts_each_phase_from_the_end_of_the_one_before() {
        long[] now = {1_000};
        DataRequestPhases phases = new DataRequestPhases(() -> now[0]);

        DataRequestPhases.Clock clock = phases.start();
        now[0] += 300;
        clock.end(Phase.ADMISSION);
        now[0] += 7_000;
        clock.end(Phase.LEDGER);
        now[0] += 1_200;
        clock.end(Phase.ANSWER);

        Map<Phase, Total> totals = phases.totals();
        assertThat(totals.keySet()).containsExactly(Phase.values());
        assertThat(totals.get(Phase.ADMISSION)).isEqualTo(new Total(1, 300));
        assertThat(totals.get(Phase.LEDGER)).isEqualTo(new Total(1, 7_000));
        assertThat(totals.get(Phase.ANSWER)).isEqualTo(new Total(1, 1_200));
        assertThat(totals.get(Phase.SIGNATURE)).isEqualTo(new Total(0, 0));
        assertThat(totals.get(Phase.RECEIPT)).isEqualTo(new Total(0, 0));
    }

    @Test
    void the_clocks_of_several_requests_add_up_per_phase() {
        long[] now = {0};
        DataRequestPhases phases = new DataRequestPhases(() -> now[0]);

        for (int request = 1; request <= 3; request++) {
            DataRequestPhases.Clock clock = phases.start();
            for (Phase phase : Phase.values()) {
                now[0] += 1_000L * request;
                clock.end(phase);
            }
        }

        // each phase took 1, 2 and 3 microseconds in the three requests
        phases.totals().values().forEach(total -> assertThat(total).isEqualTo(new Total(3, 6_000)));
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
                .contains("qcchain_data_request_phase_seconds_count{phase=\"receipt\"} 0")
                .contains("qcchain_data_request_phase_seconds_bucket{phase=\"receipt\",le=\"+Inf\"} 0");
        for (Phase phase : Phase.values()) {
            assertThat(scrape).contains("qcchain_data_request_phase_seconds_sum{phase=\"" + phase.label() + "\"}");
        }
    }
}
