package org.qcchain.sdk.verify;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.qcchain.common.fabric.ChaincodeEndorsedAction;
import org.qcchain.common.fabric.Endorsement;

/**
 * The endorsements of a Fabric transaction, re-checked by the verifier itself rather than taken
 * from the committing peer's validation code (which no orderer signs): every endorsement must be by
 * a peer whose certificate a CA trusted for its MSP issued, valid at the transaction's time, and
 * must sign {@code proposal_response_payload ‖ endorser}; then at least {@link
 * FabricTrust#minimumEndorsements()} distinct organisations of {@link
 * FabricTrust#endorsingOrganisations()} must be among the endorsers. Stricter than Fabric, which
 * ignores a bad endorsement when the good ones satisfy the policy: an honest gateway never sends one.
 */
final class FabricEndorsementCheck {

    private final Signers signers;
    private final FabricIdentities identities;
    private final FabricTrust channel;

    FabricEndorsementCheck(Signers signers, FabricIdentities identities, FabricTrust channel) {
        this.signers = signers;
        this.identities = identities;
        this.channel = channel;
    }

    void check(ChaincodeEndorsedAction action, Instant at, String what) throws VerificationException {
        Set<String> endorsedBy = new TreeSet<>();
        int i = 0;
        for (Endorsement endorsement : action.endorsements()) {
            String endorser = what + " endorser " + i++;
            FabricIdentities.Member peer = identities.member(endorsement.endorser(), channel.endorserRole(), at,
                    VerificationFailure.ENDORSER_UNTRUSTED, endorser);
            signers.requireSignature(peer.certificate(), endorsement.signedBytes(action.proposalResponsePayload()),
                    endorsement.signature(), true, VerificationFailure.ENDORSEMENT_SIGNATURE_INVALID,
                    endorser + "'s signature (" + peer.mspId() + ")");
            if (channel.endorsingOrganisations().contains(peer.mspId())) {
                endorsedBy.add(peer.mspId());
            }
        }
        if (endorsedBy.size() < channel.minimumEndorsements()) {
            throw new VerificationException(VerificationFailure.ENDORSEMENT_POLICY_NOT_SATISFIED, what
                    + " is endorsed by " + endorsedBy.size() + " of the endorsing organisations "
                    + channel.endorsingOrganisations() + " " + endorsedBy + "; " + channel.minimumEndorsements()
                    + " needed (" + action.endorsements().size() + " endorsements in all)");
        }
    }
}
