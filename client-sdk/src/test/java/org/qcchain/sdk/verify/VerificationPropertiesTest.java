package org.qcchain.sdk.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.sdk.examples.synthetic.Scenario;
import org.qcchain.sdk.examples.synthetic.SyntheticAnswer;

/** Over random records, batch sizes and positions (fixed seeds): honest answers verify, one changed value never does. */
class VerificationPropertiesTest {

    private static final int RUNS = 25;

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void every_honest_answer_verifies_and_every_changed_value_is_caught(CryptoSuite suite) throws Exception {
        Verifier verifier = Fixtures.verifier(suite);
        Random random = new Random(20260302L + suite.ordinal());
        for (int run = 0; run < RUNS; run++) {
            Map<String, JsonNode> values = randomRecord(random);
            Set<String> requested = new HashSet<>();
            values.keySet().forEach(f -> {
                if (requested.isEmpty() || random.nextBoolean()) {
                    requested.add(f);
                }
            });
            int batchSize = 1 + random.nextInt(random.nextBoolean() ? 8 : 300);
            Scenario scenario = new Scenario().dataset("vehicle.registration", "SocialInsuranceMSP", batchSize, values,
                    requested);
            SyntheticAnswer built = Fixtures.build(suite, scenario, random.nextLong());

            VerifiedRecord record = verifier.verify(built.answer(), built.requestHash())
                    .records("vehicle.registration").get(0);
            assertThat(record.values().keySet()).containsExactlyInAnyOrderElementsOf(requested);

            String field = List.copyOf(requested).get(random.nextInt(requested.size()));
            String changedValue = "changed-" + run;
            var changed = Fixtures.edit(built, t -> Fixtures.at(t, "/items/0/records/0/disclosure/openings/" + field)
                    .put("value", changedValue));
            assertThatThrownBy(() -> verifier.verify(changed, built.requestHash()))
                    .isInstanceOfSatisfying(VerificationException.class,
                            e -> assertThat(e.failure()).isEqualTo(VerificationFailure.FIELD_COMMITMENT_MISMATCH));
        }
    }

    private static Map<String, JsonNode> randomRecord(Random random) {
        Map<String, JsonNode> values = new TreeMap<>();
        int fields = 1 + random.nextInt(12);
        for (int i = 0; i < fields; i++) {
            JsonNode value = switch (random.nextInt(3)) {
                case 0 -> IntNode.valueOf(random.nextInt(1_000_000));
                case 1 -> TextNode.valueOf("鲁A" + random.nextInt(100_000));
                default -> NullNode.instance;
            };
            values.put("f" + i, value);
        }
        return values;
    }
}
