package org.qcchain.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.node.config.NodeConfigLoader;

/** docs/api.md keeps up with the error catalogue and the configuration's environment variables. */
@Timeout(10)
class ApiDocsTest {

    static String apiDocs() throws IOException {
        return Files.readString(Path.of("..", "docs", "api.md"));
    }

    @Test
    void lists_every_error_code_with_its_status_and_title() throws IOException {
        String docs = apiDocs();

        for (ErrorCode code : ErrorCode.values()) {
            assertThat(docs).contains("| `" + code.code() + "` | " + code.httpStatus() + " | "
                    + code.title() + " |");
        }
    }

    @Test
    void lists_every_environment_override_with_its_key() throws IOException {
        String docs = apiDocs();

        NodeConfigLoader.environmentVariables().forEach((variable, pointer) ->
                assertThat(docs).contains("| `" + variable + "` | `"
                        + pointer.substring(1).replace('/', '.') + "` |"));
    }
}
