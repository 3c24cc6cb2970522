package org.qcchain.sdk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A long trail passes through the detector in memory bounded by the rules' windows: what it holds
 * follows the traffic inside the windows, not the number of records seen.
 */
class BoundedFlowStateTest {

    private static final int CONSUMERS = 8;
    /** One record every 2 s in all, so each consumer asks every 16 s. */
    private static final int SPACING_SECONDS = 2;
    /** About 4.6 days of trail. */
    private static final int RECORDS = 200_000;

    @Test
    void what_the_detector_holds_stays_within_the_windows_over_a_long_trail() {
        CountingListener listener = new CountingListener();
        AbnormalFlowDetector detector = AbnormalFlowDetector.create(AbnormalFlowRules.defaults(), listener);
        Trail trail = new Trail();
        Random random = new Random(42);
        Instant start = Trail.MONDAY_10;
        long mostHeld = 0;
        long mostHeldInFirstTenth = 0;
        for (int i = 0; i < RECORDS; i++) {
            String consumer = "BankMSP" + i % CONSUMERS;
            int subject = random.nextInt(1_000_000);
            Instant at = start.plusSeconds((long) i * SPACING_SECONDS);
            int roll = random.nextInt(1000);
            String reason = roll < 50 ? "FIELD_NOT_COVERED" : roll < 51 ? "CONSENT_REVOKED" : null;
            ObjectNode record = trail.record(consumer, subject, at, reason, "consent-" + subject);
            detector.accept(record);
            if (i % 500 == 0) {
                mostHeld = Math.max(mostHeld, detector.retained());
                if (i < RECORDS / 10) {
                    mostHeldInFirstTenth = mostHeld;
                }
            }
        }
        detector.finish();

        // per consumer and window: burst 1 min = 4 requests, denials 1 h = 225, sweep 1 h = 225 subjects;
        // plus open findings (at most 21 entries each) and a day of ended-consent groups (about 43)
        long bound = CONSUMERS * (4 + 225 + 225 + 5 * 21) + 43 * 2 * 22;
        assertThat(detector.records()).isEqualTo(RECORDS);
        assertThat(listener.malformed).isZero();
        assertThat(listener.findings).isPositive();
        assertThat(mostHeld).isLessThan(bound).isLessThan(RECORDS / 20);
        assertThat(mostHeld).isLessThan(mostHeldInFirstTenth * 2);
        assertThat(detector.retained()).isZero();
    }

    /** Counts what it hears, keeping nothing. */
    private static final class CountingListener implements AuditListener {
        long findings;
        long malformed;

        @Override
        public void finding(Finding finding) {
            findings++;
        }

        @Override
        public void malformed(MalformedRecord record) {
            malformed++;
        }
    }
}
