/**
 * Offline verification of a node's answers ({@code qcchain-answer/2}, and the first format {@code
 * qcchain-answer/1}) and of the chain, trusting
 * only {@link org.qcchain.sdk.verify.TrustAnchors}: {@link org.qcchain.sdk.verify.Verifier} →
 * {@link org.qcchain.sdk.verify.VerifiedAnswer}, or a {@link
 * org.qcchain.sdk.verify.VerificationException} naming the {@link
 * org.qcchain.sdk.verify.VerificationFailure}; {@link org.qcchain.sdk.verify.ChainVerifier} for
 * auditors.
 */
package org.qcchain.sdk.verify;
