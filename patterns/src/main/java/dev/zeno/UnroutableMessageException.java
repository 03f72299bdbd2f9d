package dev.zeno;

/** A ROUTER with mandatory routing was asked to send to an identity it has no peer for. */
public class UnroutableMessageException extends ZenoException {
    private static final long serialVersionUID = 1L;

    /** An exception whose message names the input at fault. */
    public UnroutableMessageException(String message) {
        super(message);
    }

    /** An exception whose message names the input at fault, with its cause. */
    public UnroutableMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
