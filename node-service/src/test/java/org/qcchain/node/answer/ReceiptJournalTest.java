package org.qcchain.node.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.node.answer.ReceiptJournal.Entry;
import org.qcchain.node.answer.ReceiptJournal.Kind;

/** The outbox's journal file: entries read back as written, a torn end cut off, nothing else accepted. */
class ReceiptJournalTest {

    private static final List<Entry> THREE = List.of(
            new Entry(Kind.KEPT, "a".repeat(64), "1".repeat(64)),
            new Entry(Kind.FAILED, "a".repeat(64), "INVALID_STATE_TRANSITION: 拒绝 — not granted"),
            new Entry(Kind.RECORDED, "b".repeat(64), null));

    @TempDir
    Path folder;

    @Test
    void entries_read_back_as_they_were_appended_after_a_reopen() throws IOException {
        Path file = folder.resolve("outbox.log");
        try (ReceiptJournal journal = ReceiptJournal.open(file).journal()) {
            journal.append(THREE.subList(0, 2));
            journal.append(THREE.subList(2, 3));
            journal.force();
            assertThat(journal.size()).isEqualTo(Files.size(file));
        }
        ReceiptJournal.Opened opened = ReceiptJournal.open(file);
        try (ReceiptJournal journal = opened.journal()) {
            assertThat(opened.entries()).isEqualTo(THREE);
            assertThat(opened.cutBytes()).isZero();
        }
    }

    @Test
    void a_torn_last_entry_is_cut_off_and_the_journal_goes_on_after_the_whole_ones() throws IOException {
        Path file = journalOf(THREE);
        long whole = Files.size(file);
        for (int missing = 1; missing < 40; missing += 7) {
            Path torn = folder.resolve("torn-" + missing);
            byte[] withNext = bytesOf(journalOf(List.of(THREE.get(0), THREE.get(1), THREE.get(2), THREE.get(0))));
            Files.write(torn, Arrays.copyOf(withNext, withNext.length - missing));

            ReceiptJournal.Opened opened = ReceiptJournal.open(torn);
            try (ReceiptJournal journal = opened.journal()) {
                assertThat(opened.entries()).as("%d bytes missing", missing).isEqualTo(THREE);
                assertThat(Files.size(torn)).isEqualTo(whole);
                assertThat(opened.cutBytes()).isEqualTo(withNext.length - missing - whole);
                journal.append(List.of(new Entry(Kind.RECORDED, "a".repeat(64), null)));
                journal.force();
            }
            ReceiptJournal.Opened reopened = ReceiptJournal.open(torn);
            reopened.journal().close();
            assertThat(reopened.entries()).hasSize(4).last().isEqualTo(new Entry(Kind.RECORDED, "a".repeat(64), null));
        }
    }

    @Test
    void an_entry_whose_bytes_do_not_match_its_crc_ends_what_is_read() throws IOException {
        Path file = journalOf(THREE);
        byte[] bytes = bytesOf(file);
        // the last entry's final byte (a character of the access id)
        bytes[bytes.length - 1] ^= 0x01;
        Files.write(file, bytes);

        ReceiptJournal.Opened opened = ReceiptJournal.open(file);
        opened.journal().close();
        assertThat(opened.entries()).isEqualTo(THREE.subList(0, 2));
        assertThat(opened.cutBytes()).isEqualTo(4 + 4 + 1 + 2 + 64);
    }

    @Test
    void a_file_cut_inside_its_header_opens_empty_and_anything_else_is_refused() throws IOException {
        Path file = journalOf(List.of());
        Files.write(file, Arrays.copyOf(bytesOf(file), 5));
        ReceiptJournal.Opened opened = ReceiptJournal.open(file);
        opened.journal().close();
        assertThat(opened.entries()).isEmpty();
        assertThat(Files.size(file)).isEqualTo(12);

        Path other = folder.resolve("other.log");
        Files.writeString(other, "{\"not\": \"a journal\"}");
        assertThatThrownBy(() -> ReceiptJournal.open(other)).isInstanceOf(IOException.class)
                .hasMessageContaining("is not a delivery outbox journal");

        Path later = folder.resolve("later.log");
        byte[] header = bytesOf(file);
        header[11] = 9;
        Files.write(later, header);
        assertThatThrownBy(() -> ReceiptJournal.open(later)).isInstanceOf(IOException.class)
                .hasMessageContaining("of format 9; this node reads 1");
    }

    @Test
    void a_rewrite_replaces_the_file_whole_and_leaves_no_temporary_file() throws IOException {
        Path file = journalOf(THREE);
        ReceiptJournal.rewrite(file, THREE.subList(0, 1));

        ReceiptJournal.Opened opened = ReceiptJournal.open(file);
        opened.journal().close();
        assertThat(opened.entries()).containsExactly(THREE.get(0));
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("outbox.log");
        }
    }

    @Test
    void texts_too_long_for_an_entry_and_entries_without_their_text_are_refused() {
        assertThatThrownBy(() -> new Entry(Kind.KEPT, "a", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Entry(Kind.RECORDED, "a", "x")).isInstanceOf(IllegalArgumentException.class);
        Path file = folder.resolve("outbox.log");
        assertThatThrownBy(() -> {
            try (ReceiptJournal journal = ReceiptJournal.open(file).journal()) {
                journal.append(List.of(new Entry(Kind.FAILED, "a", "é".repeat(40_000))));
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65,535");
    }

    private Path journalOf(List<Entry> entries) throws IOException {
        Path file = folder.resolve("outbox.log");
        Files.deleteIfExists(file);
        try (ReceiptJournal journal = ReceiptJournal.open(file).journal()) {
            journal.append(entries);
            journal.force();
        }
        return file;
    }

    private static byte[] bytesOf(Path file) throws IOException {
        return Files.readAllBytes(file);
    }
}
