package org.qcchain.ledger.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.common.crypto.CryptoSuite;

/**
 * Editing any row of the H2 file by hand, with plain JDBC, or any entry of the block file, while
 * the ledger is closed, is caught by {@code verify}, which names the block.
 */
class TamperTest {

    private static final String USAGE_KEY = "\u0000qc.consent.usage\u0000" + Scenario.CONSENT + "\u0000";

    @TempDir
    Path folder;

    private TestPlatform platform;
    private long requestBlock;

    private void prepare(CryptoSuite suite) throws Exception {
        platform = new TestPlatform(suite);
        try (EmbeddedLedger ledger = platform.open(folder)) {
            Scenario.ready(platform, ledger);
            requestBlock = platform.commit(ledger, platform.bank, "Access:requestAccess",
                    Scenario.signedRequest(platform, Scenario.CONSENT, Scenario.SUBJECT)).blockNumber().getAsLong();
            ledger.verify(ProgressListener.NONE);
        }
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void detects_an_edited_state_value(CryptoSuite suite) throws Exception {
        prepare(suite);
        edit("UPDATE state SET state_value = ? WHERE state_key = ?", "{\"uses\":0}".getBytes(UTF_8),
                USAGE_KEY.getBytes(UTF_8));

        assertTamperedAt(requestBlock, "state key");
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void detects_an_edited_state_version(CryptoSuite suite) throws Exception {
        prepare(suite);
        edit("UPDATE state SET block_no = 1 WHERE state_key = ?", USAGE_KEY.getBytes(UTF_8));

        assertTamperedAt(1, "state key");
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void detects_a_second_row_for_a_state_key(CryptoSuite suite) throws Exception {
        prepare(suite);
        // the state index is not unique: the committer inserts only keys it knows to be new
        edit("INSERT INTO state SELECT * FROM state WHERE state_key = ?", USAGE_KEY.getBytes(UTF_8));

        assertTamperedAt(requestBlock, "more than one row");
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void detects_a_transaction_indexed_under_another_lookup_key(CryptoSuite suite) throws Exception {
        prepare(suite);
        // a lookup by the transaction's id would no longer find it
        edit("UPDATE transactions SET tx_key = tx_key + 1 WHERE block_no = ?", requestBlock);

        assertTamperedAt(requestBlock, "lookup key");
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void detects_an_edited_transaction_payload_in_the_block_file_even_with_its_checksum_updated(CryptoSuite suite)
            throws Exception {
        prepare(suite);
        BlockFileEditor.at(folder, 3, 0).rewrite(data -> new TransactionData(data.txId(), data.proposal(),
                data.signature(), data.rwset(), data.status(), data.message(), flipFirstByte(data.payload()),
                data.eventName(), data.eventPayload()));

        assertTamperedAt(3, "does not hash");
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void detects_a_flipped_byte_of_the_block_file_by_its_checksum(CryptoSuite suite) throws Exception {
        prepare(suite);
        BlockFileEditor.at(folder, requestBlock, 0).flipByte(100);

        assertTamperedAt(requestBlock, "checksum");
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void detects_an_edited_read_write_set_even_with_its_hash_updated(CryptoSuite suite) throws Exception {
        prepare(suite);
        TransactionData edited = BlockFileEditor.at(folder, 4, 0).rewrite(data -> new TransactionData(data.txId(),
                data.proposal(), data.signature(), flipFirstByte(data.rwset()), data.status(), data.message(),
                data.payload(), data.eventName(), data.eventPayload()));
        edit("UPDATE transactions SET tx_hash = ? WHERE block_no = 4", TransactionEnvelope.hash(suite, edited.txId(),
                edited.proposal(), edited.signature(), edited.rwset(), edited.status(), edited.message(),
                edited.payload(), edited.eventName(), edited.eventPayload()));

        assertTamperedAt(4, "");
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void detects_an_index_row_pointing_at_another_transactions_entry(CryptoSuite suite) throws Exception {
        prepare(suite);
        edit("UPDATE transactions SET file_offset = (SELECT file_offset FROM transactions WHERE block_no = 3)"
                + " WHERE block_no = 4");

        assertTamperedAt(4, BlockFile.NAME);
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void detects_an_edited_block_header_field(CryptoSuite suite) throws Exception {
        prepare(suite);
        edit("UPDATE blocks SET committed_at = committed_at + 1 WHERE block_no = 2");

        assertTamperedAt(2, "header does not hash");
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void detects_a_flipped_validation_code(CryptoSuite suite) throws Exception {
        prepare(suite);
        edit("UPDATE transactions SET validation_code = 'MVCC_READ_CONFLICT' WHERE block_no = 5");

        assertTamperedAt(5, "");
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void detects_a_block_signature_copied_from_another_block(CryptoSuite suite) throws Exception {
        prepare(suite);
        edit("UPDATE blocks SET signature = (SELECT signature FROM blocks WHERE block_no = 1) WHERE block_no = 4");

        assertTamperedAt(4, "signature");
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void detects_a_deleted_history_row_named_only_by_a_state_row(CryptoSuite suite) throws Exception {
        prepare(suite);
        // the newest superseded write: only the state row of its key names it, and that row's
        // block superseded it
        String newest = "(SELECT MAX(history_seq) FROM history)";
        long superseding = LedgerEdits.queryLong(folder, "SELECT block_no FROM state WHERE previous_seq = " + newest);
        edit("DELETE FROM history WHERE history_seq = " + newest);

        assertTamperedAt(superseding, "history");
    }

    private static byte[] flipFirstByte(byte[] bytes) {
        byte[] copy = bytes.clone();
        copy[0] ^= 1;
        return copy;
    }

    private void assertTamperedAt(long block, String messagePart) {
        LedgerEdits.assertTamperedAt(platform, folder, block, messagePart);
    }

    private void edit(String sql, Object... parameters) throws SQLException {
        LedgerEdits.edit(folder, sql, parameters);
    }
}
