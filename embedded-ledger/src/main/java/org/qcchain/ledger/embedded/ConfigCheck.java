package org.qcchain.ledger.embedded;

import java.security.PublicKey;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.InvalidSignatureException;

/**
 * Decides whether a {@link MembershipUpdate} may follow a membership: for this channel, the next
 * sequence, signed by the node of block 0, and listing CA certificates of the ledger's suite. The
 * committer checks it before writing the config block; {@code verify} checks it again.
 */
final class ConfigCheck {

    private final String channel;
    private final CryptoSuite suite;
    private final PublicKey nodeKey;

    ConfigCheck(String channel, CryptoSuite suite, PublicKey nodeKey) {
        this.channel = channel;
        this.suite = suite;
        this.nodeKey = nodeKey;
    }

    /** The membership after the update; {@link ValidationCode#BAD_CONFIG_UPDATE} if it may not follow. */
    ChannelMembership apply(MembershipUpdate update, ChannelMembership current) throws ProposalRejectedException {
        if (!update.channel().equals(channel)) {
            throw bad("the update is for channel '" + update.channel() + "', this ledger is '" + channel + "'");
        }
        if (update.sequence() != current.sequence() + 1) {
            throw bad("the update creates membership sequence " + update.sequence() + ", the next is "
                    + (current.sequence() + 1));
        }
        try {
            suite.verify(nodeKey, update.signedBytes(), update.signature());
        } catch (InvalidSignatureException e) {
            throw bad("the update is not signed by the node of block 0: " + e.getMessage());
        }
        try {
            return current.apply(update.change(), suite);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private static ProposalRejectedException bad(String message) {
        return new ProposalRejectedException(ValidationCode.BAD_CONFIG_UPDATE, message);
    }
}
