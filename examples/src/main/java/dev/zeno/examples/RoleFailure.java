package dev.zeno.examples;

/**
 * A role could not do its job for a reason the user can act on (a server that does not
 * answer, a database that cannot be opened). Its message is printed as is, without a stack
 * trace, and the program exits with {@link ExitCodes#FAILURE}.
 */
public class RoleFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure whose message tells the user what went wrong. */
    public RoleFailure(String message) {
        super(message);
    }

    /** A failure whose message tells the user what went wrong, with its cause. */
    public RoleFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
