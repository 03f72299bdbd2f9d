package dev.zeno;

/**
 * The root of Zeno's exceptions. Every failure Zeno reports is one of these, unchecked, with
 * a message that names the endpoint, the option or the input at fault.
 */
public class ZenoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message that names the input at fault. */
    public ZenoException(String message) {
        super(message);
    }

    /** An exception with a message that names the input at fault, and its cause. */
    public ZenoException(String message, Throwable cause) {
        super(message, cause);
    }
}
