package org.qcchain.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DataFolderUrlTest {

    @Test
    void puts_the_data_folder_s_absolute_path_where_the_url_names_it() {
        Path folder = Path.of("relative", "..", "demo");

        assertThat(DataFolderUrl.resolve("jdbc:h2:file:${dataDir}/sources/his;IFEXISTS=TRUE", folder))
                .isEqualTo("jdbc:h2:file:" + Path.of("demo").toAbsolutePath() + "/sources/his;IFEXISTS=TRUE");
    }

    @Test
    void leaves_a_url_that_does_not_name_it_as_written_with_or_without_a_folder() {
        String url = "jdbc:postgresql://his-db.hospital.local/his?user=${user}";

        assertThat(DataFolderUrl.resolve(url, null)).isEqualTo(url);
        assertThat(DataFolderUrl.resolve(url, Path.of("demo"))).isEqualTo(url);
    }

    @Test
    void refuses_a_url_that_names_the_data_folder_where_none_is_known() {
        assertThatThrownBy(() -> DataFolderUrl.resolve("jdbc:h2:file:${dataDir}/his", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("${dataDir}");
        assertThatThrownBy(() -> new JdbcSettings("jdbc:h2:file:${dataDir}/his", null, null, "SELECT 1", 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settings_keep_the_url_as_written_and_connect_to_it_resolved() {
        JdbcSettings settings = new JdbcSettings("jdbc:h2:file:${dataDir}/his", null, null, "SELECT 1", 10,
                Path.of("/srv/qcchain"));

        assertThat(settings.url()).isEqualTo("jdbc:h2:file:${dataDir}/his");
        assertThat(settings.connectionUrl()).isEqualTo("jdbc:h2:file:/srv/qcchain/his");
    }
}
