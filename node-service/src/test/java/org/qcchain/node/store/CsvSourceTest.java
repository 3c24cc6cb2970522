package org.qcchain.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV exports as department systems write them (RFC 4180), and the errors a bad one gets. */
class CsvSourceTest {

    @Test
    void reads_quoted_fields_with_commas_doubled_quotes_and_line_breaks() {
        List<SourceRow> rows = read("subjectType,subjectNumber,sequence,plate,note\r\n"
                + "RESIDENT_ID,370102199001011234,0,\"鲁A,12345\",\"said \"\"hi\"\"\r\ntwice\"\r\n"
                + "USCC,91370100MA3C000001,2,鲁B54321,plain\r\n");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).fields()).containsEntry("plate", "鲁A,12345").containsEntry("note", "said \"hi\"\r\ntwice");
        assertThat(rows.get(0).subjectType()).isEqualTo("RESIDENT_ID");
        assertThat(rows.get(1).sequence()).isEqualTo(2);
        assertThat(rows.get(1).subjectNumber()).isEqualTo("91370100MA3C000001");
    }

    @Test
    void types_columns_the_header_marks_and_tells_an_empty_cell_from_an_empty_string() {
        List<SourceRow> rows = read("\uFEFFsubjectType,subjectNumber,version,seats:integer,mortgaged:boolean,note,memo\n"
                + "RESIDENT_ID,1,3,5,TRUE,,\"\"\n");

        assertThat(rows.get(0).version()).isEqualTo(3L);
        assertThat(rows.get(0).fields()).containsEntry("seats", 5L).containsEntry("mortgaged", true)
                .containsEntry("note", null).containsEntry("memo", "");
    }

    @Test
    void names_the_line_a_record_starts_on_after_a_multi_line_field() {
        CsvSource source = new CsvSource("d", new StringReader("subjectType,subjectNumber,note\n"
                + "RESIDENT_ID,1,\"two\nlines\"\n\nRESIDENT_ID,2,ok\n"));
        Iterator<SourceRow> rows = source.rows();

        rows.next();
        assertThat(source.placeOfLastRow(1)).isEqualTo("line 2");
        rows.next();
        assertThat(source.placeOfLastRow(2)).isEqualTo("line 5");
    }

    @Test
    void refuses_an_unterminated_quote_with_the_line_it_opened_on() {
        assertThatThrownBy(() -> read("subjectType,subjectNumber,note\nRESIDENT_ID,1,ok\nRESIDENT_ID,2,\"open\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("line 3:");
    }

    @Test
    void refuses_a_row_with_another_number_of_fields_than_the_header() {
        assertThatThrownBy(() -> read("subjectType,subjectNumber,note\nRESIDENT_ID,1,a,b\n"))
                .hasMessage("line 2: has 4 fields, the header 3");
    }

    @Test
    void refuses_text_after_a_closing_quote_and_a_stray_quote() {
        assertThatThrownBy(() -> read("subjectType,subjectNumber,note\nRESIDENT_ID,1,\"a\"b\n"))
                .hasMessageStartingWith("line 2: after the closing quote of field 3");
        assertThatThrownBy(() -> read("subjectType,subjectNumber,note\nRESIDENT_ID,1,a\"b\n"))
                .hasMessageStartingWith("line 2: field 3 has a quote");
    }

    @Test
    void refuses_a_header_without_the_subject_and_a_value_of_the_wrong_type_without_showing_it() {
        assertThatThrownBy(() -> read("subjectType,plate\nRESIDENT_ID,x\n"))
                .hasMessage("line 1: the header has no column 'subjectNumber'");
        assertThatThrownBy(() -> read("subjectType,subjectNumber,seats:integer\nRESIDENT_ID,370102199001011234,five\n"))
                .hasMessage("line 2: column 'seats' must be an integer");
        assertThatThrownBy(() -> read("subjectType,subjectNumber,seats:float\n"))
                .hasMessageContaining("line 1: column 'seats' has type 'float'");
        assertThatThrownBy(() -> read("")).hasMessageContaining("empty");
    }

    private static List<SourceRow> read(String csv) {
        List<SourceRow> rows = new ArrayList<>();
        new CsvSource("d", new StringReader(csv)).rows().forEachRemaining(rows::add);
        return rows;
    }
}
