package org.qcchain.node.subject;

/**
 * The body of {@code POST /v1/subjects/consents} and {@code POST /v1/subjects/access-records}: the
 * subject's identifier and the page wanted; the trail also filters by decision time.
 *
 * @param identifier the subject's identifier
 * @param from inclusive lower bound on the decision time, ISO-8601; trail only, optional
 * @param to exclusive upper bound on the decision time, ISO-8601; trail only, optional
 * @param pageSize records per page; optional, within the node's limits
 * @param bookmark where the previous page ended; optional
 */
public record SubjectPageQuery(SubjectIdentifier identifier, String from, String to, Integer pageSize,
        String bookmark) {}
