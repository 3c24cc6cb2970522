package org.qcchain.sdk.audit;

import java.util.List;
import org.qcchain.sdk.verify.ChainReport;

/**
 * What a {@link TrailCompleteness} check found: the verified chain it compared with, the counts,
 * and each difference in {@link CompletenessFinding#ORDER}.
 *
 * @param chain what {@code ChainVerifier} checked: blocks {@code firstBlock..lastBlock}, the last
 *     block's hash (keep it: a later check must extend it), the number of transactions
 * @param decisions valid {@code AccessDecided} transactions of the chain in the listing's scope
 * @param listed entries of the listing, duplicates included
 * @param matched decisions the listing shows
 * @param findings the differences, in {@link CompletenessFinding#ORDER}
 */
public record CompletenessReport(ChainReport chain, long decisions, long listed, long matched,
        List<CompletenessFinding> findings) {

    /** Copies the list. */
    public CompletenessReport {
        findings = List.copyOf(findings);
    }

    /**
     * @return whether the listing is exactly the decisions of the verified chain: every decision
     *     listed once, nothing else listed, no inconsistent transaction
     */
    public boolean complete() {
        return findings.isEmpty();
    }

    /**
     * @param kind a kind of difference
     * @return its findings, in order
     */
    public List<CompletenessFinding> findings(CompletenessKind kind) {
        return findings.stream().filter(finding -> finding.kind() == kind).toList();
    }
}
