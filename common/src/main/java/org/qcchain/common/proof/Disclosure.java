package org.qcchain.common.proof;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;
import org.qcchain.common.json.JsonInputException;

/**
 * What a consumer receives about one record: the record's header, the commitment of every field,
 * the opening (salt and value) of the disclosed fields only, and the claimed record root. Made by
 * {@link CommittedRecord#disclose}, checked by {@link DisclosureVerifier}; until then nothing in it
 * is trusted.
 *
 * <p>JSON (names exact, members in any order, unknown members rejected):
 *
 * <pre>{@code
 * {"commitments": {"colour": "<hex>", "plate": "<hex>", ...},
 *  "datasetId": "vehicle.registration", "format": "qcchain-proof/1",
 *  "openings": {"plate": {"salt": "<base64 of 32 bytes>", "value": "鲁A12345"}},
 *  "recordId": "...", "recordRoot": "<hex>", "subject": "<64 hex>",
 *  "suite": "P256_SHA256", "version": 3}
 * }</pre>
 *
 * <p>The commitments of disclosed fields travel too: they cost 32 bytes a field and let the
 * verifier name the field whose opening is wrong ({@link ProofFailure#FIELD_COMMITMENT_MISMATCH})
 * instead of only finding a wrong root.
 *
 * @param format always {@value ProofFormat#VERSION}
 * @param suite the suite of every hash in the proof
 * @param datasetId the dataset
 * @param recordId the provider's opaque record id
 * @param version the record version
 * @param subject the subject's pseudonym
 * @param commitments every field's commitment (64 lowercase hex), by field name; sorted
 * @param openings the disclosed fields, by name; sorted
 * @param recordRoot the record root this disclosure claims, 64 lowercase hex
 */
public record Disclosure(
        String format,
        CryptoSuite suite,
        String datasetId,
        String recordId,
        long version,
        String subject,
        Map<String, String> commitments,
        Map<String, Opening> openings,
        String recordRoot) {

    /** Copies the maps, sorted; a missing map reads as empty (the verifier then says why). */
    public Disclosure {
        commitments = sortedCopy(commitments);
        openings = sortedCopy(openings);
    }

    /**
     * The disclosed values by field name; meaningful only after {@link DisclosureVerifier#verify}.
     *
     * @return the values, sorted by name
     */
    public SortedMap<String, JsonNode> disclosedValues() {
        SortedMap<String, JsonNode> values = new TreeMap<>();
        openings.forEach((field, opening) -> values.put(field, opening == null ? null : opening.value()));
        return Collections.unmodifiableSortedMap(values);
    }

    /**
     * Writes this disclosure as JSON.
     *
     * @return compact JSON with sorted members
     */
    public String toJson() {
        return Json.write(this);
    }

    /**
     * Reads a disclosure; it still has to be verified.
     *
     * @param json the JSON text
     * @return the disclosure
     * @throws ProofException {@link ProofFailure#MALFORMED} if the text is not a disclosure
     */
    public static Disclosure fromJson(String json) throws ProofException {
        try {
            return Json.parse(json, Disclosure.class);
        } catch (JsonInputException e) {
            throw new ProofException(ProofFailure.MALFORMED, "disclosure: " + e.getMessage(), e);
        }
    }

    /**
     * One disclosed field.
     *
     * @param salt the field's salt, base64 (RFC 4648 section 4, padded) of 32 bytes
     * @param value the value: a JSON string, integer, boolean or null; written even when null
     */
    public record Opening(String salt, @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode value) {

        /** Integers as {@code LongNode}, so that an opening read from JSON equals the one written. */
        public Opening {
            if (value != null && value.isIntegralNumber() && value.canConvertToLong()) {
                value = LongNode.valueOf(value.longValue());
            }
        }

        /** Neither salt nor value: both would let a log reader open the commitment. */
        @Override
        public String toString() {
            return "Opening[hidden]";
        }
    }

    /** Identifiers, field names and the root; no value leaves through a log line. */
    @Override
    public String toString() {
        return "Disclosure[" + format + ", " + suite + ", " + datasetId + "/" + recordId + " v" + version
                + ", fields=" + commitments.keySet() + ", disclosed=" + openings.keySet()
                + ", recordRoot=" + recordRoot + "]";
    }

    private static <V> SortedMap<String, V> sortedCopy(Map<String, V> map) {
        return map == null
                ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
