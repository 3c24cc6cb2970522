package org.qcchain.node.cli;

/** The exit codes of {@code qcchain}, following BSD sysexits where one fits. */
public final class ExitCodes {

    /** Success. */
    public static final int OK = 0;
    /** Wrong arguments (EX_USAGE). */
    public static final int USAGE = 64;
    /** The ledger did not answer (a Fabric peer down); the same command may succeed later (EX_UNAVAILABLE). */
    public static final int UNAVAILABLE = 69;
    /** The node failed at run time, e.g. the port is taken (EX_SOFTWARE). */
    public static final int FAILURE = 70;
    /** The configuration is unusable (EX_CONFIG). */
    public static final int CONFIG = 78;

    private ExitCodes() {}
}
