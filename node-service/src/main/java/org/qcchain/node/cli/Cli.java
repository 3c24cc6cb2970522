package org.qcchain.node.cli;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qcchain.node.http.NodeServer;

/**
 * The {@code qcchain} command line: {@code qcchain <command> [options]}, {@code --help} on its own
 * or after any command, {@code --version}. Returns exit codes instead of exiting, so it is
 * testable; {@link org.qcchain.node.NodeMain} exits.
 *
 * <pre>{@code
 * int code = Cli.standard().run(args, System.out, System.err, System.getenv());
 * }</pre>
 */
public final class Cli {

    /** H2's code for a statement that ran out of memory (it closes the database and reports this). */
    private static final int H2_OUT_OF_MEMORY = 90108;

    private final Map<String, Command> commands = new LinkedHashMap<>();

    /** A command line of these commands; {@link #standard()} has this build's. */
    Cli(List<Command> commands) {
        commands.forEach(command -> this.commands.put(command.name(), command));
    }

    /**
     * The commands of this build: {@code start}, {@code demo}, {@code verify}, {@code import},
     * {@code compact}.
     *
     * @return the command line
     */
    public static Cli standard() {
        return new Cli(List.of(new StartCommand(), new DemoCommand(), new VerifyCommand(), new ImportCommand(),
                new CompactCommand()));
    }

    /**
     * Parses and runs.
     *
     * @param args the process arguments
     * @param out standard output
     * @param err standard error
     * @param env the environment
     * @return the exit code, see {@link ExitCodes}
     */
    public int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        if (args.length == 0) {
            err.print(usage());
            return ExitCodes.USAGE;
        }
        String first = args[0];
        if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
            out.print(usage());
            return ExitCodes.OK;
        }
        if (first.equals("--version")) {
            out.println("qcchain " + NodeServer.version());
            return ExitCodes.OK;
        }
        Command command = commands.get(first);
        if (command == null) {
            err.println("qcchain: unknown command '" + first + "'");
            err.print(usage());
            return ExitCodes.USAGE;
        }
        List<String> rest = List.of(args).subList(1, args.length);
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print(command.help());
            return ExitCodes.OK;
        }
        try {
            return command.run(rest, out, err, env);
        } catch (RuntimeException | Error e) {
            return failed(first, e, err);
        }
    }

    /**
     * A command that failed with nothing of its own to catch it: exit 70 with the message and the
     * stack trace for a report, never the JVM's exit 1 (which {@code verify} gives a bad block).
     * Running out of memory gets how to give the JVM more instead of a trace: {@code verify}
     * may replay the ledger's state on the heap, and a ledger can outgrow what it estimated.
     */
    private static int failed(String command, Throwable e, PrintStream err) {
        if (outOfMemory(e)) {
            err.println("qcchain " + command + ": ran out of memory. Run it again with a larger heap, e.g."
                    + " QCCHAIN_JAVA_OPTS='-XX:+UseParallelGC -Xmx8g' (verify's replay on the heap takes about 600"
                    + " bytes per state key of the ledger; QCCHAIN_LEDGER_VERIFY_REPLAY=file keeps it in a file instead;"
                    + " docs/operations.md)");
        } else {
            err.println("qcchain " + command + ": failed: " + e);
            e.printStackTrace(err);
        }
        return ExitCodes.FAILURE;
    }

    private static boolean outOfMemory(Throwable e) {
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < 32; depth++, cause = cause.getCause()) {
            if (cause instanceof OutOfMemoryError
                    || cause instanceof SQLException sql && sql.getErrorCode() == H2_OUT_OF_MEMORY) {
                return true;
            }
        }
        return false;
    }

    /**
     * The overall usage text.
     *
     * @return the text {@code qcchain --help} prints
     */
    public String usage() {
        StringBuilder text = new StringBuilder("Usage: qcchain <command> [options]\n\n"
                + "qcchain node: trusted government-data sharing on a permissioned ledger.\n\n"
                + "Commands:\n");
        commands.values().forEach(command ->
                text.append(String.format("  %-8s %s%n", command.name(), command.summary())));
        text.append("\nOptions:\n  -h, --help   show this help, or a command's help after it\n"
                + "  --version    print the version\n\n"
                + "Run 'qcchain <command> --help' for the options of a command.\n");
        return text.toString();
    }
}
