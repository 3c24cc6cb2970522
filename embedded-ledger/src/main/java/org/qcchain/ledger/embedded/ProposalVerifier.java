package org.qcchain.ledger.embedded;

import java.security.PublicKey;
import java.util.Arrays;
import org.qcchain.common.crypto.Certificates;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.crypto.InvalidSignatureException;

/**
 * The checks a Fabric peer makes on a proposal before simulating it ({@code ValidateProposal}):
 * well-formed, for this channel and chaincode, transaction id derived from nonce and creator, and
 * signed by the key of the creator's certificate in this ledger's suite.
 *
 * <p>A proposal signed in this process ({@link SignedProposal#signedHereBy()}, e.g. by the node
 * that runs this ledger) by the identity whose certificate it names is not checked again: that
 * identity's key is the pair of that certificate ({@link Identity} checks it when it is made) and
 * it signed exactly these bytes, so the check could only succeed. It saves one signature check per
 * transaction of an in-process submitter; proposals from anywhere else are always checked.
 *
 * <p>A proposal without a signature is the ledger's own node's ({@link
 * ProposalBuilder#buildForOwnLedger()}): accepted for endorsement only if built in this process by
 * the identity of the node's key, and on the stored chain ({@link #verifyStored}) only if its
 * creator's key is the node's, whose block signature covers it.
 *
 * <p>Not checked here, as on a peer this is the MSP's job: that the creator's certificate was
 * issued by a CA of the organisation it names; {@link MembershipCheck} does that, against the
 * membership in force. Thread-safe.
 */
final class ProposalVerifier {

    private final CryptoSuite suite;
    private final String channel;
    private final String chaincode;
    private final byte[] nodeKey;
    private final StageClock clock;

    /**
     * Creates the verifier of a ledger.
     *
     * @param nodeKey the public key of the ledger's node, which signs its blocks
     */
    ProposalVerifier(CryptoSuite suite, String channel, String chaincode, PublicKey nodeKey, StageClock clock) {
        this.suite = suite;
        this.channel = channel;
        this.chaincode = chaincode;
        this.nodeKey = nodeKey.getEncoded();
        this.clock = clock;
    }

    /** The decoded proposal of a submission, if every check passes. */
    ParsedProposal verify(SignedProposal signed) throws ProposalRejectedException {
        return verify(signed, false);
    }

    /**
     * The decoded proposal of a stored transaction, if every check passes; one without a
     * signature must name the node as creator (the caller checks the block's signature).
     */
    ParsedProposal verifyStored(SignedProposal signed) throws ProposalRejectedException {
        return verify(signed, true);
    }

    private ParsedProposal verify(SignedProposal signed, boolean stored) throws ProposalRejectedException {
        long start = clock.start();
        ParsedProposal parsed = ProposalCodec.decode(signed.proposalBytesUnsafe());
        start = clock.record(Stage.DECODE, start);
        if (!parsed.proposal().channelId().equals(channel)) {
            throw new ProposalRejectedException(ValidationCode.BAD_PROPOSAL, "proposal is for channel '"
                    + parsed.proposal().channelId() + "', this ledger is '" + channel + "'");
        }
        if (!parsed.proposal().chaincodeName().equals(chaincode)) {
            throw new ProposalRejectedException(ValidationCode.BAD_PROPOSAL, "proposal is for chaincode '"
                    + parsed.proposal().chaincodeName() + "', this ledger runs '" + chaincode + "'");
        }
        verifySignature(parsed, signed, stored);
        clock.record(Stage.PROPOSAL_SIGNATURE, start);
        return parsed;
    }

    private void verifySignature(ParsedProposal parsed, SignedProposal signed, boolean stored)
            throws ProposalRejectedException {
        CryptoSuite creatorSuite;
        try {
            creatorSuite = Certificates.suiteOf(parsed.certificate());
        } catch (IllegalArgumentException e) {
            throw new ProposalRejectedException(ValidationCode.BAD_PROPOSAL_SIGNATURE, e.getMessage());
        }
        if (creatorSuite != suite) {
            throw new ProposalRejectedException(ValidationCode.BAD_PROPOSAL_SIGNATURE, "creator's key is "
                    + creatorSuite + ", this ledger uses " + suite);
        }
        if (signed.coveredByBlock()) {
            requireNode(parsed, signed, stored);
            return;
        }
        if (signedHereByCreator(signed, parsed)) {
            return;
        }
        try {
            suite.verify(parsed.certificate().getPublicKey(), signed.proposalBytesUnsafe(),
                    signed.signatureUnsafe());
        } catch (InvalidSignatureException e) {
            throw new ProposalRejectedException(ValidationCode.BAD_PROPOSAL_SIGNATURE, "signature of "
                    + parsed.mspId() + " '" + Certificates.subjectDn(parsed.certificate())
                    + "' does not verify: " + e.getMessage());
        }
    }

    private void requireNode(ParsedProposal parsed, SignedProposal signed, boolean stored)
            throws ProposalRejectedException {
        boolean node = Arrays.equals(parsed.certificate().getPublicKey().getEncoded(), nodeKey);
        if (!node || !stored && !signedHereByCreator(signed, parsed)) {
            throw new ProposalRejectedException(ValidationCode.BAD_PROPOSAL_SIGNATURE, "the proposal of "
                    + parsed.mspId() + " '" + Certificates.subjectDn(parsed.certificate()) + "' has no signature;"
                    + " only the ledger's own node may leave it to its block signature, from its own process");
        }
    }

    private static boolean signedHereByCreator(SignedProposal signed, ParsedProposal parsed) {
        Identity signer = signed.signedHereBy();
        return signer != null && signer.certificate().equals(parsed.certificate());
    }
}
