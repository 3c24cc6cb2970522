package org.qcchain.sdk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.qcchain.sdk.internal.Syntax;

/**
 * Which part of the access trail to list (the chaincode's {@code listAccessRecords}): a scope
 * (ALL, CONSUMER, PROVIDER, SUBJECT), the party of that scope, an optional decision-time window
 * ({@code from} inclusive, {@code to} exclusive) and a page size.
 *
 * @param scope ALL, CONSUMER, PROVIDER or SUBJECT
 * @param party the MSP id (CONSUMER, PROVIDER) or pseudonym (SUBJECT); null for ALL
 * @param from start of the window, or null
 * @param to end of the window, or null
 * @param pageSize 1 to 200
 */
public record AccessRecordQuery(String scope, String party, Instant from, Instant to, int pageSize) {

    private static final Set<String> SCOPES = Set.of("ALL", "CONSUMER", "PROVIDER", "SUBJECT");

    /** Checks the parts against the chaincode's rules. */
    public AccessRecordQuery {
        if (!SCOPES.contains(Objects.requireNonNull(scope, "scope"))) {
            throw new IllegalArgumentException("scope must be one of " + SCOPES);
        }
        if ("ALL".equals(scope) != (party == null)) {
            throw new IllegalArgumentException("scope ALL takes no party, the others need one");
        }
        if (party != null) {
            Syntax.require("party", party, "SUBJECT".equals(scope) ? Syntax.PSEUDONYM : Syntax.MSP_ID);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        if (pageSize < 1 || pageSize > 200) {
            throw new IllegalArgumentException("pageSize must be 1 to 200, was " + pageSize);
        }
    }

    /** @param pseudonym a subject @return who accessed that subject's data, 50 a page */
    public static AccessRecordQuery subject(String pseudonym) {
        return new AccessRecordQuery("SUBJECT", pseudonym, null, null, 50);
    }

    /** @return the whole trail (auditors), 50 a page */
    public static AccessRecordQuery all() {
        return new AccessRecordQuery("ALL", null, null, null, 50);
    }

    /** @param start inclusive @param end exclusive @return this query limited to the window */
    public AccessRecordQuery between(Instant start, Instant end) {
        return new AccessRecordQuery(scope, party, start, end, pageSize);
    }

    /** The query string of a page, after {@code ?}. */
    String queryString(String bookmark) {
        List<String> parts = new ArrayList<>();
        parts.add("scope=" + scope);
        if (party != null) {
            parts.add("party=" + Routes.encode(party));
        }
        if (from != null) {
            parts.add("from=" + Routes.encode(from.toString()));
        }
        if (to != null) {
            parts.add("to=" + Routes.encode(to.toString()));
        }
        parts.add("pageSize=" + pageSize);
        if (bookmark != null && !bookmark.isEmpty()) {
            parts.add("bookmark=" + Routes.encode(bookmark));
        }
        return String.join("&", parts);
    }
}
