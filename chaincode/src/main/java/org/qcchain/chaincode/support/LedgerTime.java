package org.qcchain.chaincode.support;

import java.time.Instant;
import org.hyperledger.fabric.contract.Context;
import org.qcchain.common.time.IsoInstant;

/**
 * The only clock of the contract: the transaction's timestamp, set by the submitting client and
 * the same on every endorsing peer. Never the wall clock, which would make endorsements differ.
 */
public final class LedgerTime {
    private LedgerTime() {}

    public static Instant now(Context ctx) {
        return ctx.getStub().getTxTimestamp();
    }

    /** ISO-8601 text of the transaction time, as stored in ledger values. */
    public static String nowText(Context ctx) {
        return IsoInstant.format(now(ctx));
    }
}
