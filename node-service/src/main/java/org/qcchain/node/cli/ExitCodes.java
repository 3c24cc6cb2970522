package org.qcchain.node.cli;

/** The exit codes of {@code qcchain}, following BSD sysexits where one fits. */
public final class ExitCodes {

    /** Success. */
    public static final int OK = 0;
    /** The command exists but this build cannot run it yet. */
    public static final int NOT_AVAILABLE = 2;
    /** Wrong arguments (EX_USAGE). */
    public static final int USAGE = 64;
    /** The node failed at run time, e.g. the port is taken (EX_SOFTWARE). */
    public static final int FAILURE = 70;
    /** The configuration is unusable (EX_CONFIG). */
    public static final int CONFIG = 78;

    private ExitCodes() {}
}
