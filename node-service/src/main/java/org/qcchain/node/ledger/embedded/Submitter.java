package org.qcchain.node.ledger.embedded;

import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.ledger.embedded.CommitResult;
import org.qcchain.ledger.embedded.EmbeddedLedger;
import org.qcchain.ledger.embedded.EvaluateResult;
import org.qcchain.ledger.embedded.LedgerException;
import org.qcchain.ledger.embedded.ProposalBuilder;
import org.qcchain.ledger.embedded.ProposalRejectedException;
import org.qcchain.ledger.embedded.SignedProposal;
import org.qcchain.node.ledger.ChaincodeFailure;
import org.qcchain.node.ledger.Committed;
import org.qcchain.node.ledger.LedgerIdentity;

/**
 * Builds, signs and submits proposals, retrying read conflicts. Two data requests on one consent
 * in one block conflict on the consent's usage key; the loser changed nothing, so the same call is
 * proposed again with a new nonce (a new transaction id: the old one is on the ledger), as
 * docs/ledger.md prescribes.
 *
 * <p>The node's own proposals go without a signature of their own ({@link
 * org.qcchain.ledger.embedded.ProposalBuilder#buildForOwnLedger()}): the node signs the blocks that
 * take them, which covers them; everyone else's are signed.
 */
final class Submitter {

    /** Conflicts come from concurrent requests on one key; a handful of rounds settles them. */
    static final int MAX_ATTEMPTS = 5;

    /** Where a conflict's new proposal is signed: never on the ledger's committer thread. */
    private static final Executor RETRIES = ForkJoinPool.commonPool();

    private final EmbeddedLedger ledger;
    private final String channel;
    private final String chaincode;
    private final RecentBlocks recentBlocks;
    private final X509Certificate node;

    /**
     * Creates the submitter of a node.
     *
     * @param node the certificate of the node that runs {@code ledger} and signs its blocks
     */
    Submitter(EmbeddedLedger ledger, String channel, String chaincode, RecentBlocks recentBlocks,
            X509Certificate node) {
        this.ledger = ledger;
        this.channel = channel;
        this.chaincode = chaincode;
        this.recentBlocks = recentBlocks;
        this.node = node;
    }

    /**
     * Submits without waiting: the future completes once the transaction's block is durable and
     * has reached {@link RecentBlocks} (so its evidence is read from memory), with the same
     * retries and failures as {@link #submit}. It completes on a ledger thread (the committer's or
     * the listener's); callers continue on an executor of theirs.
     */
    CompletableFuture<Committed> submitAsync(LedgerIdentity as, String function, String... args) {
        CompletableFuture<Committed> done = new CompletableFuture<>();
        attempt(done, 1, false, as, function, args);
        return done;
    }

    /**
     * As {@link #submitAsync}, and the committed transaction is kept in {@link RecentBlocks} for the
     * one call for its evidence that follows (the others of its block are not kept).
     */
    CompletableFuture<Committed> submitAsyncForEvidence(LedgerIdentity as, String function, String... args) {
        CompletableFuture<Committed> done = new CompletableFuture<>();
        attempt(done, 1, true, as, function, args);
        return done;
    }

    private void attempt(CompletableFuture<Committed> done, int attempt, boolean evidenceWanted, LedgerIdentity as,
            String function, String... args) {
        SignedProposal proposal;
        CompletableFuture<CommitResult> submitted;
        try {
            proposal = proposal(as, function, args);
        } catch (LedgerException e) {
            done.completeExceptionally(unavailable(function, e));
            return;
        }
        if (evidenceWanted) {
            // before the submit: the block may reach RecentBlocks before the submit returns
            recentBlocks.expect(proposal.txId());
        }
        try {
            submitted = ledger.submit(proposal);
        } catch (LedgerException e) {
            recentBlocks.forget(proposal.txId());
            done.completeExceptionally(unavailable(function, e));
            return;
        }
        submitted.whenComplete((result, error) -> {
            if (error == null && result.isValid()) {
                Committed committed = committed(result);
                recentBlocks.afterDelivery(committed.blockNumber(), () -> done.complete(committed));
                return;
            }
            // not committed as valid: nobody will ask for its evidence
            recentBlocks.forget(proposal.txId());
            if (error != null) {
                done.completeExceptionally(unavailable(function, error));
            } else if (!result.isRetryable()) {
                done.completeExceptionally(failure(function, result));
            } else if (attempt < MAX_ATTEMPTS) {
                RETRIES.execute(() -> attempt(done, attempt + 1, evidenceWanted, as, function, args));
            } else {
                done.completeExceptionally(conflicts(function));
            }
        });
    }

    Committed submit(LedgerIdentity as, String function, String... args) throws ChaincodeFailure {
        CommitResult result = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                result = ledger.submit(proposal(as, function, args)).join();
            } catch (CompletionException | LedgerException e) {
                throw unavailable(function, e);
            }
            if (result.isValid()) {
                return committed(result);
            }
            if (!result.isRetryable()) {
                throw failure(function, result);
            }
        }
        throw conflicts(function);
    }

    String evaluate(LedgerIdentity as, String function, String... args) throws ChaincodeFailure {
        EvaluateResult result;
        try {
            result = ledger.evaluate(proposal(as, function, args));
        } catch (ProposalRejectedException e) {
            throw new ChaincodeFailure(ErrorCode.NOT_AUTHORIZED, function,
                    "the ledger refused the query: " + e.getMessage());
        } catch (LedgerException e) {
            throw new ChaincodeFailure(ErrorCode.LEDGER_UNAVAILABLE, function, e.getMessage());
        }
        if (!result.isSuccess()) {
            throw ChaincodeFailure.fromMessage(function, result.message());
        }
        return result.payloadAsString();
    }

    private SignedProposal proposal(LedgerIdentity as, String function, String... args) {
        ProposalBuilder proposal = SignedProposal.builder(as.identity(), as.mspId()).channel(channel)
                .chaincode(chaincode).function(function).arguments(args);
        return as.identity().certificate().equals(node) ? proposal.buildForOwnLedger() : proposal.build();
    }

    private static Committed committed(CommitResult result) {
        return new Committed(result.txId(), result.blockNumber().orElse(-1), result.payloadAsString());
    }

    private static ChaincodeFailure unavailable(String function, Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return new ChaincodeFailure(ErrorCode.LEDGER_UNAVAILABLE, function, "the ledger failed: "
                + cause.getMessage());
    }

    private static ChaincodeFailure conflicts(String function) {
        return new ChaincodeFailure(ErrorCode.LEDGER_UNAVAILABLE, function, "the transaction lost "
                + MAX_ATTEMPTS + " races for the same ledger keys; retry later");
    }

    private static ChaincodeFailure failure(String function, CommitResult result) {
        return switch (result.code()) {
            case ENDORSEMENT_POLICY_FAILURE -> ChaincodeFailure.fromMessage(function,
                    result.chaincodeMessage());
            case CREATOR_NOT_MEMBER -> new ChaincodeFailure(ErrorCode.NOT_AUTHORIZED, function,
                    "the submitter is not a member of the channel: " + result.validationMessage());
            case CREATOR_CERTIFICATE_EXPIRED -> new ChaincodeFailure(ErrorCode.CERTIFICATE_EXPIRED,
                    function, result.validationMessage());
            default -> new ChaincodeFailure(ErrorCode.INTERNAL_ERROR, function,
                    "the ledger refused the transaction: " + result.code() + " "
                            + result.validationMessage());
        };
    }
}
