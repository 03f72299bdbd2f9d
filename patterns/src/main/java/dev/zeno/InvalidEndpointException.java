package dev.zeno;

/** An endpoint is malformed, names an unknown transport, or cannot be resolved. */
public class InvalidEndpointException extends ZenoException {
    private static final long serialVersionUID = 1L;

    /** An exception whose message names the input at fault. */
    public InvalidEndpointException(String message) {
        super(message);
    }

    /** An exception whose message names the input at fault, with its cause. */
    public InvalidEndpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
