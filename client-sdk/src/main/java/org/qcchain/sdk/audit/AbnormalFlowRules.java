package org.qcchain.sdk.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules an {@link AbnormalFlowDetector} applies, each one on or off, and how many access ids a
 * finding carries. Immutable; {@link #defaults()} turns every rule on with its {@code DEFAULT}:
 *
 * <table>
 *   <caption>default rules</caption>
 *   <tr><td>{@link FindingKind#BURST}</td><td>more than 100 requests within 1 minute</td></tr>
 *   <tr><td>{@link FindingKind#OUTSIDE_OFFICE_HOURS}</td><td>any request outside Mon-Fri 08:30-18:00
 *       Asia/Shanghai, one finding per consumer and closed period</td></tr>
 *   <tr><td>{@link FindingKind#MANY_DENIALS}</td><td>at least 10 denials, more than 50% of the
 *       requests, within 1 hour</td></tr>
 *   <tr><td>{@link FindingKind#USE_AFTER_REVOCATION}</td><td>any request denied CONSENT_REVOKED,
 *       CONSENT_PAUSED, CONSENT_EXPIRED or CONSENT_EXHAUSTED, grouped per consent</td></tr>
 *   <tr><td>{@link FindingKind#SWEEP}</td><td>more than 50 distinct subjects within 1 hour</td></tr>
 * </table>
 *
 * <pre>{@code
 * AbnormalFlowRules rules = AbnormalFlowRules.builder()
 *         .burst(30, Duration.ofMinutes(1))
 *         .officeHours(OfficeHours.builder().holidays(holidays2026).build())
 *         .disable(FindingKind.SWEEP)
 *         .build();
 * }</pre>
 *
 * <p>The defaults are a starting point: tune them to the consumers you audit (a bank that checks
 * loan applicants in batches overnight has a different normal than a claims desk).
 */
public final class AbnormalFlowRules {

    /** How many access ids a finding lists by default; its record count is always complete. */
    public static final int DEFAULT_EVIDENCE_CAP = 20;

    /** The most access ids a finding may list: enough to sample, small enough to print. */
    public static final int MAX_EVIDENCE_CAP = 10_000;

    private final BurstRule burst;
    private final OfficeHoursRule officeHours;
    private final DenialRule denials;
    private final RevocationRule useAfterRevocation;
    private final SweepRule sweep;
    private final int evidenceCap;

    private AbnormalFlowRules(Builder builder) {
        this.burst = builder.burst;
        this.officeHours = builder.officeHours;
        this.denials = builder.denials;
        this.useAfterRevocation = builder.useAfterRevocation;
        this.sweep = builder.sweep;
        this.evidenceCap = builder.evidenceCap;
    }

    /** @return every rule on, with its default */
    public static AbnormalFlowRules defaults() {
        return builder().build();
    }

    /** @return a builder starting from {@link #defaults()} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the burst rule, if on */
    public Optional<BurstRule> burst() {
        return Optional.ofNullable(burst);
    }

    /** @return the office-hours rule, if on */
    public Optional<OfficeHoursRule> officeHours() {
        return Optional.ofNullable(officeHours);
    }

    /** @return the many-denials rule, if on */
    public Optional<DenialRule> denials() {
        return Optional.ofNullable(denials);
    }

    /** @return the use-after-revocation rule, if on */
    public Optional<RevocationRule> useAfterRevocation() {
        return Optional.ofNullable(useAfterRevocation);
    }

    /** @return the sweep rule, if on */
    public Optional<SweepRule> sweep() {
        return Optional.ofNullable(sweep);
    }

    /** @return how many access ids a finding lists at most */
    public int evidenceCap() {
        return evidenceCap;
    }

    /** @return one line per rule that is on, in {@link FindingKind} order */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        burst().ifPresent(rule -> lines.add(FindingKind.BURST + ": " + rule.describe()));
        officeHours().ifPresent(rule -> lines.add(FindingKind.OUTSIDE_OFFICE_HOURS + ": " + rule.describe()));
        denials().ifPresent(rule -> lines.add(FindingKind.MANY_DENIALS + ": " + rule.describe()));
        useAfterRevocation().ifPresent(rule -> lines.add(FindingKind.USE_AFTER_REVOCATION + ": " + rule.describe()));
        sweep().ifPresent(rule -> lines.add(FindingKind.SWEEP + ": " + rule.describe()));
        return lines;
    }

    /** Collects rules; starts with every rule on at its default. Setters reject null and bad values. */
    public static final class Builder {
        private BurstRule burst = BurstRule.DEFAULT;
        private OfficeHoursRule officeHours = OfficeHoursRule.DEFAULT;
        private DenialRule denials = DenialRule.DEFAULT;
        private RevocationRule useAfterRevocation = RevocationRule.DEFAULT;
        private SweepRule sweep = SweepRule.DEFAULT;
        private int evidenceCap = DEFAULT_EVIDENCE_CAP;

        private Builder() {}

        /** @param rule the burst rule; turns it on @return this builder */
        public Builder burst(BurstRule rule) {
            this.burst = Objects.requireNonNull(rule, "burst");
            return this;
        }

        /**
         * @param maxRequests the most requests a window may hold
         * @param window the sliding window
         * @return this builder
         */
        public Builder burst(int maxRequests, Duration window) {
            return burst(new BurstRule(maxRequests, window));
        }

        /** @param rule the office-hours rule; turns it on @return this builder */
        public Builder officeHours(OfficeHoursRule rule) {
            this.officeHours = Objects.requireNonNull(rule, "officeHours");
            return this;
        }

        /** @param hours the office hours, any request outside them reported @return this builder */
        public Builder officeHours(OfficeHours hours) {
            return officeHours(new OfficeHoursRule(hours, 0));
        }

        /** @param rule the many-denials rule; turns it on @return this builder */
        public Builder denials(DenialRule rule) {
            this.denials = Objects.requireNonNull(rule, "denials");
            return this;
        }

        /**
         * @param minDenials the fewest denials that can be abnormal
         * @param maxRatio the share of denials that is still normal
         * @param window the sliding window
         * @return this builder
         */
        public Builder denials(int minDenials, double maxRatio, Duration window) {
            return denials(new DenialRule(minDenials, maxRatio, window));
        }

        /** @param rule the use-after-revocation rule; turns it on @return this builder */
        public Builder useAfterRevocation(RevocationRule rule) {
            this.useAfterRevocation = Objects.requireNonNull(rule, "useAfterRevocation");
            return this;
        }

        /** @param rule the sweep rule; turns it on @return this builder */
        public Builder sweep(SweepRule rule) {
            this.sweep = Objects.requireNonNull(rule, "sweep");
            return this;
        }

        /**
         * @param maxSubjects the most distinct subjects a window may hold
         * @param window the sliding window
         * @return this builder
         */
        public Builder sweep(int maxSubjects, Duration window) {
            return sweep(new SweepRule(maxSubjects, window));
        }

        /**
         * Turns rules off, e.g. office hours for a consumer that works around the clock.
         *
         * @param kinds the rules to turn off
         * @return this builder
         */
        public Builder disable(FindingKind... kinds) {
            for (FindingKind kind : kinds) {
                switch (Objects.requireNonNull(kind, "kind")) {
                    case BURST -> burst = null;
                    case OUTSIDE_OFFICE_HOURS -> officeHours = null;
                    case MANY_DENIALS -> denials = null;
                    case USE_AFTER_REVOCATION -> useAfterRevocation = null;
                    case SWEEP -> sweep = null;
                }
            }
            return this;
        }

        /**
         * @param ids how many access ids a finding lists, 0 to {@value #MAX_EVIDENCE_CAP} (default
         *     {@value #DEFAULT_EVIDENCE_CAP}); each open finding holds that many in memory
         * @return this builder
         */
        public Builder evidenceCap(int ids) {
            if (ids < 0 || ids > MAX_EVIDENCE_CAP) {
                throw new IllegalArgumentException("evidenceCap must be 0 to " + MAX_EVIDENCE_CAP + ", was " + ids);
            }
            this.evidenceCap = ids;
            return this;
        }

        /** @return the rules */
        public AbnormalFlowRules build() {
            return new AbnormalFlowRules(this);
        }
    }
}
