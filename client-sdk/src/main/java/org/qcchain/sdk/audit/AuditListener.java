package org.qcchain.sdk.audit;

/**
 * Receives what an {@link AbnormalFlowDetector} finds, as soon as it is certain: a finding once
 * later records can no longer make it grow, a malformed record at once. Calls come on the thread
 * that feeds the detector, in a deterministic order (see {@link AbnormalFlowDetector}).
 */
public interface AuditListener {

    /** @param finding an abnormal flow, complete */
    void finding(Finding finding);

    /** @param record a record that could not be analysed, and why */
    void malformed(MalformedRecord record);
}
