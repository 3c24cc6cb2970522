package org.qcchain.node.store;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.qcchain.common.crypto.CryptoSuite;

/**
 * The part of a record id that the source's key of the row gives ({@link RecordIds}). An integer
 * key is its decimal text, as it always was. A text key (a plate number, a case number) is often
 * personal data with few possible values, and record ids reach consumers with every answer: a plain
 * hash of it could be reversed by trying every plate. So a text key enters the id only through
 * the suite's HMAC under the provider's salt key, which guards the field values in the same way
 * (docs/proof-format.md, section 4); its own prefix keeps these inputs apart from the salts'.
 */
final class RecordKeys {

    private static final String DOMAIN = "qcchain-record-key/1|";

    private final CryptoSuite suite;
    private final byte[] saltKey;

    /**
     * @param suite the network's suite
     * @param saltKey the provider's salt key
     */
    RecordKeys(CryptoSuite suite, byte[] saltKey) {
        this.suite = suite;
        this.saltKey = saltKey.clone();
    }

    /** @return the row's key as it enters the record id: {@code "42"} or {@code "text:<hex HMAC>"} */
    String of(SourceRow row) {
        if (row.textKey() == null) {
            return Long.toString(row.sequence());
        }
        byte[] mac = suite.hmac(saltKey, (DOMAIN + row.textKey()).getBytes(StandardCharsets.UTF_8));
        return "text:" + HexFormat.of().formatHex(mac);
    }
}
