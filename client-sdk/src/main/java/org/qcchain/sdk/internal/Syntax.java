package org.qcchain.sdk.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The chaincode's syntaxes (docs/chaincode.md), checked by the SDK's builders so that a malformed
 * request fails in the caller's process, naming the parameter, instead of as INVALID_ARGUMENT from
 * the ledger. Not API.
 */
public final class Syntax {

    public static final Pattern MSP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,63}");
    public static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    public static final Pattern DATASET_ID = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*){1,4}");
    public static final Pattern FIELD_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");
    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{2,47}");
    public static final Pattern PSEUDONYM = Pattern.compile("[0-9a-f]{64}");
    /** A ledger transaction id: 64 lowercase hex characters, on the embedded ledger and on Fabric. */
    public static final Pattern TX_ID = Pattern.compile("[0-9a-f]{64}");

    private Syntax() {}

    /**
     * @return {@code value} if it matches
     * @throws IllegalArgumentException naming the parameter and the syntax; a pseudonym is never echoed
     */
    public static String require(String name, String value, Pattern pattern) {
        Objects.requireNonNull(value, name);
        if (!pattern.matcher(value).matches()) {
            String shown = pattern == PSEUDONYM ? "" : " '" + abbreviate(value) + "'";
            throw new IllegalArgumentException(name + shown + " must match " + pattern.pattern());
        }
        return value;
    }

    /** @return the instant, or throws naming the parameter */
    public static Instant instant(String name, String value) {
        Objects.requireNonNull(value, name);
        try {
            return Instant.parse(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(name + " '" + abbreviate(value) + "' is not an ISO-8601 instant", e);
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
