package org.qcchain.common.proof;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.qcchain.common.crypto.CryptoSuite;

/**
 * Commits records: draws a salt per field from a {@link SaltSource}, computes every field's
 * commitment and the record root (definitions in {@code docs/proof-format.md}). The root is the
 * record's leaf in its batch's {@link MerkleTree}.
 *
 * <pre>{@code
 * RecordCommitter committer = RecordCommitter.create(CryptoSuite.SM2_SM3, SaltSource.derived(suite, key));
 * CommittedRecord committed = committer.commit(record);
 * treeBuilder.add(committed);
 * }</pre>
 *
 * <p>Thread-safe if the salt source is (the standard ones are).
 */
public final class RecordCommitter {

    private static final HexFormat HEX = HexFormat.of();

    private final CryptoSuite suite;
    private final SaltSource salts;

    private RecordCommitter(CryptoSuite suite, SaltSource salts) {
        this.suite = suite;
        this.salts = salts;
    }

    /**
     * Creates a committer.
     *
     * @param suite the network's crypto suite, whose hash every commitment uses
     * @param salts where salts come from
     * @return the committer
     */
    public static RecordCommitter create(CryptoSuite suite, SaltSource salts) {
        return new RecordCommitter(Objects.requireNonNull(suite, "suite"), Objects.requireNonNull(salts, "salts"));
    }

    /**
     * Commits one record version.
     *
     * @param record the record
     * @return its openings, commitments and root
     * @throws IllegalStateException if the salt source returns a salt that is not 32 bytes
     */
    public CommittedRecord commit(DataRecord record) {
        Objects.requireNonNull(record, "record");
        SortedMap<String, byte[]> saltsByField = new TreeMap<>();
        SortedMap<String, String> commitments = new TreeMap<>();
        for (Map.Entry<String, JsonNode> field : record.fields().entrySet()) {
            byte[] salt = salts.salt(record, field.getKey());
            if (salt == null || salt.length != ProofFormat.SALT_LENGTH) {
                throw new IllegalStateException(salts + " gave a salt that is not "
                        + ProofFormat.SALT_LENGTH + " bytes for field '" + field.getKey() + "'");
            }
            saltsByField.put(field.getKey(), salt);
            commitments.put(field.getKey(),
                    HEX.formatHex(Commitments.field(suite, field.getKey(), salt, field.getValue())));
        }
        byte[] root = Commitments.recordRoot(suite, Commitments.RecordHeader.of(record), commitments);
        return new CommittedRecord(suite, record, saltsByField, commitments, root);
    }

    /** @return the suite of the commitments */
    public CryptoSuite suite() {
        return suite;
    }
}
