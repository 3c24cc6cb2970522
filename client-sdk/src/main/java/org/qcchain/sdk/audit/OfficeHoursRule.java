package org.qcchain.sdk.audit;

import java.util.Objects;

/**
 * Access outside office hours: more than {@code allowedRequests} requests by one consumer within
 * one closed period of its {@link OfficeHours} (an evening and night, a weekend, a holiday), in
 * ledger time. The ledger's time is when the request was decided, a few seconds at most after the
 * consumer signed it (the ledger refuses requests signed more than five minutes away).
 *
 * @param hours the office hours
 * @param allowedRequests how many requests per closed period pass unreported, 0 or more
 */
public record OfficeHoursRule(OfficeHours hours, int allowedRequests) {

    /**
     * Any request outside Monday to Friday 08:30 to 18:00 China Standard Time; one finding per
     * consumer and closed period. Add the year's holidays and make-up working days with {@link
     * OfficeHours#builder()}.
     */
    public static final OfficeHoursRule DEFAULT = new OfficeHoursRule(OfficeHours.DEFAULT, 0);

    /** Checks the parts. */
    public OfficeHoursRule {
        Objects.requireNonNull(hours, "officeHours.hours");
        if (allowedRequests < 0) {
            throw new IllegalArgumentException("officeHours.allowedRequests must be 0 or more, was " + allowedRequests);
        }
    }

    /** @return the rule in words */
    public String describe() {
        return "more than " + allowedRequests + " requests per closed period outside " + hours.describe();
    }
}
