package org.qcchain.node.store;

import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Pseudonymizer;
import org.qcchain.common.json.Json;
import org.qcchain.common.proof.DataRecord;

/**
 * Turns a source row into a record of a dataset, the same way for an import and an upload: checks
 * the row's fields against the dataset's catalogue entry, pseudonymises the subject, derives the
 * record id ({@link RecordIds}, from the row's sequence or text key) and builds the record. Errors say what is wrong and never repeat a
 * value; the caller adds where the row came from.
 */
final class RecordMaker {

    /** A row's subject pseudonym and record id. */
    record Identity(String subject, String recordId) {}

    private final Pseudonymizer pseudonyms;
    private final CryptoSuite suite;
    private final String datasetId;
    private final Set<String> catalogueFields;
    private final RecordKeys keys;

    /**
     * @param catalogueFields the dataset's fields, or {@code null} to take the rows' fields unchecked
     * @param saltKey the provider's salt key, which also keys the digest of a text record key
     */
    RecordMaker(Pseudonymizer pseudonyms, CryptoSuite suite, String datasetId, Collection<String> catalogueFields,
            byte[] saltKey) {
        this.pseudonyms = pseudonyms;
        this.suite = suite;
        this.datasetId = datasetId;
        this.catalogueFields = catalogueFields == null ? null : Set.copyOf(catalogueFields);
        this.keys = new RecordKeys(suite, saltKey);
    }

    /**
     * Checks the row and names its record.
     *
     * @throws IllegalArgumentException for a field the catalogue does not have, or an invalid
     *     identifier (its value not repeated)
     */
    Identity identify(SourceRow row) {
        if (row.fields().isEmpty()) {
            throw new IllegalArgumentException("a record needs at least one field");
        }
        if (catalogueFields != null) {
            for (String field : row.fields().keySet()) {
                if (!catalogueFields.contains(field)) {
                    throw new IllegalArgumentException("field '" + field + "' is not in the catalogue entry of "
                            + datasetId + " (fields: " + String.join(", ", new TreeSet<>(catalogueFields)) + ")");
                }
            }
        }
        String subject = pseudonyms.pseudonym(row.subjectType(), row.subjectNumber());
        return new Identity(subject, RecordIds.of(suite, datasetId, subject, keys.of(row)));
    }

    /**
     * The record.
     *
     * @throws IllegalArgumentException for a value no record can hold (e.g. an integer beyond
     *     ±(2^53−1))
     */
    DataRecord record(SourceRow row, Identity identity, long version) {
        DataRecord.Builder builder = DataRecord.builder().datasetId(datasetId).recordId(identity.recordId())
                .version(version).subject(identity.subject());
        for (Map.Entry<String, Object> field : row.fields().entrySet()) {
            builder.field(field.getKey(), field.getValue() == null ? NullNode.getInstance()
                    : Json.mapper().valueToTree(field.getValue()));
        }
        return builder.build();
    }
}
