package dev.zeno.examples;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The base of every role: it writes through picocli's writers rather than System.out, so that
 * a test can run a role in-process and read what it printed.
 */
public abstract class RoleCommand implements Callable<Integer> {
    /** Injected by picocli: the command being run. */
    @Spec
    protected CommandSpec spec;

    /** Where the role prints its results. */
    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Where the role prints warnings and errors. */
    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Prints one line of output and flushes it, so that a reader of a pipe sees it at once. */
    protected void println(String line) {
        PrintWriter out = out();
        out.println(line);
        out.flush();
    }
}
