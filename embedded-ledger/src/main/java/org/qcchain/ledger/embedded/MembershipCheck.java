package org.qcchain.ledger.embedded;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.qcchain.common.crypto.Certificates;
import org.qcchain.common.crypto.IssuanceCache;

/**
 * The MSP check of a Fabric channel: the proposal's creator certificate was issued by a CA the
 * channel membership lists for the MSP id the creator names, and it (and that CA) is valid at the
 * proposal's timestamp. Run at endorsement against the membership in force, again at commit
 * against the membership of the block (a config block may have come in between), and by {@code
 * verify} against the membership replayed up to each block. Thread-safe.
 */
final class MembershipCheck {

    private static final int CACHE_CAPACITY = 16_384;

    private final IssuanceCache issuers = new IssuanceCache(CACHE_CAPACITY);

    /** Throws {@link ValidationCode#CREATOR_NOT_MEMBER} or {@link ValidationCode#CREATOR_CERTIFICATE_EXPIRED}. */
    void check(ParsedProposal parsed, ChannelMembership membership) throws ProposalRejectedException {
        X509Certificate creator = parsed.certificate();
        List<X509Certificate> cas = membership.cas(parsed.mspId()).orElseThrow(() -> new ProposalRejectedException(
                ValidationCode.CREATOR_NOT_MEMBER, "'" + parsed.mspId() + "' is not an organisation of this channel"));
        Instant at = parsed.proposal().timestamp();
        for (X509Certificate ca : cas) {
            if (issuers.issuedBy(creator, ca)) {
                requireValid(creator, at);
                requireValid(ca, at);
                return;
            }
        }
        throw new ProposalRejectedException(ValidationCode.CREATOR_NOT_MEMBER, "creator '"
                + Certificates.subjectDn(creator) + "' was not issued by a CA of " + parsed.mspId());
    }

    /** The code {@link #check} would throw, or {@link ValidationCode#VALID}. */
    ValidationCode outcome(ParsedProposal parsed, ChannelMembership membership) {
        try {
            check(parsed, membership);
            return ValidationCode.VALID;
        } catch (ProposalRejectedException e) {
            return e.code();
        }
    }

    private static void requireValid(X509Certificate certificate, Instant at) throws ProposalRejectedException {
        try {
            Certificates.checkValidAt(certificate, at);
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new ProposalRejectedException(ValidationCode.CREATOR_CERTIFICATE_EXPIRED, e.getMessage());
        }
    }
}
