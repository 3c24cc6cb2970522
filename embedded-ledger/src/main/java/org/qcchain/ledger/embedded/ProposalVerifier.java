package org.qcchain.ledger.embedded;

import org.qcchain.common.crypto.Certificates;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.InvalidSignatureException;

/**
 * The checks a Fabric peer makes on a proposal before simulating it ({@code ValidateProposal}):
 * well-formed, for this channel and chaincode, transaction id derived from nonce and creator, and
 * signed by the key of the creator's certificate in this ledger's suite.
 *
 * <p>Not checked here, as on a peer this is the MSP's job: that the creator's certificate was
 * issued by a CA of the organisation it names (see docs/ledger.md, "Differences from a Fabric peer").
 * Thread-safe.
 */
final class ProposalVerifier {

    private final CryptoSuite suite;
    private final String channel;
    private final String chaincode;

    ProposalVerifier(CryptoSuite suite, String channel, String chaincode) {
        this.suite = suite;
        this.channel = channel;
        this.chaincode = chaincode;
    }

    /** The decoded proposal, if every check passes. */
    ParsedProposal verify(SignedProposal signed) throws ProposalRejectedException {
        ParsedProposal parsed = ProposalCodec.decode(signed.proposalBytesUnsafe());
        if (!parsed.proposal().channelId().equals(channel)) {
            throw new ProposalRejectedException(ValidationCode.BAD_PROPOSAL, "proposal is for channel '"
                    + parsed.proposal().channelId() + "', this ledger is '" + channel + "'");
        }
        if (!parsed.proposal().chaincodeName().equals(chaincode)) {
            throw new ProposalRejectedException(ValidationCode.BAD_PROPOSAL, "proposal is for chaincode '"
                    + parsed.proposal().chaincodeName() + "', this ledger runs '" + chaincode + "'");
        }
        verifySignature(parsed, signed);
        return parsed;
    }

    private void verifySignature(ParsedProposal parsed, SignedProposal signed)
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
        try {
            suite.verify(parsed.certificate().getPublicKey(), signed.proposalBytesUnsafe(),
                    signed.signatureUnsafe());
        } catch (InvalidSignatureException e) {
            throw new ProposalRejectedException(ValidationCode.BAD_PROPOSAL_SIGNATURE, "signature of "
                    + parsed.mspId() + " '" + Certificates.subjectDn(parsed.certificate())
                    + "' does not verify: " + e.getMessage());
        }
    }
}
