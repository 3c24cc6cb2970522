package org.qcchain.node.subject;

import org.qcchain.common.crypto.Pseudonymizer;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.node.ApiException;

/**
 * A data subject's identifier as the identity provider sends it in a request body (never in a URL,
 * which access logs keep): its type, e.g. {@code RESIDENT_ID} or {@code USCC}, and its number. The
 * node only ever turns it into the platform pseudonym; {@link #toString()} never shows the number.
 *
 * @param type the identifier type, {@code [A-Z][A-Z0-9_]{1,31}}
 * @param number the identifier number; normalised by {@link Pseudonymizer}
 */
public record SubjectIdentifier(String type, String number) {

    /**
     * The subject's pseudonym under the platform key.
     *
     * @param pseudonyms the platform's pseudonymizer
     * @return 64 lowercase hex characters
     * @throws ApiException {@code INVALID_ARGUMENT} when the type or number is malformed; the
     *     message does not repeat them
     */
    public String pseudonym(Pseudonymizer pseudonyms) {
        try {
            return pseudonyms.pseudonym(type, number);
        } catch (IllegalArgumentException e) {
            // the pseudonymizer's messages never echo the identifier
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "identifier: " + e.getMessage());
        }
    }

    /**
     * Reads the identifier of a request body.
     *
     * @param identifier the body's {@code identifier}, possibly absent
     * @param pseudonyms the platform's pseudonymizer
     * @return the pseudonym
     * @throws ApiException {@code INVALID_ARGUMENT} when it is absent or malformed
     */
    public static String requirePseudonym(SubjectIdentifier identifier, Pseudonymizer pseudonyms) {
        if (identifier == null) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "identifier {type, number} is required");
        }
        return identifier.pseudonym(pseudonyms);
    }

    /** Shows the type only: the number is personal data and must not reach a log. */
    @Override
    public String toString() {
        return "SubjectIdentifier[" + type + "]";
    }
}
