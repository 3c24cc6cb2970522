package org.qcchain.common.proof;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.qcchain.common.crypto.CryptoSuite;

/**
 * Checks a {@link Disclosure} on its own: that it is well formed, that every disclosed field opens
 * its commitment, and that header and commitments hash to the record root it claims. Whether that
 * root is in an anchored batch is {@link ProofVerifier}'s part.
 *
 * <p>Checks run in this order, and the first that fails is the reason: format ({@link
 * ProofFailure#FORMAT_UNSUPPORTED}), suite ({@link ProofFailure#SUITE_MISMATCH}), shape of every
 * part ({@link ProofFailure#MALFORMED}), each opening names a committed field ({@link
 * ProofFailure#FIELD_NOT_COMMITTED}) and opens its commitment ({@link
 * ProofFailure#FIELD_COMMITMENT_MISMATCH}), the root ({@link ProofFailure#RECORD_ROOT_MISMATCH}).
 *
 * <pre>{@code
 * DisclosureVerifier.forSuite(CryptoSuite.SM2_SM3).verify(disclosure);   // throws ProofException
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class DisclosureVerifier {

    private static final HexFormat HEX = HexFormat.of();

    private final CryptoSuite suite;

    private DisclosureVerifier(CryptoSuite suite) {
        this.suite = suite;
    }

    /**
     * A verifier for the network's suite; a disclosure in any other suite fails.
     *
     * @param suite the expected suite
     * @return the verifier
     */
    public static DisclosureVerifier forSuite(CryptoSuite suite) {
        return new DisclosureVerifier(Objects.requireNonNull(suite, "suite"));
    }

    /**
     * Returns normally only if the disclosure is consistent with the record root it claims.
     *
     * @param disclosure a disclosure as received
     * @throws ProofException naming the first check that failed
     */
    public void verify(Disclosure disclosure) throws ProofException {
        Objects.requireNonNull(disclosure, "disclosure");
        Wire.checkFormat("disclosure", disclosure.format());
        Wire.checkSuite("disclosure", disclosure.suite(), suite);
        checkHeader(disclosure);
        SortedMap<String, String> commitments = checkCommitments(disclosure.commitments());
        byte[] claimedRoot = Wire.hash("recordRoot", disclosure.recordRoot());
        Map<String, Opened> openings = checkOpenings(disclosure.openings());
        for (Map.Entry<String, Opened> opening : openings.entrySet()) {
            checkOpening(opening.getKey(), opening.getValue(), commitments);
        }
        byte[] root = Commitments.recordRoot(suite, Commitments.RecordHeader.of(disclosure), commitments);
        if (!MessageDigest.isEqual(root, claimedRoot)) {
            throw new ProofException(ProofFailure.RECORD_ROOT_MISMATCH, "header and commitments of record "
                    + disclosure.datasetId() + "/" + disclosure.recordId() + " v" + disclosure.version()
                    + " do not hash to the claimed record root");
        }
    }

    private static void checkHeader(Disclosure disclosure) throws ProofException {
        Wire.check("datasetId", disclosure.datasetId(), Syntax.DATASET_ID);
        Wire.check("recordId", disclosure.recordId(), Syntax.RECORD_ID);
        if (disclosure.version() < 1 || disclosure.version() > Syntax.MAX_SAFE_INTEGER) {
            throw new ProofException(ProofFailure.MALFORMED, "version must be between 1 and 2^53-1");
        }
        Wire.check("subject", disclosure.subject(), Syntax.HEX_256);
    }

    private static SortedMap<String, String> checkCommitments(Map<String, String> commitments)
            throws ProofException {
        if (commitments.isEmpty() || commitments.size() > Syntax.MAX_FIELDS) {
            throw new ProofException(ProofFailure.MALFORMED,
                    "a record commits between 1 and " + Syntax.MAX_FIELDS + " fields, this one " + commitments.size());
        }
        SortedMap<String, String> checked = new TreeMap<>();
        for (Map.Entry<String, String> commitment : commitments.entrySet()) {
            Wire.check("field name", commitment.getKey(), Syntax.FIELD_NAME);
            Wire.hash("commitment of field '" + commitment.getKey() + "'", commitment.getValue());
            checked.put(commitment.getKey(), commitment.getValue());
        }
        return checked;
    }

    private static Map<String, Opened> checkOpenings(Map<String, Disclosure.Opening> openings)
            throws ProofException {
        Map<String, Opened> checked = new TreeMap<>();
        for (Map.Entry<String, Disclosure.Opening> entry : openings.entrySet()) {
            String field = entry.getKey();
            Wire.check("disclosed field name", field, Syntax.FIELD_NAME);
            Disclosure.Opening opening = entry.getValue();
            if (opening == null) {
                throw new ProofException(ProofFailure.MALFORMED, "disclosed field '" + field + "' is empty");
            }
            byte[] salt = Wire.salt("salt of field '" + field + "'", opening.salt());
            try {
                checked.put(field, new Opened(salt, Scalars.normalise(opening.value())));
            } catch (IllegalArgumentException e) {
                throw new ProofException(ProofFailure.MALFORMED, "value of field '" + field + "' " + e.getMessage(), e);
            }
        }
        return checked;
    }

    private void checkOpening(String field, Opened opened, Map<String, String> commitments)
            throws ProofException {
        String commitment = commitments.get(field);
        if (commitment == null) {
            throw new ProofException(ProofFailure.FIELD_NOT_COMMITTED,
                    "disclosed field '" + field + "' is not one of the record's committed fields");
        }
        byte[] computed = Commitments.field(suite, field, opened.salt(), opened.value());
        if (!MessageDigest.isEqual(computed, HEX.parseHex(commitment))) {
            throw new ProofException(ProofFailure.FIELD_COMMITMENT_MISMATCH,
                    "value and salt of field '" + field + "' do not open its commitment");
        }
    }

    /** A decoded opening. */
    private record Opened(byte[] salt, JsonNode value) {}
}
