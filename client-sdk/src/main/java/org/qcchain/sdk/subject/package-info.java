/**
 * For identity providers (the citizen app's 数字保险箱, digital safe-box): a data subject's own
 * records, consents and access trail through a node, with everything checked against the ledger.
 * {@link org.qcchain.sdk.subject.SafeBoxClient} calls the node's {@code /v1/subjects/...} routes;
 * {@link org.qcchain.sdk.subject.AccessTrailVerifier} checks each entry of "who used my data"
 * against its transaction evidence, trusting only {@link org.qcchain.sdk.verify.TrustAnchors}.
 */
package org.qcchain.sdk.subject;
