package org.qcchain.sdk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qcchain.common.json.Json;
import org.qcchain.sdk.AccessRecordQuery;
import org.qcchain.sdk.verify.ChainVerificationException;
import org.qcchain.sdk.verify.VerificationFailure;

/**
 * An auditor compares the node's listing of the access trail with the decisions on a chain it
 * verified: a complete listing passes, a record left out or made up is named with its place on the
 * chain, and input that does not verify is refused before any comparison.
 */
class TrailCompletenessTest {

    static DecisionChain chain;
    static final List<String> decisions = new ArrayList<>();
    static final List<String> bankDecisions = new ArrayList<>();
    static String consent;
    static String conflicted;
    static Instant secondBlock;

    /** Block 1: two decisions and a consent; block 2: a denied and a conflicted decision; block 3: two decisions. */
    @BeforeAll
    static void a_chain_of_granted_and_denied_requests_among_other_transactions() {
        chain = new DecisionChain(41);
        bankDecisions.add(chain.decision(DecisionChain.BANK, true));
        decisions.add(chain.decision(DecisionChain.INSURER, true));
        consent = chain.consent();
        chain.cut();
        secondBlock = chain.clock();
        bankDecisions.add(chain.decision(DecisionChain.BANK, false));
        conflicted = chain.invalidDecision(DecisionChain.BANK, "MVCC_READ_CONFLICT");
        chain.cut();
        bankDecisions.add(chain.decision(DecisionChain.BANK, true));
        decisions.add(chain.decision(DecisionChain.INSURER, false));
        chain.cut();
        decisions.addAll(bankDecisions);
    }

    private static CompletenessReport check(List<String> listed) throws ChainVerificationException {
        return check(listed, AccessRecordQuery.all());
    }

    private static CompletenessReport check(List<String> listed, AccessRecordQuery query)
            throws ChainVerificationException {
        return TrailCompleteness.create(DecisionChain.network().trustAnchors(), DecisionChain.SUITE)
                .check(chain.blocks(), chain.transactions(), listed, query);
    }

    @Test
    void a_listing_of_every_decision_is_complete() throws Exception {
        CompletenessReport report = check(decisions);

        assertThat(report.complete()).isTrue();
        assertThat(report.decisions()).isEqualTo(5);
        assertThat(report.listed()).isEqualTo(5);
        assertThat(report.matched()).isEqualTo(5);
        assertThat(report.chain().firstBlock()).isZero();
        assertThat(report.chain().lastBlock()).isEqualTo(3);
        assertThat(report.chain().transactions()).isEqualTo(7);
    }

    @Test
    void a_decision_left_out_of_the_listing_is_named_with_its_block_and_index() throws Exception {
        List<String> hiding = new ArrayList<>(decisions);
        String hidden = bankDecisions.get(1);   // the denial in block 2, index 0
        hiding.remove(hidden);

        CompletenessReport report = check(hiding);

        assertThat(report.complete()).isFalse();
        assertThat(report.decisions()).isEqualTo(5);
        assertThat(report.matched()).isEqualTo(4);
        assertThat(report.findings()).extracting(CompletenessFinding::kind, CompletenessFinding::accessId,
                CompletenessFinding::blockNumber, CompletenessFinding::index)
                .containsExactly(tuple(CompletenessKind.UNLISTED_DECISION, hidden, 2L, 0));
        assertThat(report.findings().get(0).detail()).isEqualTo("the decision of " + DecisionChain.BANK + " at "
                + secondBlock + " in block 2 index 0 is not listed");
    }

    @Test
    void listed_ids_that_are_no_valid_decision_are_named_in_an_order_independent_of_the_listing() throws Exception {
        String madeUp = "ab".repeat(32);
        List<String> listing = new ArrayList<>(decisions);
        listing.addAll(List.of(madeUp, consent, conflicted, decisions.get(0), "not-an-id"));

        CompletenessReport report = check(listing);
        Collections.shuffle(listing, new Random(7));
        CompletenessReport shuffled = check(listing);

        assertThat(report.findings()).extracting(CompletenessFinding::kind, CompletenessFinding::accessId,
                CompletenessFinding::blockNumber, CompletenessFinding::index).containsExactly(
                tuple(CompletenessKind.LISTED_WITHOUT_DECISION, consent, 1L, 2),
                tuple(CompletenessKind.LISTED_WITHOUT_DECISION, conflicted, 2L, 1),
                tuple(CompletenessKind.LISTED_WITHOUT_DECISION, "", -1L, -1),
                tuple(CompletenessKind.LISTED_WITHOUT_DECISION, madeUp, -1L, -1),
                tuple(CompletenessKind.LISTED_TWICE, decisions.get(0), -1L, -1));
        assertThat(report.findings()).extracting(CompletenessFinding::detail).containsExactly(
                "the transaction in block 1 index 2 is a Consents:grantConsent transaction",
                "the transaction in block 2 index 1 is marked MVCC_READ_CONFLICT (Access:requestAccess)",
                "entry 10 of the listing has no access id of 64 lowercase hex characters",
                "no transaction of blocks 0..3 has this id",
                "listed again as entry 9");
        assertThat(report.listed()).isEqualTo(10);
        assertThat(report.matched()).isEqualTo(5);
        assertThat(shuffled.findings()).extracting(CompletenessFinding::kind, CompletenessFinding::accessId)
                .containsExactlyElementsOf(report.findings().stream().map(f -> tuple(f.kind(), f.accessId())).toList());
    }

    @Test
    void a_consumer_s_listing_in_a_window_is_compared_with_that_consumer_s_decisions_in_it() throws Exception {
        AccessRecordQuery bank = new AccessRecordQuery("CONSUMER", DecisionChain.BANK, null, null, 50);
        assertThat(check(bankDecisions, bank)).satisfies(report -> {
            assertThat(report.complete()).isTrue();
            assertThat(report.decisions()).isEqualTo(3);
        });

        AccessRecordQuery fromBlock2 = bank.between(secondBlock, secondBlock.plus(Duration.ofHours(1)));
        CompletenessReport report = check(List.of(bankDecisions.get(0), bankDecisions.get(1)), fromBlock2);

        assertThat(report.decisions()).isEqualTo(2);
        assertThat(report.findings()).extracting(CompletenessFinding::kind, CompletenessFinding::accessId)
                .containsExactly(tuple(CompletenessKind.UNLISTED_DECISION, bankDecisions.get(2)),
                        tuple(CompletenessKind.LISTED_WITHOUT_DECISION, bankDecisions.get(0)));
        assertThat(report.findings(CompletenessKind.LISTED_WITHOUT_DECISION).get(0).detail())
                .endsWith("is outside the listing's scope");
    }

    @Test
    void half_a_decision_is_reported_as_inconsistent_and_not_counted() throws Exception {
        DecisionChain odd = new DecisionChain(43);
        String fine = odd.decision(DecisionChain.BANK, true);
        String otherId = odd.odd(ChainEntry.FUNCTION, ChainEntry.EVENT, false);
        String noEvent = odd.odd(ChainEntry.FUNCTION, "Other", true);
        String otherFunction = odd.odd("Catalogue:registerDataset", ChainEntry.EVENT, true);
        odd.cut();

        CompletenessReport report = TrailCompleteness.create(DecisionChain.network().trustAnchors(),
                DecisionChain.SUITE).check(odd.blocks(), odd.transactions(), List.of(fine, noEvent));

        assertThat(report.decisions()).isEqualTo(1);
        assertThat(report.matched()).isEqualTo(1);
        assertThat(report.findings()).extracting(CompletenessFinding::kind, CompletenessFinding::accessId,
                CompletenessFinding::index).containsExactly(
                tuple(CompletenessKind.INCONSISTENT_DECISION, otherId, 1),
                tuple(CompletenessKind.INCONSISTENT_DECISION, noEvent, 2),
                tuple(CompletenessKind.INCONSISTENT_DECISION, otherFunction, 3));
        assertThat(report.findings()).extracting(CompletenessFinding::detail).containsExactly(
                "the valid transaction in block 1 index 1 (not listed): its AccessDecided event or its proposal"
                        + " names another access id than the transaction's, or no consumer",
                "the valid transaction in block 1 index 2 (listed): it calls Access:requestAccess, yet sets the event"
                        + " Other instead of AccessDecided",
                "the valid transaction in block 1 index 3 (not listed): it sets the AccessDecided event, yet calls"
                        + " Catalogue:registerDataset");
    }

    @Test
    void a_fetched_transaction_that_differs_from_the_signed_block_is_refused_before_any_comparison() {
        Map<String, JsonNode> transactions = chain.transactions();
        ObjectNode tx = (ObjectNode) transactions.get(bankDecisions.get(1)).get("evidence").get("transaction");
        tx.put("proposal", ((ObjectNode) transactions.get(consent).get("evidence").get("transaction"))
                .get("proposal").asText());

        assertThatThrownBy(() -> TrailCompleteness.create(DecisionChain.network().trustAnchors(), DecisionChain.SUITE)
                .check(chain.blocks(), transactions, decisions))
                .isInstanceOfSatisfying(ChainVerificationException.class, e -> {
                    assertThat(e.blockNumber()).isEqualTo(2);
                    assertThat(e.failure()).isEqualTo(VerificationFailure.BLOCK_TRANSACTIONS_ROOT_MISMATCH);
                });
    }

    @Test
    void a_block_served_without_its_transactions_or_a_transaction_not_fetched_is_refused() {
        TrailCompleteness completeness = TrailCompleteness.create(DecisionChain.network().trustAnchors(),
                DecisionChain.SUITE);
        List<JsonNode> blocks = chain.blocks();
        ((ObjectNode) blocks.get(3)).remove("transactions");
        Map<String, JsonNode> missing = chain.transactions();
        missing.remove(consent);

        assertThatThrownBy(() -> completeness.check(blocks, chain.transactions(), decisions))
                .isInstanceOfSatisfying(ChainVerificationException.class, e -> {
                    assertThat(e.blockNumber()).isEqualTo(3);
                    assertThat(e.failure()).isEqualTo(VerificationFailure.MALFORMED);
                });
        assertThatThrownBy(() -> completeness.check(chain.blocks(), missing, decisions))
                .isInstanceOfSatisfying(ChainVerificationException.class, e -> {
                    assertThat(e.blockNumber()).isEqualTo(1);
                    assertThat(e.failure()).isEqualTo(VerificationFailure.MALFORMED);
                });
    }

    @Test
    void a_chain_of_an_untrusted_node_is_refused() {
        DecisionChain other = new DecisionChain(44);
        other.decision(DecisionChain.BANK, true);
        other.cut();
        TrailCompleteness completeness = TrailCompleteness.create(
                org.qcchain.sdk.examples.synthetic.SyntheticNetwork.create(DecisionChain.SUITE).trustAnchors(),
                DecisionChain.SUITE);

        assertThatThrownBy(() -> completeness.check(other.blocks(), other.transactions(), List.of()))
                .isInstanceOfSatisfying(ChainVerificationException.class,
                        e -> assertThat(e.failure()).isEqualTo(VerificationFailure.UNTRUSTED_SIGNER));
    }

    @Test
    void a_fabric_chain_and_a_listing_by_provider_are_refused_with_the_reason() {
        TrailCompleteness completeness = TrailCompleteness.create(DecisionChain.network().trustAnchors(),
                DecisionChain.SUITE);
        JsonNode fabricBlock = Json.tree("{\"ledger\":\"fabric\",\"number\":0,\"block\":\"\"}");

        assertThatThrownBy(() -> completeness.check(List.of(fabricBlock), Map.of(), List.of()))
                .isInstanceOfSatisfying(ChainVerificationException.class, e -> {
                    assertThat(e.failure()).isEqualTo(VerificationFailure.FORMAT_UNSUPPORTED);
                    assertThat(e.getMessage()).contains("embedded ledger only", "unsigned block metadata");
                });
        assertThatThrownBy(() -> completeness.check(chain.blocks(), chain.transactions(), decisions,
                new AccessRecordQuery("PROVIDER", "SocialInsuranceMSP", null, null, 50)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scope PROVIDER");
    }

    @Test
    void the_access_ids_of_listed_records_are_read_in_order() {
        List<JsonNode> records = List.of(Json.tree("{\"accessId\":\"" + decisions.get(0) + "\"}"),
                Json.tree("{\"decision\":\"GRANTED\"}"));

        assertThat(TrailCompleteness.accessIds(records)).containsExactly(decisions.get(0), "");
    }
}
