package org.qcchain.sdk.audit;

/**
 * What kind of abnormal flow a {@link Finding} reports (DESIGN: bursts, access outside office
 * hours, many denials, use after revocation attempts, one consumer sweeping many subjects). The
 * order of the constants is part of the findings' order ({@link Finding#ORDER}).
 */
public enum FindingKind {
    /** More requests by one consumer within a short window than the {@link BurstRule} allows. */
    BURST,
    /** Requests by one consumer outside the {@link OfficeHours}, per closed period (a night, a weekend). */
    OUTSIDE_OFFICE_HOURS,
    /** Many denials, and a high share of denials, for one consumer within a window ({@link DenialRule}). */
    MANY_DENIALS,
    /**
     * Requests on a consent that was revoked, paused, expired or used up ({@link RevocationRule}):
     * the consumer kept asking after the subject's permission had ended.
     */
    USE_AFTER_REVOCATION,
    /** One consumer touching more distinct subjects within a window than the {@link SweepRule} allows. */
    SWEEP
}
