package org.qcchain.common.proof;

import java.util.regex.Pattern;

/**
 * The syntax of identifiers inside proofs; the same patterns the chaincode enforces, so that a
 * record committed here can always be anchored and requested there. None of them admits {@code |},
 * which makes the salt-derivation input of {@link DerivedSaltSource} unambiguous.
 */
final class Syntax {

    /** Dataset ids such as {@code vehicle.registration}. */
    static final Pattern DATASET_ID = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*){1,4}");
    /** Opaque record ids chosen by the provider. */
    static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    /** Field names inside a dataset. */
    static final Pattern FIELD_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");
    /** Subject pseudonyms and hashes: 64 lowercase hex characters. */
    static final Pattern HEX_256 = Pattern.compile("[0-9a-f]{64}");

    /** The largest integer every JSON implementation reads exactly, as RFC 8785 requires. */
    static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    /** Fields per record: enough for any catalogue entry, small enough to bound a disclosure. */
    static final int MAX_FIELDS = 256;

    private Syntax() {}

    static boolean matches(Pattern pattern, String value) {
        return value != null && pattern.matcher(value).matches();
    }
}
