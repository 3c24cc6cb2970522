package org.qcchain.sdk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.ChaincodeInput;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeSpec;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.CanonicalJson;
import org.qcchain.common.json.Json;
import org.qcchain.sdk.examples.synthetic.SyntheticBlock;
import org.qcchain.sdk.examples.synthetic.SyntheticLedger;
import org.qcchain.sdk.examples.synthetic.SyntheticNetwork;

/**
 * An embedded chain whose transactions carry real {@code peer.Proposal}s (Fabric's generated
 * messages) and real {@code AccessDecided} events, signed block by block by a synthetic network's
 * node, served as a node serves it: blocks with transaction summaries, and each transaction by id.
 */
final class DecisionChain {

    static final CryptoSuite SUITE = CryptoSuite.P256_SHA256;
    static final String BANK = "QiluBankMSP";
    static final String INSURER = "MotorInsurerMSP";

    private static SyntheticNetwork network;

    private final SyntheticLedger ledger;
    private final Random random;
    private final List<ObjectNode> pending = new ArrayList<>();
    private final List<String> codes = new ArrayList<>();
    private Instant clock = SyntheticNetwork.EPOCH;

    DecisionChain(long seed) {
        this.random = new Random(seed);
        this.ledger = new SyntheticLedger(SUITE, network().node(), random);
    }

    /** One network for every test: its keys are slow to make. */
    static synchronized SyntheticNetwork network() {
        if (network == null) {
            network = SyntheticNetwork.create(SUITE);
        }
        return network;
    }

    /** Adds a valid decision of the consumer, a minute after the last transaction; returns its access id. */
    String decision(String consumer, boolean granted) {
        String txId = ledger.newTxId();
        return add(transaction(txId, ChainEntry.FUNCTION, ChainEntry.EVENT, event(txId, consumer, granted)), "VALID");
    }

    /** Adds a transaction of another function (a consent), valid. */
    String consent() {
        String txId = ledger.newTxId();
        return add(transaction(txId, "Consents:grantConsent", "ConsentGranted", Map.<String, Object>of("consentId", "c-1")), "VALID");
    }

    /** Adds a decision the committer marked with a code other than VALID. */
    String invalidDecision(String consumer, String code) {
        String txId = ledger.newTxId();
        return add(transaction(txId, ChainEntry.FUNCTION, ChainEntry.EVENT, event(txId, consumer, true)), code);
    }

    /** Adds a valid transaction of the given function and event whose event names another access id. */
    String odd(String function, String eventName, boolean ownId) {
        String txId = ledger.newTxId();
        String named = ownId ? txId : ledger.newTxId();
        return add(transaction(txId, function, eventName, event(named, BANK, true)), "VALID");
    }

    /** Cuts the pending transactions into a signed block. */
    DecisionChain cut() {
        ledger.append(List.copyOf(pending), List.copyOf(codes), clock);
        pending.clear();
        codes.clear();
        return this;
    }

    /** @return the proposal time of the next transaction */
    Instant clock() {
        return clock;
    }

    /** The blocks as {@code GET /v1/blocks/{n}} serves them: each transaction a summary. */
    List<JsonNode> blocks() {
        List<JsonNode> served = new ArrayList<>();
        for (SyntheticBlock block : ledger.blocks()) {
            ObjectNode json = (ObjectNode) block.toJson();
            ArrayNode summaries = Json.mapper().createArrayNode();
            JsonNode txs = json.get("transactions");
            for (int i = 0; i < txs.size(); i++) {
                summaries.addObject().put("txId", txs.get(i).get("txId").asText()).put("index", i)
                        .put("validationCode", json.get("header").get("validationCodes").get(i).asText())
                        .put("hash", SUITE.hashHex(CanonicalJson.serializeUtf8(txs.get(i))));
            }
            json.set("transactions", summaries);
            served.add(json);
        }
        return served;
    }

    /** Each transaction as {@code GET /v1/transactions/{txId}} serves it (the part the check reads), by id. */
    Map<String, JsonNode> transactions() {
        Map<String, JsonNode> fetched = new HashMap<>();
        for (SyntheticBlock block : ledger.blocks()) {
            JsonNode json = block.toJson();
            JsonNode txs = json.get("transactions");
            for (int i = 0; i < txs.size(); i++) {
                String txId = txs.get(i).get("txId").asText();
                ObjectNode served = Json.mapper().createObjectNode().put("txId", txId).put("blockNumber", block.number())
                        .put("index", i)
                        .put("validationCode", json.get("header").get("validationCodes").get(i).asText());
                served.putObject("evidence").put("ledger", "embedded").set("transaction", txs.get(i).deepCopy());
                fetched.put(txId, served);
            }
        }
        return fetched;
    }

    private String add(ObjectNode tx, String code) {
        pending.add(tx);
        codes.add(code);
        clock = clock.plus(Duration.ofMinutes(1));
        return tx.get("txId").asText();
    }

    private ObjectNode transaction(String txId, String function, String eventName, Map<String, Object> event) {
        ObjectNode tx = ledger.transaction(txId, 200, "{}".getBytes(StandardCharsets.UTF_8), eventName);
        tx.put("proposal", Base64.getEncoder().encodeToString(proposal(txId, function, clock)));
        Map<String, Object> payload = new TreeMap<>(event);
        payload.put("event", eventName);
        payload.put("txId", txId);
        ((ObjectNode) tx.get("event")).put("payload", Base64.getEncoder().encodeToString(Json.canonicalBytes(payload)));
        return tx;
    }

    private static Map<String, Object> event(String accessId, String consumer, boolean granted) {
        Map<String, Object> event = new TreeMap<>();
        event.put("accessId", accessId);
        event.put("consumerMspId", consumer);
        event.put("decision", granted ? "GRANTED" : "DENIED");
        event.put("datasets", List.of("social.insurance.contributions"));
        if (!granted) {
            event.put("reasonCode", "FIELD_NOT_COVERED");
        }
        return event;
    }

    /** A proposal as the embedded ledger stores it: channel header with id and time, function first argument. */
    private byte[] proposal(String txId, String function, Instant at) {
        ChannelHeader channel = ChannelHeader.newBuilder().setType(3).setChannelId("qcchain").setTxId(txId)
                .setTimestamp(Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano())).build();
        byte[] nonce = new byte[24];
        random.nextBytes(nonce);
        Header header = Header.newBuilder().setChannelHeader(channel.toByteString())
                .setSignatureHeader(ByteString.copyFrom(nonce)).build();
        ChaincodeInput input = ChaincodeInput.newBuilder().addArgs(ByteString.copyFromUtf8(function))
                .addArgs(ByteString.copyFromUtf8("{\"request\":{}}")).build();
        ChaincodeInvocationSpec invocation = ChaincodeInvocationSpec.newBuilder().setChaincodeSpec(ChaincodeSpec
                .newBuilder().setType(ChaincodeSpec.Type.JAVA).setChaincodeId(ChaincodeID.newBuilder()
                        .setName("qcchain")).setInput(input)).build();
        return Proposal.newBuilder().setHeader(header.toByteString()).setPayload(ChaincodeProposalPayload.newBuilder()
                .setInput(invocation.toByteString()).build().toByteString()).build().toByteArray();
    }
}
