package org.qcchain.ledger.embedded;

import java.util.concurrent.CompletableFuture;

/**
 * A membership update waiting for its own config block.
 *
 * @param update the signed update
 * @param result completed with the config block once it is durable
 */
record PendingConfig(MembershipUpdate update, CompletableFuture<Block> result) implements Queued {

    @Override
    public void fail(LedgerException e) {
        result.completeExceptionally(e);
    }
}
