package org.qcchain.node.store;

import java.nio.charset.StandardCharsets;
import org.qcchain.common.crypto.CryptoSuite;

/**
 * Record ids that are stable across versions yet are no personal identifier: the suite hash of
 * {@code "qcchain-record|" + datasetId + "|" + pseudonym + "|" + key}, hex, where {@code key} is
 * the row's sequence in decimal or, for a text key, its keyed digest ({@link RecordKeys}). Derived
 * from the pseudonym, never from the identifier, so the id reveals nothing the pseudonym does not.
 */
final class RecordIds {

    private RecordIds() {}

    static String of(CryptoSuite suite, String datasetId, String pseudonym, String key) {
        return suite.hashHex(("qcchain-record|" + datasetId + "|" + pseudonym + "|" + key)
                .getBytes(StandardCharsets.UTF_8));
    }
}
