package org.qcchain.common.proof;

import java.util.Collections;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.qcchain.common.crypto.CryptoSuite;

/**
 * A record version after commitment: its values, the salt and commitment of every field, and the
 * record root. The provider's side of a proof; only {@link #disclose} output leaves the provider.
 *
 * <pre>{@code
 * CommittedRecord committed = committer.commit(record);
 * byte[] leaf = committed.root();                               // goes into the batch tree
 * Disclosure answer = committed.disclose(Set.of("plate", "ownerSince"));
 * }</pre>
 */
public final class CommittedRecord {

    private static final HexFormat HEX = HexFormat.of();

    private final CryptoSuite suite;
    private final DataRecord record;
    private final SortedMap<String, byte[]> salts;
    private final SortedMap<String, String> commitments;
    private final byte[] root;

    CommittedRecord(CryptoSuite suite, DataRecord record, SortedMap<String, byte[]> salts,
            SortedMap<String, String> commitments, byte[] root) {
        this.suite = suite;
        this.record = record;
        this.salts = salts;
        this.commitments = Collections.unmodifiableSortedMap(commitments);
        this.root = root;
    }

    /** @return the suite of the commitments and the root */
    public CryptoSuite suite() {
        return suite;
    }

    /** @return the committed record */
    public DataRecord record() {
        return record;
    }

    /** @return the record root, the record's leaf in its batch tree; a copy */
    public byte[] root() {
        return root.clone();
    }

    /** @return the record root as 64 lowercase hex characters */
    public String rootHex() {
        return HEX.formatHex(root);
    }

    /** @return every field's commitment, 64 lowercase hex characters, by field name */
    public SortedMap<String, String> commitments() {
        return commitments;
    }

    /**
     * The salt of one field, for a provider that stores random salts (see {@link
     * SaltSource#stored}).
     *
     * @param field a field of the record
     * @return its 32-byte salt; a copy
     * @throws IllegalArgumentException if the record has no such field
     */
    public byte[] salt(String field) {
        return requireField(field).clone();
    }

    /**
     * Opens the given fields and hides the others behind their commitments.
     *
     * @param fields names of fields of this record; may be empty, which proves only that the record
     *     exists in its batch
     * @return the disclosure to send with the answer
     * @throws IllegalArgumentException naming a field the record does not have
     */
    public Disclosure disclose(Set<String> fields) {
        Objects.requireNonNull(fields, "fields");
        SortedMap<String, Disclosure.Opening> openings = new TreeMap<>();
        for (String field : fields) {
            byte[] salt = requireField(field);
            openings.put(field, new Disclosure.Opening(Base64s.encode(salt), record.fields().get(field)));
        }
        return new Disclosure(ProofFormat.VERSION, suite, record.datasetId(), record.recordId(),
                record.version(), record.subject(), commitments, openings, rootHex());
    }

    private byte[] requireField(String field) {
        Objects.requireNonNull(field, "field");
        byte[] salt = salts.get(field);
        if (salt == null) {
            throw new IllegalArgumentException(record + " has no field '" + field + "'");
        }
        return salt;
    }

    /** Identifiers and the root only: values and salts stay out of logs. */
    @Override
    public String toString() {
        return "CommittedRecord[" + record.datasetId() + "/" + record.recordId() + " v" + record.version()
                + ", " + suite + ", root=" + rootHex() + "]";
    }
}
