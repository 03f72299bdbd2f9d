package dev.zeno.examples;

import dev.zeno.InvalidEndpointException;
import dev.zeno.InvalidOptionException;
import dev.zeno.ZenoException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception out of a role into a message and an exit code. A bad endpoint or option
 * is only found when the socket is given it, yet it is the user's input that is wrong: it
 * exits {@link ExitCodes#USAGE} like a parse error does. Everything else is a
 * {@link ExitCodes#FAILURE}; only a bug (not a Zeno or role failure) prints a stack trace.
 */
final class ExecutionErrors implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        String role = command.getCommandName();
        if (e instanceof InvalidEndpointException || e instanceof InvalidOptionException) {
            err.println(role + ": " + e.getMessage());
            err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for the options.");
            err.flush();
            return ExitCodes.USAGE;
        }
        if (e instanceof RoleFailure || e instanceof ZenoException) {
            err.println(role + ": " + e.getMessage());
            err.flush();
            return ExitCodes.FAILURE;
        }
        err.println(role + ": unexpected error: " + e);
        e.printStackTrace(err);
        err.flush();
        return ExitCodes.FAILURE;
    }
}
