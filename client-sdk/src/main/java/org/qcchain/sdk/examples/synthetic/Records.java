package org.qcchain.sdk.examples.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.proof.CommittedRecord;
import org.qcchain.common.proof.DataRecord;
import org.qcchain.common.proof.RecordCommitter;
import org.qcchain.common.proof.SaltSource;

/** A provider's batch: the subject's record among others with values of the same kinds. */
final class Records {

    private static final HexFormat HEX = HexFormat.of();
    private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

    private Records() {}

    static List<CommittedRecord> batch(CryptoSuite suite, Scenario.Dataset dataset, String subject, int subjectIndex,
            Random random) {
        byte[] saltKey = new byte[32];
        random.nextBytes(saltKey);
        RecordCommitter committer = RecordCommitter.create(suite, SaltSource.derived(suite, saltKey));
        List<CommittedRecord> records = new ArrayList<>(dataset.batchSize());
        for (int i = 0; i < dataset.batchSize(); i++) {
            boolean theSubject = i == subjectIndex;
            DataRecord.Builder record = DataRecord.builder().datasetId(dataset.datasetId())
                    .recordId("r" + HEX.formatHex(bytes(random, 8))).version(1 + random.nextInt(3))
                    .subject(theSubject ? subject : HEX.formatHex(bytes(random, 32)));
            for (Map.Entry<String, JsonNode> field : dataset.values().entrySet()) {
                record.field(field.getKey(), theSubject ? field.getValue() : like(field.getValue(), random));
            }
            records.add(committer.commit(record.build()));
        }
        return records;
    }

    /** A random value of the same JSON kind. */
    private static JsonNode like(JsonNode value, Random random) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value.isTextual()) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < Math.max(1, value.textValue().length()); i++) {
                text.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
            }
            return nodes.textNode(text.toString());
        }
        if (value.isIntegralNumber()) {
            return nodes.numberNode((long) random.nextInt(100_000));
        }
        if (value.isBoolean()) {
            return nodes.booleanNode(random.nextBoolean());
        }
        return nodes.nullNode();
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
