package dev.zeno.examples;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * {@code java -jar zeno-examples.jar ROLE [options]}: runs one role of the ZeroMQ guide's
 * examples; with no arguments, runs the demo. Exit codes: see {@link ExitCodes}.
 */
public final class Main {
    private Main() {
    }

    /** Runs the role named by {@code args[0]} and exits with its exit code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = run(out, err, args);
        out.flush();
        err.flush();
        // roles leave no non-daemon threads behind, but a stalled demo peer must not hold the exit
        System.exit(code);
    }

    /**
     * Runs a role in this JVM, printing to the given writers; returns its exit code. The
     * entry point for tests and for embedding a role in another program.
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        // the demo is the default, so that `java -jar zeno-examples.jar` shows something useful
        String[] effective = args.length == 0 ? new String[] {"demo"} : args;
        return commandLine(out, err).execute(effective);
    }

    /** The command line with every role as a subcommand, writing to the given writers. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new ZenoExamples());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new ExecutionErrors());
        // options keep their exact names: --bind is never abbreviated, never case-folded
        commandLine.setAbbreviatedOptionsAllowed(false);
        // --transport tcp as well as --transport TCP
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }
}
