package org.qcchain.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A command that fails with nothing of its own to catch it exits 70 with what went wrong, never
 * with the JVM's 1 (which {@code verify} gives a bad block); running out of memory says how to
 * give the JVM more, also when H2 reports it as its own error.
 */
class CliFailureTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void running_out_of_memory_exits_70_with_how_to_give_the_jvm_more() {
        assertThat(run(new OutOfMemoryError("Java heap space"))).isEqualTo(ExitCodes.FAILURE);

        assertThat(err()).contains("qcchain failing: ran out of memory", "-Xmx", "600 bytes per state key")
                .doesNotContain("\tat ");
    }

    @Test
    void h2_running_out_of_memory_inside_a_ledger_failure_counts_as_running_out_of_memory() {
        SQLException h2 = new SQLException("Out of memory.", "90108", 90108, new OutOfMemoryError());
        assertThat(run(new IllegalStateException("cannot read the ledger", new IllegalStateException(h2))))
                .isEqualTo(ExitCodes.FAILURE);
        assertThat(err()).contains("ran out of memory");

        err.reset();
        SQLException other = new SQLException("Table not found", "42S02", 42102);
        assertThat(run(new IllegalStateException("cannot read the ledger", other))).isEqualTo(ExitCodes.FAILURE);
        assertThat(err()).doesNotContain("ran out of memory");
    }

    @Test
    void any_other_failure_exits_70_with_its_message_and_trace_never_1() {
        assertThat(run(new ExceptionInInitializerError(new IllegalStateException("scan failed"))))
                .isEqualTo(ExitCodes.FAILURE);
        assertThat(err()).contains("qcchain failing: failed: java.lang.ExceptionInInitializerError", "scan failed");

        err.reset();
        assertThat(run(new IllegalArgumentException("boom"))).isEqualTo(ExitCodes.FAILURE);
        assertThat(err()).contains("failed: java.lang.IllegalArgumentException: boom", "\tat ");
    }

    private int run(Throwable failure) {
        Command failing = new Command() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public String summary() {
                return "fails";
            }

            @Override
            public String help() {
                return "Usage: qcchain failing\n";
            }

            @Override
            public int run(List<String> args, PrintStream out, PrintStream errors, Map<String, String> env) {
                if (failure instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) failure;
            }
        };
        return new Cli(List.of(failing)).run(new String[] {"failing"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
