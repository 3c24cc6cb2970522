package org.qcchain.sdk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.json.Json;
import org.qcchain.sdk.internal.Syntax;

/**
 * A consumer's data request before signing: the chaincode's {@code AccessRequest} (docs/chaincode.md)
 * with a fresh nonce and timestamp. Its canonical JSON is what the consumer signs and what the
 * access record's {@code requestHash} is computed over.
 *
 * <pre>{@code
 * DataRequest request = DataRequest.builder()
 *         .consumer("BankMSP").subject(pseudonym).consent("consent-7781").purpose("LOAN_UNDERWRITING")
 *         .item("social.insurance.contributions", "paidMonths", "monthlyBase")
 *         .build();
 * SignedDataRequest signed = request.sign(bankIdentity);          // or sign bytesToSign() in an HSM
 * }</pre>
 */
public final class DataRequest {

    /** The chaincode's limit of datasets per request. */
    static final int MAX_ITEMS = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ObjectNode json;

    private DataRequest(ObjectNode json) {
        this.json = json;
    }

    /** @return a builder; consumer, subject, consent, purpose and at least one item are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a copy of the AccessRequest JSON object */
    public ObjectNode toJson() {
        return json.deepCopy();
    }

    /** @return the RFC 8785 bytes the consumer signs */
    public byte[] bytesToSign() {
        return Json.canonicalBytes(json);
    }

    /**
     * @param suite the network's suite
     * @return the suite hash of {@link #bytesToSign()}: the access record's {@code requestHash}
     */
    public byte[] digest(CryptoSuite suite) {
        return Objects.requireNonNull(suite, "suite").hash(bytesToSign());
    }

    /**
     * Signs the request with the consumer's identity.
     *
     * @param identity a member of the consumer's organisation
     * @return the signed request
     */
    public SignedDataRequest sign(Identity identity) {
        Objects.requireNonNull(identity, "identity");
        return SignedDataRequest.of(this, identity.certificatePem(), identity.sign(bytesToSign()));
    }

    @Override
    public String toString() {
        return "DataRequest[" + json.get("consumerMspId").asText() + ", " + json.get("purpose").asText() + ", nonce "
                + json.get("nonce").asText() + "]";
    }

    /** Collects a request; setters check their argument, {@link #build()} the whole. */
    public static final class Builder {

        private String consumer;
        private String subject;
        private String consent;
        private String purpose;
        private String from;
        private String to;
        private Clock clock = Clock.systemUTC();
        private final Map<String, Set<String>> items = new LinkedHashMap<>();

        private Builder() {}

        /** @param mspId the consumer's MSP id @return this builder */
        public Builder consumer(String mspId) {
            this.consumer = Syntax.require("consumer", mspId, Syntax.MSP_ID);
            return this;
        }

        /** @param pseudonym the subject's pseudonym (Pseudonymizer), never an id number @return this builder */
        public Builder subject(String pseudonym) {
            this.subject = Syntax.require("subject", pseudonym, Syntax.PSEUDONYM);
            return this;
        }

        /** @param consentId the consent the subject gave @return this builder */
        public Builder consent(String consentId) {
            this.consent = Syntax.require("consent", consentId, Syntax.RECORD_ID);
            return this;
        }

        /** @param code the purpose, e.g. LOAN_UNDERWRITING @return this builder */
        public Builder purpose(String code) {
            this.purpose = Syntax.require("purpose", code, Syntax.CODE);
            return this;
        }

        /**
         * Asks for fields of a dataset; each dataset once.
         *
         * @param datasetId the dataset
         * @param fields one or more distinct field names
         * @return this builder
         */
        public Builder item(String datasetId, String... fields) {
            Syntax.require("datasetId", datasetId, Syntax.DATASET_ID);
            if (items.containsKey(datasetId)) {
                throw new IllegalArgumentException("dataset '" + datasetId + "' is asked for twice");
            }
            if (fields.length == 0) {
                throw new IllegalArgumentException("dataset '" + datasetId + "' needs at least one field");
            }
            Set<String> names = new LinkedHashSet<>();
            for (String field : fields) {
                if (!names.add(Syntax.require("field of " + datasetId, field, Syntax.FIELD_NAME))) {
                    throw new IllegalArgumentException("field '" + field + "' of '" + datasetId + "' is named twice");
                }
            }
            items.put(datasetId, names);
            return this;
        }

        /** @param fromInclusive start of the data period @param toExclusive its end @return this builder */
        public Builder dataRange(Instant fromInclusive, Instant toExclusive) {
            if (!Objects.requireNonNull(fromInclusive, "from").isBefore(Objects.requireNonNull(toExclusive, "to"))) {
                throw new IllegalArgumentException("dataRange: from must be before to");
            }
            this.from = fromInclusive.toString();
            this.to = toExclusive.toString();
            return this;
        }

        /** @param timestamps where the request's timestamp comes from; the system clock by default @return this */
        public Builder clock(Clock timestamps) {
            this.clock = Objects.requireNonNull(timestamps, "clock");
            return this;
        }

        /**
         * @return the request, with a new 128-bit nonce and the current time
         * @throws IllegalStateException naming the first missing part
         */
        public DataRequest build() {
            require(consumer, "consumer");
            require(subject, "subject");
            require(consent, "consent");
            require(purpose, "purpose");
            if (items.isEmpty() || items.size() > MAX_ITEMS) {
                throw new IllegalStateException("a request asks for 1 to " + MAX_ITEMS + " datasets, not " + items.size());
            }
            byte[] nonce = new byte[16];
            RANDOM.nextBytes(nonce);
            ObjectNode json = Json.mapper().createObjectNode();
            json.put("consumerMspId", consumer).put("subject", subject).put("consentId", consent).put("purpose", purpose)
                    .put("timestamp", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString())
                    .put("nonce", HexFormat.of().formatHex(nonce));
            ArrayNode array = json.putArray("items");
            items.forEach((dataset, fields) -> {
                ArrayNode names = array.addObject().put("datasetId", dataset).putArray("fields");
                List.copyOf(fields).forEach(names::add);
            });
            if (from != null) {
                json.putObject("dataRange").put("from", from).put("to", to);
            }
            return new DataRequest(json);
        }

        private static void require(Object value, String name) {
            if (value == null) {
                throw new IllegalStateException(name + "(...) is required");
            }
        }
    }
}
