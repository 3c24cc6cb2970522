package org.qcchain.node.ledger.embedded;

import java.util.List;
import org.qcchain.ledger.embedded.ChannelMembership;
import org.qcchain.ledger.embedded.EmbeddedLedger;
import org.qcchain.ledger.embedded.MembershipUpdate;
import org.qcchain.node.ledger.LedgerIdentity;

/**
 * Admits organisations to the channel: a membership update with the next sequence number, signed
 * by the node, written only when the organisation's CAs change. One admission at a time, so two
 * never claim the same sequence number.
 */
final class ChannelAdmission {

    private final EmbeddedLedger ledger;
    private final LedgerIdentity node;

    ChannelAdmission(EmbeddedLedger ledger, LedgerIdentity node) {
        this.ledger = ledger;
        this.node = node;
    }

    synchronized void admit(String mspId, List<String> caCertificatesPem) {
        ChannelMembership current = ledger.membership();
        if (current.caCertificates(mspId).equals(caCertificatesPem)) {
            return; // already a member with these CAs: nothing to write
        }
        MembershipUpdate update = MembershipUpdate.sign(LedgerSetup.CHANNEL, current.sequence() + 1, mspId,
                caCertificatesPem, node.identity());
        ledger.updateMembership(update).join();
    }
}
