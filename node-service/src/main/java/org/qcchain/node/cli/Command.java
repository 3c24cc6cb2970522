package org.qcchain.node.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** One subcommand of {@code qcchain}. */
interface Command {

    /** @return the word that selects it, e.g. {@code start} */
    String name();

    /** @return one line for the command list */
    String summary();

    /** @return the full {@code --help} text */
    String help();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command's name, {@code --help} already handled
     * @param out standard output
     * @param err standard error
     * @param env the environment
     * @return the process exit code
     */
    int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env);
}
