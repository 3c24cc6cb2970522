package org.qcchain.sdk.verify;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.qcchain.common.answer.DataAnswer;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;
import org.qcchain.sdk.examples.synthetic.AnswerFactory;
import org.qcchain.sdk.examples.synthetic.Scenario;
import org.qcchain.sdk.examples.synthetic.SyntheticFabric;
import org.qcchain.sdk.examples.synthetic.SyntheticAnswer;
import org.qcchain.sdk.examples.synthetic.SyntheticNetwork;

/** Networks (one per suite, their keys are slow to make), the bank's scenario, and answer editing. */
final class Fixtures {

    static final String SOCIAL = "social.insurance.contributions";
    static final String FUND = "provident.fund.accounts";

    private static final Map<CryptoSuite, SyntheticNetwork> NETWORKS = new EnumMap<>(CryptoSuite.class);
    private static SyntheticFabric fabric;

    private Fixtures() {}

    static synchronized SyntheticNetwork network(CryptoSuite suite) {
        return NETWORKS.computeIfAbsent(suite, s -> {
            SyntheticNetwork network = SyntheticNetwork.create(s);
            network.ca("SocialInsuranceMSP");
            network.ca("ProvidentFundMSP");
            network.ca("BankMSP");
            return network;
        });
    }

    /** The Fabric members of the P256_SHA256 network: orderer, peers, the node's client identity. */
    static synchronized SyntheticFabric fabric() {
        if (fabric == null) {
            fabric = new SyntheticFabric(network(CryptoSuite.P256_SHA256));
        }
        return fabric;
    }

    /** A bank checks a loan applicant's social insurance and provident fund. */
    static Scenario loan() {
        return new Scenario().consumer("BankMSP").purpose("LOAN_UNDERWRITING")
                .dataset(SOCIAL, "SocialInsuranceMSP", 37,
                        Map.of("paidMonths", IntNode.valueOf(48), "employer", TextNode.valueOf("济南钢铁集团"),
                                "monthlyBase", TextNode.valueOf("8200.00"), "active", BooleanNode.TRUE),
                        Set.of("paidMonths", "monthlyBase", "active"))
                .dataset(FUND, "ProvidentFundMSP", 5,
                        Map.of("balance", TextNode.valueOf("56321.40"), "status", TextNode.valueOf("NORMAL"),
                                "accountOpened", TextNode.valueOf("2015-07")),
                        Set.of("balance", "status"));
    }

    static SyntheticAnswer build(CryptoSuite suite, Scenario scenario, long seed) {
        SyntheticAnswer built = AnswerFactory.create(network(suite), seed).answer(scenario);
        // what a consumer receives is text: verify what was parsed, as a client would
        return new SyntheticAnswer(DataAnswer.fromJson(built.answer().toJson()), built.request(), built.requestHash(),
                built.blocks(), built.node());
    }

    static Verifier verifier(CryptoSuite suite) {
        return Verifier.builder().trustAnchors(network(suite).trustAnchors()).suite(suite).build();
    }

    /** Changes the answer's JSON, and signs it again as the node unless told not to. */
    static DataAnswer edit(SyntheticAnswer built, boolean resign, Consumer<ObjectNode> change) {
        ObjectNode tree = Json.mapper().valueToTree(built.answer());
        change.accept(tree);
        DataAnswer changed = DataAnswer.fromJson(Json.write(tree));
        return resign ? built.resign(changed) : changed;
    }

    static DataAnswer edit(SyntheticAnswer built, Consumer<ObjectNode> change) {
        return edit(built, true, change);
    }

    /** Signs the answers as one batch, as a node signs the answers it issues within its window. */
    static List<DataAnswer> signTogether(List<SyntheticAnswer> built) {
        return SyntheticAnswer.signTogether(built.stream().map(SyntheticAnswer::answer).toList(), built.get(0).node());
    }

    /** The object at a JSON pointer of the answer, to change in place. */
    static ObjectNode at(ObjectNode tree, String pointer) {
        return (ObjectNode) tree.at(pointer);
    }
}
