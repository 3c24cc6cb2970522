package org.qcchain.ledger.embedded;

/**
 * The membership in force, shared by the endorsing workers (which check new proposals against it)
 * and the committer (the only one that changes it, right after writing a config block).
 */
final class MembershipState {

    private final MembershipCheck check = new MembershipCheck();
    private volatile ChannelMembership current;

    MembershipState(ChannelMembership current) {
        this.current = current;
    }

    ChannelMembership current() {
        return current;
    }

    /** The committer, once the config block that makes {@code next} is durable. */
    void advance(ChannelMembership next) {
        current = next;
    }

    MembershipCheck check() {
        return check;
    }
}
