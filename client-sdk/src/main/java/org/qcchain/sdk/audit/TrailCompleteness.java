package org.qcchain.sdk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.sdk.AccessRecordQuery;
import org.qcchain.sdk.internal.Syntax;
import org.qcchain.sdk.verify.ChainReport;
import org.qcchain.sdk.verify.ChainVerificationException;
import org.qcchain.sdk.verify.ChainVerifier;
import org.qcchain.sdk.verify.TrustAnchors;
import org.qcchain.sdk.verify.VerificationFailure;

/**
 * Checks that the node's listing of the access trail ({@code GET /v1/access-records}) is complete,
 * without trusting the operator: the chain is verified first with {@link ChainVerifier} (hash
 * links, the node's signatures, transactions roots, each fetched transaction tied to its block's
 * summary), then every valid transaction on it that decided a data request must be listed, and
 * every listed id must be such a transaction. {@link AccessTrailAudit} proves that each listed
 * record is on the ledger; this proves that none was left out.
 *
 * <pre>{@code
 * LedgerCopy copy = LedgerCopy.fetch(client);                // every block, every transaction by id
 * List<String> listed = new ArrayList<>();
 * AuditReport flows = audit.review(AccessRecordQuery.all(), rules, listed::add);
 * CompletenessReport report = TrailCompleteness.create(anchors, suite)
 *         .check(copy.blocks(), copy.transactions(), listed);
 * if (!report.complete()) report.findings().forEach(this::investigate);
 * }</pre>
 *
 * <p>A decision is a transaction the signed block header marks VALID, whose chaincode answered
 * below 400, whose proposal calls {@code Access:requestAccess} and whose {@code AccessDecided}
 * event names the transaction id as access id. A listing for one consumer or a decision-time window
 * is compared with the decisions of that consumer (the event's {@code consumerMspId}) and that
 * window (the proposal time, which the chaincode records as {@code decidedAt}); listings by
 * provider or subject cannot be, as the event names neither.
 *
 * <p>Memory: the chain the caller holds, a set of the listed ids (about 150 bytes each, 15 MB for
 * 100,000 records), and one finding per difference; the chain is walked once. The findings come in
 * {@link CompletenessFinding#ORDER}, whatever the order of the listing.
 *
 * <p>Limits: the check covers the blocks given, so a decision committed after they were fetched is
 * not expected in the listing, while one committed after the listing was fetched shows as {@link
 * CompletenessKind#UNLISTED_DECISION}: fetch the listing first, then the chain, or bound the
 * listing's window before either. That the chain is the node's whole and only chain rests on block 0
 * (its node certificate issued by a trusted node CA) and on hashes kept from earlier checks. Only
 * the embedded ledger is supported: for a Fabric channel the check refuses with {@link
 * VerificationFailure#FORMAT_UNSUPPORTED}, because a Fabric peer writes the validation codes in
 * unsigned block metadata, so a node could hide a decision by marking it invalid; a Fabric audit
 * compares with the blocks of another organisation's peer (docs/security.md).
 */
public final class TrailCompleteness {

    private final ChainVerifier chain;

    private TrailCompleteness(ChainVerifier chain) {
        this.chain = chain;
    }

    /**
     * @param anchors trusted node CAs
     * @param suite the network's suite
     * @return a thread-safe check
     */
    public static TrailCompleteness create(TrustAnchors anchors, CryptoSuite suite) {
        return new TrailCompleteness(ChainVerifier.create(Objects.requireNonNull(anchors, "anchors"),
                Objects.requireNonNull(suite, "suite")));
    }

    /**
     * Compares the whole trail's listing ({@code AccessRecordQuery.all()}) with the chain.
     *
     * @param blocks the chain from block 0, as {@code GET /v1/blocks/{n}} serves it
     * @param transactions every transaction the blocks summarise, by id ({@code GET /v1/transactions/{txId}})
     * @param listedAccessIds the access ids of the listing, in any order, duplicates as listed
     * @return the counts and differences
     * @throws ChainVerificationException if the chain does not verify (naming the first bad block),
     *     or it is a Fabric channel's ({@code FORMAT_UNSUPPORTED})
     */
    public CompletenessReport check(List<JsonNode> blocks, Map<String, JsonNode> transactions,
            Iterable<String> listedAccessIds) throws ChainVerificationException {
        return check(blocks, transactions, listedAccessIds, AccessRecordQuery.all());
    }

    /**
     * Compares the listing of one query with the decisions of the chain in its scope.
     *
     * @param blocks the chain from block 0, as {@code GET /v1/blocks/{n}} serves it
     * @param transactions every transaction the blocks summarise, by id ({@code GET /v1/transactions/{txId}})
     * @param listedAccessIds the access ids of the listing, in any order, duplicates as listed
     * @param query the query the listing answered: scope ALL or CONSUMER, with or without a window
     * @return the counts and differences
     * @throws IllegalArgumentException for a PROVIDER or SUBJECT query
     * @throws ChainVerificationException if the chain does not verify (naming the first bad block),
     *     or it is a Fabric channel's ({@code FORMAT_UNSUPPORTED})
     */
    public CompletenessReport check(List<JsonNode> blocks, Map<String, JsonNode> transactions,
            Iterable<String> listedAccessIds, AccessRecordQuery query) throws ChainVerificationException {
        Objects.requireNonNull(blocks, "blocks");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(listedAccessIds, "listedAccessIds");
        if (!"ALL".equals(query.scope()) && !"CONSUMER".equals(query.scope())) {
            throw new IllegalArgumentException("a listing of scope " + query.scope() + " cannot be compared with the"
                    + " chain: the AccessDecided event names the consumer, not the providers or the subject");
        }
        if (!blocks.isEmpty() && "fabric".equals(blocks.get(0).path("ledger").asText())) {
            throw new ChainVerificationException(0, VerificationFailure.FORMAT_UNSUPPORTED, "the completeness of"
                    + " the access trail is checked on the embedded ledger only: a Fabric peer keeps validation codes"
                    + " in unsigned block metadata, so compare with another organisation's peer");
        }
        ChainReport verified = chain.verify(blocks, transactions);
        for (JsonNode block : blocks) {
            JsonNode txs = block.get("transactions");
            if ((txs == null || !txs.isArray()) && !block.path("header").path("validationCodes").isEmpty()) {
                long number = block.path("header").path("number").asLong();
                throw new ChainVerificationException(number, VerificationFailure.MALFORMED, "the block is served"
                        + " without its transactions, so its decisions cannot be compared with the listing");
            }
        }

        List<CompletenessFinding> findings = new ArrayList<>();
        Map<String, Boolean> listed = new HashMap<>();   // id -> seen on the chain
        long entries = 0;
        for (String accessId : listedAccessIds) {
            entries++;
            String id = accessId == null ? "" : accessId;
            if (!Syntax.TX_ID.matches(id)) {
                findings.add(new CompletenessFinding(CompletenessKind.LISTED_WITHOUT_DECISION, "", -1, -1,
                        "entry " + entries + " of the listing has no access id of 64 lowercase hex characters"));
            } else if (listed.putIfAbsent(id, Boolean.FALSE) != null) {
                findings.add(new CompletenessFinding(CompletenessKind.LISTED_TWICE, id, -1, -1,
                        "listed again as entry " + entries));
            }
        }
        long decisions = 0;
        long matched = 0;
        for (JsonNode block : blocks) {
            long number = block.path("header").path("number").asLong();
            JsonNode codes = block.path("header").path("validationCodes");
            for (int i = 0; i < block.path("transactions").size(); i++) {
                ChainEntry entry = ChainEntry.read(whole(block.get("transactions").get(i), transactions),
                        codes.get(i).asText(), number, i);
                Boolean seen = listed.get(entry.txId());
                boolean isListed = seen != null && !seen;
                if (isListed) {
                    listed.put(entry.txId(), Boolean.TRUE);
                }
                switch (entry.kind()) {
                    case DECISION -> {
                        if (!inScope(entry, query)) {
                            if (isListed) {
                                findings.add(finding(CompletenessKind.LISTED_WITHOUT_DECISION, entry,
                                        "the decision in block " + number + " index " + i + " (" + entry.consumerMspId()
                                                + ", " + entry.decidedAt() + ") is outside the listing's scope"));
                            }
                        } else {
                            decisions++;
                            if (isListed) {
                                matched++;
                            } else {
                                findings.add(finding(CompletenessKind.UNLISTED_DECISION, entry, "the decision of "
                                        + entry.consumerMspId() + " at " + entry.decidedAt() + " in block " + number
                                        + " index " + i + " is not listed"));
                            }
                        }
                    }
                    case INCONSISTENT -> findings.add(finding(CompletenessKind.INCONSISTENT_DECISION, entry,
                            "the valid transaction in block " + number + " index " + i + (isListed ? " (listed)"
                                    : " (not listed)") + ": " + entry.detail()));
                    case OTHER -> {
                        if (isListed) {
                            findings.add(finding(CompletenessKind.LISTED_WITHOUT_DECISION, entry, entry.detail()));
                        }
                    }
                }
            }
        }
        listed.forEach((id, seen) -> {
            if (!seen) {
                findings.add(new CompletenessFinding(CompletenessKind.LISTED_WITHOUT_DECISION, id, -1, -1,
                        "no transaction of blocks " + verified.firstBlock() + ".." + verified.lastBlock()
                                + " has this id"));
            }
        });
        findings.sort(CompletenessFinding.ORDER);
        return new CompletenessReport(verified, decisions, entries, matched, findings);
    }

    /**
     * The access ids of listed records, for {@link #check}: a record without a textual {@code
     * accessId} gives an empty id, which the check reports.
     *
     * @param records AccessRecord JSON objects as the node lists them
     * @return their access ids, in order
     */
    public static List<String> accessIds(Iterable<JsonNode> records) {
        List<String> ids = new ArrayList<>();
        records.forEach(record -> ids.add(record.path("accessId").isTextual() ? record.get("accessId").textValue()
                : ""));
        return ids;
    }

    /** The whole transaction: in the block, or fetched by the id of its summary (tied by the verifier). */
    private static JsonNode whole(JsonNode served, Map<String, JsonNode> transactions) {
        if (served.has("proposal")) {
            return served;
        }
        return transactions.get(served.path("txId").asText()).path("evidence").path("transaction");
    }

    private static boolean inScope(ChainEntry decision, AccessRecordQuery query) {
        return (query.party() == null || query.party().equals(decision.consumerMspId()))
                && (query.from() == null || !decision.decidedAt().isBefore(query.from()))
                && (query.to() == null || decision.decidedAt().isBefore(query.to()));
    }

    private static CompletenessFinding finding(CompletenessKind kind, ChainEntry entry, String detail) {
        return new CompletenessFinding(kind, entry.txId(), entry.blockNumber(), entry.index(), detail);
    }
}
