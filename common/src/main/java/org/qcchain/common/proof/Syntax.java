package org.qcchain.common.proof;

import org.qcchain.common.syntax.IdentifierRule;

/**
 * The syntax of identifiers inside proofs: the platform's identifier rules ({@link IdentifierRule},
 * the same ones the chaincode enforces, so that a record committed here can always be anchored and
 * requested there) and the proof format's own limits. None of the rules admits {@code |}, which
 * makes the salt-derivation input of {@link DerivedSaltSource} unambiguous.
 */
final class Syntax {

    /** Dataset ids such as {@code vehicle.registration}. */
    static final IdentifierRule DATASET_ID = IdentifierRule.DATASET_ID;
    /** Opaque record ids chosen by the provider. */
    static final IdentifierRule RECORD_ID = IdentifierRule.RECORD_ID;
    /** Field names inside a dataset. */
    static final IdentifierRule FIELD_NAME = IdentifierRule.FIELD_NAME;
    /** Subject pseudonyms and hashes: 64 lowercase hex characters. */
    static final IdentifierRule HEX_256 = IdentifierRule.HEX_256;

    /** The largest integer every JSON implementation reads exactly, as RFC 8785 requires. */
    static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    /** Fields per record: enough for any catalogue entry, small enough to bound a disclosure. */
    static final int MAX_FIELDS = 256;

    private Syntax() {}
}
