package dev.zeno;

/** An option value is out of range, or the option does not apply to this socket type. */
public class InvalidOptionException extends ZenoException {
    private static final long serialVersionUID = 1L;

    /** An exception whose message names the input at fault. */
    public InvalidOptionException(String message) {
        super(message);
    }

    /** An exception whose message names the input at fault, with its cause. */
    public InvalidOptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
