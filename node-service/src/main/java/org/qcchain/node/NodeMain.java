package org.qcchain.node;

import org.qcchain.node.cli.Cli;

/**
 * The {@code qcchain} executable: {@code java -jar qcchain-node-service-*-all.jar <command>} or
 * {@code node-service/bin/qcchain <command>}. All the work is in {@link Cli}.
 */
public final class NodeMain {

    private NodeMain() {}

    /**
     * Runs the command line and exits with its code.
     *
     * @param args {@code <command> [options]}; {@code --help} lists the commands
     */
    public static void main(String[] args) {
        System.exit(Cli.standard().run(args, System.out, System.err, System.getenv()));
    }
}
