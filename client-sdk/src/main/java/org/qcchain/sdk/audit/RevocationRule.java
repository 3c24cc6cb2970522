package org.qcchain.sdk.audit;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.qcchain.common.error.ErrorCode;

/**
 * Use after revocation: a consumer asked on a consent the ledger no longer honoured. The ledger
 * records such a request as DENIED with the reason the chaincode's consent check found ({@code
 * AccessEvaluator}: {@link ErrorCode#CONSENT_REVOKED}, {@link ErrorCode#CONSENT_PAUSED}, {@link
 * ErrorCode#CONSENT_EXPIRED}; the use limit: {@link ErrorCode#CONSENT_EXHAUSTED}). Attempts on one
 * consent by one consumer, each within {@code window} of the one before, form one group; a group
 * of more than {@code allowedAttempts} is a finding.
 *
 * @param reasonCodes the denial reasons that mean "the consent had ended"; not empty
 * @param allowedAttempts how many attempts per consent pass unreported, 0 or more
 * @param window how long after an attempt a further one still belongs to the same group
 */
public record RevocationRule(Set<ErrorCode> reasonCodes, int allowedAttempts, Duration window) {

    /** The chaincode's reasons for a consent that has ended or is on hold. */
    public static final Set<ErrorCode> ENDED_CONSENT = Set.copyOf(EnumSet.of(ErrorCode.CONSENT_REVOKED,
            ErrorCode.CONSENT_PAUSED, ErrorCode.CONSENT_EXPIRED, ErrorCode.CONSENT_EXHAUSTED));

    /**
     * Every attempt on a revoked, paused, expired or used-up consent is reported, attempts on one
     * consent within a day of each other as one finding. A consumer learns of a revocation from the
     * first denial; asking again is what auditors look for, but even one attempt is worth a line.
     */
    public static final RevocationRule DEFAULT = new RevocationRule(ENDED_CONSENT, 0, Duration.ofDays(1));

    /** Checks the parts and copies the codes. */
    public RevocationRule {
        Objects.requireNonNull(reasonCodes, "useAfterRevocation.reasonCodes");
        if (reasonCodes.isEmpty()) {
            throw new IllegalArgumentException("useAfterRevocation.reasonCodes must name at least one ErrorCode");
        }
        reasonCodes = Set.copyOf(reasonCodes);
        if (allowedAttempts < 0) {
            throw new IllegalArgumentException("useAfterRevocation.allowedAttempts must be 0 or more, was "
                    + allowedAttempts);
        }
        Windows.check("useAfterRevocation", window);
    }

    /** @return whether a denial with this reason code is an attempt on an ended consent */
    boolean matches(String reasonCode) {
        for (ErrorCode code : reasonCodes) {
            if (code.code().equals(reasonCode)) {
                return true;
            }
        }
        return false;
    }

    /** @return the rule in words */
    public String describe() {
        TreeSet<String> codes = new TreeSet<>();
        reasonCodes.forEach(code -> codes.add(code.code()));
        return "more than " + allowedAttempts + " requests on one consent denied " + String.join("/", codes)
                + ", attempts less than " + Windows.text(window) + " apart grouped";
    }
}
