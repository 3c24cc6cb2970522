package org.qcchain.sdk.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Objects;
import org.qcchain.common.syntax.IdentifierRule;

/**
 * The chaincode's syntaxes (docs/chaincode.md), checked by the SDK's builders so that a malformed
 * request fails in the caller's process, naming the parameter, instead of as INVALID_ARGUMENT from
 * the ledger. The rules are the chaincode's own ({@link IdentifierRule}), not copies of them. Not
 * API.
 */
public final class Syntax {

    public static final IdentifierRule MSP_ID = IdentifierRule.MSP_ID;
    public static final IdentifierRule RECORD_ID = IdentifierRule.RECORD_ID;
    public static final IdentifierRule DATASET_ID = IdentifierRule.DATASET_ID;
    public static final IdentifierRule FIELD_NAME = IdentifierRule.FIELD_NAME;
    public static final IdentifierRule CODE = IdentifierRule.CODE;
    public static final IdentifierRule PSEUDONYM = IdentifierRule.HEX_256;
    /** A ledger transaction id: 64 lowercase hex characters, on the embedded ledger and on Fabric. */
    public static final IdentifierRule TX_ID = IdentifierRule.HEX_256;

    private Syntax() {}

    /**
     * @return {@code value} if it matches
     * @throws IllegalArgumentException naming the parameter and the syntax; a pseudonym is never echoed
     */
    public static String require(String name, String value, IdentifierRule rule) {
        Objects.requireNonNull(value, name);
        if (!rule.matches(value)) {
            String shown = rule == PSEUDONYM ? "" : " '" + abbreviate(value) + "'";
            throw new IllegalArgumentException(name + shown + " must match " + rule.pattern());
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
