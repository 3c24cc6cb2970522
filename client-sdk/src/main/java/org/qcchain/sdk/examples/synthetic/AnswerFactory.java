package org.qcchain.sdk.examples.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.qcchain.common.answer.AccessEvidence;
import org.qcchain.common.answer.AnswerItem;
import org.qcchain.common.answer.DataAnswer;
import org.qcchain.common.answer.RecordEvidence;
import org.qcchain.common.answer.TransactionEvidence;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.json.Json;
import org.qcchain.common.proof.CommittedRecord;
import org.qcchain.common.proof.MerkleTree;

/**
 * Builds answers the way a node would (docs/proof-format.md section 11), from real keys and real
 * commitments: the provider commits a batch of records and signs the anchor statement, the anchor
 * transactions go into block 1, the access transaction into block 2, the node signs both blocks and
 * the answer. Record values, batch positions and filler bytes come from the seed, so a seed gives
 * the same records and tree shapes every run (keys and signatures still differ).
 *
 * <pre>{@code
 * AnswerFactory factory = AnswerFactory.create(SyntheticNetwork.create(suite), 42);
 * SyntheticAnswer built = factory.answer(new Scenario().dataset(...));
 * verifier.verify(built.answer(), built.requestHash());
 * }</pre>
 *
 * <p>The transactions go to the embedded ledger's blocks ({@link SyntheticLedger}) unless another
 * {@link SyntheticChain} is given, as tests do for Fabric evidence.
 *
 * <p>For tests and benchmarks; not thread-safe.
 */
public final class AnswerFactory {

    private static final HexFormat HEX = HexFormat.of();

    private final SyntheticNetwork network;
    private final CryptoSuite suite;
    private final Random random;
    private final Map<String, Identity> anchorSigners = new HashMap<>();
    private final SyntheticChain.Factory chains;

    private AnswerFactory(SyntheticNetwork network, long seed, SyntheticChain.Factory chains) {
        this.network = network;
        this.suite = network.suite();
        this.random = new Random(seed);
        this.chains = chains;
    }

    /**
     * @param network whose certificates sign
     * @param seed decides records, positions and filler
     * @return the factory, writing to the embedded ledger
     */
    public static AnswerFactory create(SyntheticNetwork network, long seed) {
        return new AnswerFactory(network, seed, SyntheticLedger::new);
    }

    /**
     * @param network whose certificates sign
     * @param seed decides records, positions and filler
     * @param chains starts the ledger of each answer
     * @return the factory
     */
    public static AnswerFactory create(SyntheticNetwork network, long seed, SyntheticChain.Factory chains) {
        return new AnswerFactory(network, seed, Objects.requireNonNull(chains, "chains"));
    }

    /** @return the network the answers are signed in */
    public SyntheticNetwork network() {
        return network;
    }

    /**
     * Builds and signs an answer.
     *
     * @param scenario what to put in it
     * @return the answer with its request and chain
     */
    public SyntheticAnswer answer(Scenario scenario) {
        Identity node = scenario.nodeIdentity == null ? network.node() : scenario.nodeIdentity;
        String subject = scenario.subject == null ? HEX.formatHex(bytes(32)) : scenario.subject;
        ObjectNode request = Requests.request(scenario, subject, HEX.formatHex(bytes(16)));
        String requestHash = suite.hashHex(Json.canonicalBytes(request));
        SyntheticChain ledger = chains.start(suite, node, random);

        ledger.addFiller();
        List<Batch> batches = new ArrayList<>();
        for (Scenario.Dataset dataset : scenario.datasets) {
            Batch batch = Batch.commit(suite, dataset, subject, random);
            Identity signer = scenario.anchorSigners.getOrDefault(dataset.datasetId(),
                    anchorSigners.computeIfAbsent(dataset.providerMspId(), msp -> network.member(msp, "anchor-signer")));
            String txId = ledger.newTxId();
            batch.anchor = Requests.anchor(suite, dataset, batch.tree, signer, txId,
                    SyntheticNetwork.EPOCH.minusSeconds(1800));
            batch.anchorIndex = 1 + batches.size();
            ledger.add(txId, 200, Json.write(batch.anchor).getBytes(StandardCharsets.UTF_8), "BatchAnchored");
            batches.add(batch);
        }
        ledger.addFiller();
        List<TransactionEvidence> anchors = ledger.cut(valid(batches.size() + 2),
                SyntheticNetwork.EPOCH.minusSeconds(1800));

        String accessId = ledger.newTxId();
        ObjectNode record = Requests.accessRecord(scenario, request, requestHash, suite, accessId, node);
        int accessIndex = random.nextInt(4);
        for (int i = 0; i < accessIndex; i++) {
            ledger.addFiller();
        }
        ledger.add(accessId, 200, Json.write(record).getBytes(StandardCharsets.UTF_8), "AccessDecided");
        ledger.addFiller();
        List<String> codes = valid(accessIndex + 2);
        codes.set(accessIndex, scenario.accessValidationCode);
        List<TransactionEvidence> access = ledger.cut(codes, scenario.issuedAt.minusMillis(750));

        List<AnswerItem> items = new ArrayList<>();
        for (Batch batch : batches) {
            RecordEvidence evidence = new RecordEvidence(batch.subjectRecord.disclose(batch.dataset.requested()),
                    batch.tree.inclusionProof(batch.subjectIndex), batch.anchor, anchors.get(batch.anchorIndex));
            items.add(new AnswerItem(batch.dataset.datasetId(), List.of(evidence)));
        }
        DataAnswer unsigned = new DataAnswer(DataAnswer.FORMAT, suite.name(), request, requestHash,
                new AccessEvidence(record, access.get(accessIndex)), items, scenario.issuedAt.toString(),
                node.certificatePem(), null, null);
        SyntheticAnswer built = new SyntheticAnswer(unsigned, request, HEX.parseHex(requestHash), ledger.blocks(), node);
        return new SyntheticAnswer(built.resign(unsigned), request, built.requestHash(), built.blocks(), node);
    }

    private static List<String> valid(int count) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            codes.add("VALID");
        }
        return codes;
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** One committed batch and the subject's place in it. */
    private static final class Batch {
        Scenario.Dataset dataset;
        MerkleTree tree;
        CommittedRecord subjectRecord;
        int subjectIndex;
        JsonNode anchor;
        int anchorIndex;

        static Batch commit(CryptoSuite suite, Scenario.Dataset dataset, String subject, Random random) {
            Batch batch = new Batch();
            batch.dataset = dataset;
            batch.subjectIndex = random.nextInt(dataset.batchSize());
            List<CommittedRecord> records = Records.batch(suite, dataset, subject, batch.subjectIndex, random);
            batch.subjectRecord = records.get(batch.subjectIndex);
            MerkleTree.Builder tree = MerkleTree.builder(suite).expectedSize(records.size());
            records.forEach(tree::add);
            batch.tree = tree.build();
            return batch;
        }
    }
}
