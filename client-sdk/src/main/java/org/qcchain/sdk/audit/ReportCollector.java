package org.qcchain.sdk.audit;

import java.util.ArrayList;
import java.util.List;

/** Keeps what a detector reports, for a whole-trail {@link AuditReport}. */
final class ReportCollector implements AuditListener {
    private final List<Finding> findings = new ArrayList<>();
    private final List<MalformedRecord> malformed = new ArrayList<>();

    @Override
    public void finding(Finding finding) {
        findings.add(finding);
    }

    @Override
    public void malformed(MalformedRecord record) {
        malformed.add(record);
    }

    /** @return the report, findings sorted */
    AuditReport report(long records) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Finding.ORDER);
        return new AuditReport(records, sorted, malformed);
    }
}
