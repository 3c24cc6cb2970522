/**
 * For auditors: abnormal flows in the access trail (异常流转), found in the auditor's own process
 * over records it verified against the ledger, so without trusting the operator. {@link
 * org.qcchain.sdk.audit.AccessTrailAudit} pages through {@code GET /v1/access-records}, checks each
 * record against its transaction and feeds an {@link org.qcchain.sdk.audit.AbnormalFlowDetector},
 * which applies {@link org.qcchain.sdk.audit.AbnormalFlowRules} (burst, outside office hours, many
 * denials, use after revocation, sweep) with sliding windows per consumer, in memory bounded by the
 * windows, and reports each {@link org.qcchain.sdk.audit.Finding} with the access ids that make it
 * up. Malformed records are reported as {@link org.qcchain.sdk.audit.MalformedRecord}s. {@link
 * org.qcchain.sdk.audit.TrailCompleteness} then checks that the listing left nothing out: it
 * verifies the whole chain ({@link org.qcchain.sdk.audit.LedgerCopy}) and compares its access
 * decisions with the listed access ids.
 */
package org.qcchain.sdk.audit;
