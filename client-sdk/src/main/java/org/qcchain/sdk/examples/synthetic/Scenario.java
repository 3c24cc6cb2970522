package org.qcchain.sdk.examples.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.qcchain.common.crypto.Identity;

/**
 * What a synthetic answer should contain, and which parts should be wrong in a way only a signer
 * could make them wrong (a signed block that marks the access transaction invalid, an anchor signed
 * by a certificate of another organisation's CA, a node certificate that has expired). Tampering
 * that anyone could do is done on the finished answer instead.
 *
 * <pre>{@code
 * Scenario loan = new Scenario()
 *         .consumer("BankMSP").purpose("LOAN_UNDERWRITING")
 *         .dataset("social.insurance.contributions", "SocialInsuranceMSP", 50,
 *                 Map.of("paidMonths", IntNode.valueOf(48), "employer", TextNode.valueOf("Jinan Steel")),
 *                 Set.of("paidMonths"));
 * }</pre>
 */
public final class Scenario {

    /** One requested dataset: the subject's record in a batch of {@code batchSize}. */
    record Dataset(String datasetId, String providerMspId, int batchSize, SortedMap<String, JsonNode> values,
            Set<String> requested) {}

    String consumerMspId = "BankMSP";
    String purpose = "LOAN_UNDERWRITING";
    String subject;
    String accessValidationCode = "VALID";
    String decision = "GRANTED";
    Identity nodeIdentity;
    Instant issuedAt = SyntheticNetwork.EPOCH;
    JsonNode request;
    final List<Dataset> datasets = new ArrayList<>();
    final Map<String, Identity> anchorSigners = new HashMap<>();

    /**
     * @param mspId the consumer that asks
     * @return this scenario
     */
    public Scenario consumer(String mspId) {
        this.consumerMspId = Objects.requireNonNull(mspId, "mspId");
        return this;
    }

    /**
     * @param code the purpose code
     * @return this scenario
     */
    public Scenario purpose(String code) {
        this.purpose = Objects.requireNonNull(code, "purpose");
        return this;
    }

    /**
     * @param pseudonym the subject; drawn from the seed if not set
     * @return this scenario
     */
    public Scenario subject(String pseudonym) {
        this.subject = Objects.requireNonNull(pseudonym, "subject");
        return this;
    }

    /**
     * Adds a requested dataset.
     *
     * @param datasetId the dataset
     * @param providerMspId its provider
     * @param batchSize records in the anchored batch, at least 1
     * @param values the subject's record
     * @param requested the fields asked for, a subset of the record's
     * @return this scenario
     */
    public Scenario dataset(String datasetId, String providerMspId, int batchSize, Map<String, JsonNode> values,
            Set<String> requested) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        datasets.add(new Dataset(datasetId, providerMspId, batchSize, new TreeMap<>(values), Set.copyOf(requested)));
        return this;
    }

    /**
     * @param code the validation code the access block gives the access transaction
     * @return this scenario
     */
    public Scenario accessValidationCode(String code) {
        this.accessValidationCode = Objects.requireNonNull(code, "code");
        return this;
    }

    /**
     * @param value GRANTED or DENIED, as the chaincode decided
     * @return this scenario
     */
    public Scenario decision(String value) {
        this.decision = Objects.requireNonNull(value, "decision");
        return this;
    }

    /**
     * @param identity the node identity that signs blocks and the answer; the network's if not set
     * @return this scenario
     */
    public Scenario nodeIdentity(Identity identity) {
        this.nodeIdentity = Objects.requireNonNull(identity, "identity");
        return this;
    }

    /**
     * @param at when the node issues the answer
     * @return this scenario
     */
    public Scenario issuedAt(Instant at) {
        this.issuedAt = Objects.requireNonNull(at, "at");
        return this;
    }

    /**
     * @param sent the AccessRequest a consumer actually sent (subject and items must fit the
     *     scenario); made up from the scenario if not set
     * @return this scenario
     */
    public Scenario request(JsonNode sent) {
        this.request = Objects.requireNonNull(sent, "request").deepCopy();
        this.subject = sent.path("subject").asText();
        return this;
    }

    /**
     * @param datasetId a dataset of this scenario
     * @param signer who signs its anchor instead of a member of its provider
     * @return this scenario
     */
    public Scenario anchorSigner(String datasetId, Identity signer) {
        anchorSigners.put(Objects.requireNonNull(datasetId, "datasetId"), Objects.requireNonNull(signer, "signer"));
        return this;
    }
}
