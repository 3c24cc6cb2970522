package org.qcchain.sdk.subject;

import java.util.List;

/**
 * A page of a subject's access trail ({@code POST /v1/subjects/access-records}).
 *
 * @param subject the subject's pseudonym, as the node computed it from the identifier
 * @param nodeCertificate the certificate that signs the ledger's blocks (from block 0), or null
 * @param entries the entries, in decision-time order
 * @param bookmark pass it back for the next page; empty on the last page
 */
public record AccessTrailPage(String subject, String nodeCertificate, List<AccessTrailEntry> entries,
        String bookmark) {

    /** Copies the entries. */
    public AccessTrailPage {
        entries = List.copyOf(entries);
    }
}
