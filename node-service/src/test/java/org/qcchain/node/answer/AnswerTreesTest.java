package org.qcchain.node.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.common.answer.AnswerItem;
import org.qcchain.common.answer.DataAnswer;
import org.qcchain.common.answer.RecordEvidence;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.CanonicalJson;
import org.qcchain.common.json.Json;
import org.qcchain.common.proof.Disclosure;
import org.qcchain.common.proof.InclusionProof;
import org.qcchain.common.proof.ProofFormat;
import org.qcchain.sdk.examples.synthetic.AnswerFactory;
import org.qcchain.sdk.examples.synthetic.Scenario;
import org.qcchain.sdk.examples.synthetic.SyntheticNetwork;

class AnswerTreesTest {

    private static Scenario loan() {
        return new Scenario().consumer("BankMSP").purpose("LOAN_UNDERWRITING")
                .dataset("social.insurance.contributions", "SocialInsuranceMSP", 37,
                        Map.of("paidMonths", IntNode.valueOf(48), "employer", TextNode.valueOf("济南钢铁集团"),
                                "monthlyBase", TextNode.valueOf("8200.00"), "active", BooleanNode.TRUE),
                        Set.of("paidMonths", "monthlyBase", "active"))
                .dataset("provident.fund.contributions", "ProvidentFundMSP", 5,
                        Map.of("balance", TextNode.valueOf("56321.40"), "status", TextNode.valueOf("NORMAL")),
                        Set.of("balance", "status"));
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void the_tree_of_shared_parts_serialises_to_the_answer_s_canonical_form(CryptoSuite suite) {
        DataAnswer answer = AnswerFactory.create(SyntheticNetwork.create(suite), 3).answer(loan()).answer()
                .signedBy(null, null);
        ArrayNode items = Json.mapper().createArrayNode();
        for (AnswerItem item : answer.items()) {
            ArrayNode records = Json.mapper().createArrayNode();
            for (RecordEvidence record : item.records()) {
                records.add(AnswerTrees.record(record, BatchEvidence.of(null, record.anchor(), record.anchorEvidence())));
            }
            items.add(AnswerTrees.item(item.datasetId(), records));
        }

        byte[] built = CanonicalJson.serializeUtf8(AnswerTrees.answer(answer, items));

        assertThat(built).isEqualTo(CanonicalJson.serializeUtf8(Json.mapper().valueToTree(answer)))
                .isEqualTo(answer.signingBytes());
        assertThat(answer.items()).allSatisfy(item -> assertThat(item.records()).isNotEmpty());
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void disclosures_and_inclusion_proofs_are_built_as_the_mapper_writes_them(CryptoSuite suite) {
        Disclosure disclosure = new Disclosure(ProofFormat.VERSION, suite, "hospital.visits", "r-1", 7, "ab".repeat(32),
                Map.of("a", "11".repeat(32), "b", "22".repeat(32), "c", "33".repeat(32)),
                Map.of("a", new Disclosure.Opening("c2FsdA==", NullNode.getInstance()),
                        "b", new Disclosure.Opening("c2FsdA==", IntNode.valueOf(-12)),
                        "c", new Disclosure.Opening("c2FsdA==", TextNode.valueOf("门诊 \"x\"\n"))),
                "44".repeat(32));
        InclusionProof proof = new InclusionProof(ProofFormat.VERSION, suite, 5, 9,
                List.of("55".repeat(32), "66".repeat(32)));

        assertThat(CanonicalJson.serialize(AnswerTrees.disclosure(disclosure)))
                .isEqualTo(CanonicalJson.serialize(Json.mapper().valueToTree(disclosure)))
                .contains("\"a\":{\"salt\":\"c2FsdA==\",\"value\":null}");
        assertThat(CanonicalJson.serialize(AnswerTrees.inclusionProof(proof)))
                .isEqualTo(CanonicalJson.serialize(Json.mapper().valueToTree(proof)));
    }
}
