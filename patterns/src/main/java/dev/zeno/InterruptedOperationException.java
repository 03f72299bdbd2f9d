package dev.zeno;

/**
 * A thread blocked in a send, receive or poll was interrupted. The thread's interrupt status is
 * left set, so code above can still see it.
 */
public class InterruptedOperationException extends ZenoException {
    private static final long serialVersionUID = 1L;

    /** An exception whose message says which operation was interrupted. */
    public InterruptedOperationException(String message) {
        super(message);
    }
}
