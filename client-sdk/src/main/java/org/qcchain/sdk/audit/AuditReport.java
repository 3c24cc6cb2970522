package org.qcchain.sdk.audit;

import java.util.List;

/**
 * What {@link AbnormalFlowDetector#scan} or {@link AccessTrailAudit#review} found over a whole
 * trail.
 *
 * @param records how many access records were read
 * @param findings the abnormal flows, in {@link Finding#ORDER}
 * @param malformed the records that could not be analysed, in input order
 */
public record AuditReport(long records, List<Finding> findings, List<MalformedRecord> malformed) {

    /** Copies the lists. */
    public AuditReport {
        findings = List.copyOf(findings);
        malformed = List.copyOf(malformed);
    }

    /**
     * @param kind a rule
     * @return its findings, in order
     */
    public List<Finding> findings(FindingKind kind) {
        return findings.stream().filter(finding -> finding.kind() == kind).toList();
    }

    /**
     * @param consumerMspId a consumer
     * @return its findings, in order
     */
    public List<Finding> findingsOf(String consumerMspId) {
        return findings.stream().filter(finding -> finding.consumerMspId().equals(consumerMspId)).toList();
    }
}
