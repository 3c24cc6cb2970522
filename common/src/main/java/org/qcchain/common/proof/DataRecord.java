package org.qcchain.common.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.qcchain.common.syntax.IdentifierRule;

/**
 * One version of one record of a provider's dataset, before it is committed: the plain data a
 * {@link RecordCommitter} turns into commitments and a record root.
 *
 * <p>Field values are JSON scalars (string, integer within ±(2^53−1), boolean, null); decimals are
 * strings. Fields are kept in their canonical order, sorted by name, whatever the order they were
 * added in. {@link #toString()} shows identifiers and field names, never values.
 *
 * <pre>{@code
 * DataRecord record = DataRecord.builder()
 *         .datasetId("vehicle.registration")
 *         .recordId("a3f1c2")                  // opaque, never a personal identifier
 *         .version(3)
 *         .subject(pseudonymizer.pseudonym("RESIDENT_ID", idNumber))
 *         .field("plate", "鲁A12345")
 *         .field("seats", 5)
 *         .field("insured", true)
 *         .nullField("mortgagee")
 *         .build();
 * }</pre>
 */
public final class DataRecord {

    private final String datasetId;
    private final String recordId;
    private final long version;
    private final String subject;
    private final SortedMap<String, JsonNode> fields;

    private DataRecord(Builder builder) {
        this.datasetId = builder.datasetId;
        this.recordId = builder.recordId;
        this.version = builder.version;
        this.subject = builder.subject;
        this.fields = Collections.unmodifiableSortedMap(new TreeMap<>(builder.fields));
    }

    /**
     * Starts a record.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the catalogue id of the dataset, e.g. {@code vehicle.registration} */
    public String datasetId() {
        return datasetId;
    }

    /** @return the provider's opaque id of the record, stable across versions */
    public String recordId() {
        return recordId;
    }

    /** @return the version, from 1; a newer version supersedes an older one */
    public long version() {
        return version;
    }

    /** @return the subject's pseudonym, 64 lowercase hex characters */
    public String subject() {
        return subject;
    }

    /** @return the fields by name, sorted by name; values are immutable JSON scalar nodes */
    public SortedMap<String, JsonNode> fields() {
        return fields;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataRecord that
                && version == that.version
                && datasetId.equals(that.datasetId)
                && recordId.equals(that.recordId)
                && subject.equals(that.subject)
                && fields.equals(that.fields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(datasetId, recordId, version, subject, fields);
    }

    /** Identifiers and field names only: values may be personal data. */
    @Override
    public String toString() {
        return "DataRecord[" + datasetId + "/" + recordId + " v" + version + ", fields="
                + fields.keySet() + "]";
    }

    /** Collects a record; every setter checks its argument, {@link #build()} the whole. */
    public static final class Builder {

        private String datasetId;
        private String recordId;
        private long version;
        private String subject;
        private final SortedMap<String, JsonNode> fields = new TreeMap<>();

        private Builder() {}

        /**
         * @param datasetId matching {@code [a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*){1,4}}
         * @return this builder
         */
        public Builder datasetId(String datasetId) {
            this.datasetId = require("datasetId", datasetId, Syntax.DATASET_ID);
            return this;
        }

        /**
         * @param recordId matching {@code [A-Za-z0-9][A-Za-z0-9._:-]{0,127}}: an opaque id such as
         *     a hash the provider derives, never a personal identifier
         * @return this builder
         */
        public Builder recordId(String recordId) {
            this.recordId = require("recordId", recordId, Syntax.RECORD_ID);
            return this;
        }

        /**
         * @param version from 1 to 2^53−1
         * @return this builder
         */
        public Builder version(long version) {
            if (version < 1 || version > Syntax.MAX_SAFE_INTEGER) {
                throw new IllegalArgumentException("version must be between 1 and 2^53-1, was " + version);
            }
            this.version = version;
            return this;
        }

        /**
         * @param subject the subject's pseudonym: 64 lowercase hex characters
         * @return this builder
         */
        public Builder subject(String subject) {
            Objects.requireNonNull(subject, "subject");
            if (!Syntax.HEX_256.matches(subject)) {
                // not echoed: a swapped argument would put an identifier into the message
                throw new IllegalArgumentException("subject must be a pseudonym of 64 lowercase hex characters");
            }
            this.subject = subject;
            return this;
        }

        /**
         * Adds a string field.
         *
         * @param name matching {@code [a-zA-Z][a-zA-Z0-9_]{0,63}}, not added before
         * @param value the value; {@link #nullField} for none
         * @return this builder
         */
        public Builder field(String name, String value) {
            Objects.requireNonNull(value, "value of field '" + name + "'");
            return field(name, JsonNodeFactory.instance.textNode(value));
        }

        /**
         * Adds an integer field.
         *
         * @param name matching {@code [a-zA-Z][a-zA-Z0-9_]{0,63}}, not added before
         * @param value within ±(2^53−1)
         * @return this builder
         */
        public Builder field(String name, long value) {
            return field(name, JsonNodeFactory.instance.numberNode(value));
        }

        /**
         * Adds a boolean field.
         *
         * @param name matching {@code [a-zA-Z][a-zA-Z0-9_]{0,63}}, not added before
         * @param value the value
         * @return this builder
         */
        public Builder field(String name, boolean value) {
            return field(name, JsonNodeFactory.instance.booleanNode(value));
        }

        /**
         * Adds a field whose value is JSON {@code null}.
         *
         * @param name matching {@code [a-zA-Z][a-zA-Z0-9_]{0,63}}, not added before
         * @return this builder
         */
        public Builder nullField(String name) {
            return field(name, JsonNodeFactory.instance.nullNode());
        }

        /**
         * Adds a field from a JSON node, as read from a provider's store.
         *
         * @param name matching {@code [a-zA-Z][a-zA-Z0-9_]{0,63}}, not added before
         * @param value a string, integer within ±(2^53−1), boolean or null node
         * @return this builder
         */
        public Builder field(String name, JsonNode value) {
            require("field name", name, Syntax.FIELD_NAME);
            if (fields.containsKey(name)) {
                throw new IllegalArgumentException("field '" + name + "' is set twice");
            }
            if (fields.size() == Syntax.MAX_FIELDS) {
                throw new IllegalArgumentException("a record has at most " + Syntax.MAX_FIELDS + " fields");
            }
            try {
                fields.put(name, Scalars.normalise(value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("value of field '" + name + "' " + e.getMessage(), e);
            }
            return this;
        }

        /**
         * Checks that everything is set and returns the record.
         *
         * @return the immutable record
         * @throws IllegalStateException naming the first missing part
         */
        public DataRecord build() {
            requireSet("datasetId", datasetId);
            requireSet("recordId", recordId);
            requireSet("subject", subject);
            if (version == 0) {
                throw new IllegalStateException("version is not set");
            }
            if (fields.isEmpty()) {
                throw new IllegalStateException("a record has at least one field");
            }
            return new DataRecord(this);
        }

        private static String require(String what, String value, IdentifierRule rule) {
            Objects.requireNonNull(value, what);
            if (!rule.matches(value)) {
                throw new IllegalArgumentException(what + " must match " + rule.pattern());
            }
            return value;
        }

        private static void requireSet(String what, String value) {
            if (value == null) {
                throw new IllegalStateException(what + " is not set");
            }
        }
    }
}
