package org.qcchain.chaincode.evaluation;

import java.util.List;
import java.util.Optional;
import org.qcchain.chaincode.model.AccessItem;
import org.qcchain.chaincode.model.Consent;
import org.qcchain.chaincode.model.ConsentUsage;
import org.qcchain.chaincode.model.Decision;
import org.qcchain.common.error.ErrorCode;

/**
 * The outcome of evaluating one signed data request.
 *
 * @param reason null when granted; otherwise the first check that failed
 * @param items the requested datasets with their providers and agreements, as far as known
 * @param consent the consent the request named, when it exists
 * @param usageAfter the consent's usage including this request; present only when granted on a
 *     consent (a subject's access to their own records uses none)
 * @param signatureVerified whether the consumer's signature verified (only then is its nonce spent)
 * @param certificateFingerprint SHA-256 of the signer's certificate, when it parsed
 */
public record Evaluation(
        Decision decision,
        ErrorCode reason,
        String reasonMessage,
        List<AccessItem> items,
        Optional<Consent> consent,
        Optional<ConsentUsage> usageAfter,
        boolean signatureVerified,
        String certificateFingerprint) {

    public boolean granted() {
        return decision == Decision.GRANTED;
    }
}
