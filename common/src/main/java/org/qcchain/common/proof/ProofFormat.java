package org.qcchain.common.proof;

/**
 * The version of the proof format and its domain-separation tags, as specified in {@code
 * docs/proof-format.md}.
 *
 * <p>Every hash in the format is the suite's hash (SHA-256 or SM3) of one tag byte followed by the
 * hashed content, so that no value of one kind (a leaf, an inner node, a field commitment, a record
 * root) can ever be presented as a value of another kind.
 */
public final class ProofFormat {

    /** The format identifier written into every disclosure, inclusion proof and record root. */
    public static final String VERSION = "qcchain-proof/1";

    /** RFC 6962 leaf hash: {@code H(0x00 || leaf)}. */
    static final byte LEAF_TAG = 0x00;
    /** RFC 6962 inner node hash: {@code H(0x01 || left || right)}. */
    static final byte NODE_TAG = 0x01;
    /** Field commitment: {@code H(0x02 || canonical JSON of field, salt, value)}. */
    static final byte FIELD_TAG = 0x02;
    /** Record root: {@code H(0x03 || canonical JSON of the record header)}. */
    static final byte RECORD_TAG = 0x03;

    /** Salt length in bytes: one per field per record version. */
    public static final int SALT_LENGTH = 32;

    private ProofFormat() {}
}
