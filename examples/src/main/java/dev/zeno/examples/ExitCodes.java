package dev.zeno.examples;

/** The exit codes of every role, as outside scripts and tests rely on them. */
public final class ExitCodes {
    /** The role did what it was asked. */
    public static final int OK = 0;
    /** The role ran but failed: no answer from a server, a database it cannot open, a scenario that failed. */
    public static final int FAILURE = 1;
    /** The command line was wrong: an unknown or malformed option, a bad endpoint. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
