package org.qcchain.sdk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.qcchain.common.json.Json;
import org.qcchain.sdk.internal.Syntax;

/**
 * For identity providers: the terms of a subject's consent (the chaincode's {@code ConsentTerms},
 * docs/chaincode.md, modelled on India's Account Aggregator consent artefact).
 *
 * <pre>{@code
 * ConsentTerms terms = new ConsentBuilder()
 *         .consentId("consent-7781").subject(pseudonym).consumer("BankMSP").purpose("LOAN_UNDERWRITING")
 *         .item("social.insurance.contributions", "paidMonths", "monthlyBase")
 *         .oneTime().dataLife("DAY", 30)
 *         .valid(Instant.now(), Instant.now().plus(Duration.ofDays(7)))
 *         .build();
 * client.grantConsent(terms.signedBy(subjectIdentity));    // or terms.unsigned()
 * }</pre>
 */
public final class ConsentBuilder {

    private static final Set<String> UNITS = Set.of("HOUR", "DAY", "MONTH", "YEAR");

    private final ObjectNode terms = Json.mapper().createObjectNode();
    private final Map<String, List<String>> items = new LinkedHashMap<>();

    /** Starts terms with mode VIEW and no fetch type yet. */
    public ConsentBuilder() {
        terms.put("mode", "VIEW");
    }

    /** @param id the consent id @return this builder */
    public ConsentBuilder consentId(String id) {
        terms.put("consentId", Syntax.require("consentId", id, Syntax.RECORD_ID));
        return this;
    }

    /** @param pseudonym the subject's pseudonym @return this builder */
    public ConsentBuilder subject(String pseudonym) {
        terms.put("subject", Syntax.require("subject", pseudonym, Syntax.PSEUDONYM));
        return this;
    }

    /** @param mspId the consumer the consent is for @return this builder */
    public ConsentBuilder consumer(String mspId) {
        terms.put("consumerMspId", Syntax.require("consumer", mspId, Syntax.MSP_ID));
        return this;
    }

    /** @param code the one purpose allowed @return this builder */
    public ConsentBuilder purpose(String code) {
        terms.put("purpose", Syntax.require("purpose", code, Syntax.CODE));
        return this;
    }

    /** @param datasetId a dataset @param fields the fields allowed @return this builder */
    public ConsentBuilder item(String datasetId, String... fields) {
        Syntax.require("datasetId", datasetId, Syntax.DATASET_ID);
        if (fields.length == 0 || items.containsKey(datasetId)) {
            throw new IllegalArgumentException("dataset '" + datasetId + "' needs fields and may appear once");
        }
        for (String field : fields) {
            Syntax.require("field of " + datasetId, field, Syntax.FIELD_NAME);
        }
        items.put(datasetId, List.of(fields));
        return this;
    }

    /** The consumer may store what it receives (mode STORE) instead of only viewing it. @return this builder */
    public ConsentBuilder store() {
        terms.put("mode", "STORE");
        return this;
    }

    /** One use only (fetchType ONE_TIME). @return this builder */
    public ConsentBuilder oneTime() {
        terms.put("fetchType", "ONE_TIME");
        terms.remove("frequency");
        return this;
    }

    /** @param unit HOUR, DAY, MONTH or YEAR @param uses at most this many uses per unit @return this builder */
    public ConsentBuilder periodic(String unit, long uses) {
        terms.put("fetchType", "PERIODIC");
        terms.putObject("frequency").put("unit", unit(unit, false)).put("value", positive("frequency", uses));
        return this;
    }

    /** @param uses at most this many uses in total @return this builder */
    public ConsentBuilder maxUses(long uses) {
        terms.put("maxUses", positive("maxUses", uses));
        return this;
    }

    /** @param unit DAY, MONTH, YEAR or INF @param value how many @return this builder */
    public ConsentBuilder dataLife(String unit, long value) {
        terms.putObject("dataLife").put("unit", unit(unit, true)).put("value", value < 0 ? positive("dataLife", value)
                : value);
        return this;
    }

    /** @param from start of the data period @param to its end @return this builder */
    public ConsentBuilder dataRange(Instant from, Instant to) {
        requireOrder(from, to, "dataRange");
        terms.putObject("dataRange").put("from", from.toString()).put("to", to.toString());
        return this;
    }

    /** @param from when the consent starts @param until when it ends @return this builder */
    public ConsentBuilder valid(Instant from, Instant until) {
        requireOrder(from, until, "validity");
        terms.put("validFrom", from.toString()).put("validUntil", until.toString());
        return this;
    }

    /**
     * @return the terms
     * @throws IllegalStateException naming the first missing part
     */
    public ConsentTerms build() {
        for (String name : List.of("consentId", "subject", "consumerMspId", "purpose", "fetchType", "dataLife",
                "validFrom")) {
            if (!terms.has(name)) {
                throw new IllegalStateException("consent terms need " + name);
            }
        }
        if (items.isEmpty()) {
            throw new IllegalStateException("consent terms need at least one item");
        }
        ObjectNode copy = terms.deepCopy();
        ArrayNode array = copy.putArray("items");
        items.forEach((dataset, fields) -> fields.forEach(array.addObject().put("datasetId", dataset)
                .putArray("fields")::add));
        return new ConsentTerms(copy);
    }

    private static String unit(String unit, boolean infinite) {
        Objects.requireNonNull(unit, "unit");
        if (!UNITS.contains(unit) && !(infinite && "INF".equals(unit)) || (infinite && "HOUR".equals(unit))) {
            throw new IllegalArgumentException("unit '" + unit + "' is not allowed here");
        }
        return unit;
    }

    private static long positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
        return value;
    }

    private static void requireOrder(Instant from, Instant to, String name) {
        if (!Objects.requireNonNull(from, name + " from").isBefore(Objects.requireNonNull(to, name + " to"))) {
            throw new IllegalArgumentException(name + ": start must be before end");
        }
    }
}
