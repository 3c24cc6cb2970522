package org.qcchain.sdk.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;
import org.qcchain.sdk.examples.synthetic.SyntheticAnswer;
import org.qcchain.sdk.examples.synthetic.SyntheticBlock;
import org.qcchain.sdk.examples.synthetic.SyntheticNetwork;

/** An auditor checks a stretch of the chain and learns the first bad block. */
class ChainVerifierTest {

    private static List<JsonNode> chain(SyntheticAnswer built) {
        List<JsonNode> blocks = new ArrayList<>();
        built.blocks().stream().map(SyntheticBlock::toJson).forEach(blocks::add);
        return blocks;
    }

    private static void assertBroken(CryptoSuite suite, List<JsonNode> blocks, long block, VerificationFailure failure) {
        ChainVerifier verifier = ChainVerifier.create(Fixtures.network(suite).trustAnchors(), suite);
        assertThatThrownBy(() -> verifier.verify(blocks))
                .isInstanceOfSatisfying(ChainVerificationException.class, e -> {
                    assertThat(e.blockNumber()).isEqualTo(block);
                    assertThat(e.failure()).isEqualTo(failure);
                });
    }

    private static List<JsonNode> changed(List<JsonNode> blocks, int index, Consumer<ObjectNode> change) {
        change.accept((ObjectNode) blocks.get(index));
        return blocks;
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void an_untouched_chain_verifies(CryptoSuite suite) throws Exception {
        SyntheticAnswer built = Fixtures.build(suite, Fixtures.loan(), 61);
        ChainReport report = ChainVerifier.create(Fixtures.network(suite).trustAnchors(), suite).verify(chain(built));

        assertThat(report.firstBlock()).isZero();
        assertThat(report.lastBlock()).isEqualTo(2);
        assertThat(report.lastHash()).isEqualTo(built.blocks().get(2).hash());
        assertThat(report.transactions()).isGreaterThan(3);
    }

    /** The blocks as the node serves them: each transaction as {txId, index, validationCode, hash}. */
    private static List<JsonNode> served(CryptoSuite suite, List<JsonNode> blocks) throws Exception {
        for (JsonNode block : blocks) {
            com.fasterxml.jackson.databind.node.ArrayNode summaries = ((ObjectNode) block).putArray("summaries");
            JsonNode codes = block.path("header").path("validationCodes");
            for (int i = 0; i < block.path("transactions").size(); i++) {
                JsonNode tx = block.get("transactions").get(i);
                summaries.addObject().put("txId", tx.path("txId").asText()).put("index", i)
                        .put("validationCode", codes.get(i).asText())
                        .put("hash", suite.hashHex(TransactionCheck.canonical(tx, "transaction")));
            }
            ((ObjectNode) block).set("transactions", summaries);
            ((ObjectNode) block).remove("summaries");
        }
        return blocks;
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void a_chain_served_with_transaction_summaries_verifies(CryptoSuite suite) throws Exception {
        SyntheticAnswer built = Fixtures.build(suite, Fixtures.loan(), 64);
        ChainReport report = ChainVerifier.create(Fixtures.network(suite).trustAnchors(), suite)
                .verify(served(suite, chain(built)));
        assertThat(report.lastHash()).isEqualTo(built.blocks().get(2).hash());
        assertThat(report.transactions()).isGreaterThan(3);
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void a_summary_with_another_validation_code_or_hash_is_found_in_its_block(CryptoSuite suite) throws Exception {
        SyntheticAnswer built = Fixtures.build(suite, Fixtures.loan(), 65);
        assertBroken(suite, changed(served(suite, chain(built)), 1,
                b -> ((ObjectNode) b.get("transactions").get(0)).put("validationCode", "MVCC_READ_CONFLICT")),
                1, VerificationFailure.BLOCK_TRANSACTIONS_ROOT_MISMATCH);
        SyntheticAnswer again = Fixtures.build(suite, Fixtures.loan(), 66);
        assertBroken(suite, changed(served(suite, chain(again)), 1,
                b -> ((ObjectNode) b.get("transactions").get(0)).put("hash", "00".repeat(32))),
                1, VerificationFailure.BLOCK_TRANSACTIONS_ROOT_MISMATCH);
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void a_changed_transaction_is_found_in_its_block(CryptoSuite suite) {
        SyntheticAnswer built = Fixtures.build(suite, Fixtures.loan(), 62);
        assertBroken(suite, changed(chain(built), 1, b -> ((ObjectNode) b.get("transactions").get(0)).put("rwset", "")),
                1, VerificationFailure.BLOCK_TRANSACTIONS_ROOT_MISMATCH);
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void a_changed_header_is_found_by_its_signature(CryptoSuite suite) {
        SyntheticAnswer built = Fixtures.build(suite, Fixtures.loan(), 63);
        assertBroken(suite, changed(chain(built), 2, b -> {
            ((ObjectNode) b.get("header")).put("timestamp", "2026-03-01T00:00:00Z");
            b.remove("hash");
        }), 2, VerificationFailure.BLOCK_SIGNATURE_INVALID);
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void a_block_left_out_breaks_the_hash_link(CryptoSuite suite) {
        SyntheticAnswer built = Fixtures.build(suite, Fixtures.loan(), 64);
        List<JsonNode> blocks = chain(built);
        blocks.remove(1);
        ((ObjectNode) blocks.get(1).get("header")).put("number", 1);
        assertBroken(suite, blocks, 1, VerificationFailure.BLOCK_HASH_LINK_BROKEN);
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void a_chain_of_an_untrusted_node_is_refused_at_block_0(CryptoSuite suite) {
        SyntheticAnswer built = Fixtures.build(suite,
                Fixtures.loan().nodeIdentity(SyntheticNetwork.create(suite).node()), 65);
        assertBroken(suite, chain(built), 0, VerificationFailure.UNTRUSTED_SIGNER);
    }

    /** Each transaction of the chain as {@code GET /v1/transactions/{txId}} serves it, by id. */
    private static Map<String, JsonNode> fetched(CryptoSuite suite, List<JsonNode> blocks) throws Exception {
        Map<String, JsonNode> fetched = new HashMap<>();
        for (JsonNode block : blocks) {
            for (int i = 0; i < block.path("transactions").size(); i++) {
                JsonNode tx = block.get("transactions").get(i);
                ObjectNode served = Json.mapper().createObjectNode().put("txId", tx.path("txId").asText())
                        .put("blockNumber", block.path("header").path("number").asLong()).put("index", i)
                        .put("validationCode", block.path("header").path("validationCodes").get(i).asText())
                        .put("hash", suite.hashHex(TransactionCheck.canonical(tx, "transaction")));
                served.putObject("evidence").put("ledger", "embedded").set("transaction", tx.deepCopy());
                fetched.put(tx.path("txId").asText(), served);
            }
        }
        return fetched;
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void summaries_are_tied_to_the_transactions_fetched_by_id(CryptoSuite suite) throws Exception {
        SyntheticAnswer built = Fixtures.build(suite, Fixtures.loan(), 67);
        Map<String, JsonNode> transactions = fetched(suite, chain(built));

        ChainReport report = ChainVerifier.create(Fixtures.network(suite).trustAnchors(), suite)
                .verify(served(suite, chain(built)), transactions);

        assertThat(report.lastHash()).isEqualTo(built.blocks().get(2).hash());
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void a_fetched_transaction_other_than_the_summarised_one_or_a_missing_one_is_found_in_its_block(
            CryptoSuite suite) throws Exception {
        SyntheticAnswer built = Fixtures.build(suite, Fixtures.loan(), 68);
        ChainVerifier verifier = ChainVerifier.create(Fixtures.network(suite).trustAnchors(), suite);
        List<JsonNode> blocks = served(suite, chain(built));
        String txId = blocks.get(1).get("transactions").get(0).get("txId").asText();
        Map<String, JsonNode> changed = fetched(suite, chain(built));
        ((ObjectNode) changed.get(txId).get("evidence").get("transaction")).put("rwset", "");
        Map<String, JsonNode> missing = fetched(suite, chain(built));
        missing.remove(txId);

        assertThatThrownBy(() -> verifier.verify(blocks, changed))
                .isInstanceOfSatisfying(ChainVerificationException.class, e -> {
                    assertThat(e.blockNumber()).isEqualTo(1);
                    assertThat(e.failure()).isEqualTo(VerificationFailure.BLOCK_TRANSACTIONS_ROOT_MISMATCH);
                });
        assertThatThrownBy(() -> verifier.verify(blocks, missing))
                .isInstanceOfSatisfying(ChainVerificationException.class,
                        e -> assertThat(e.failure()).isEqualTo(VerificationFailure.MALFORMED));
    }
}
