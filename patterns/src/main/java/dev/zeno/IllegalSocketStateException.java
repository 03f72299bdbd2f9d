package dev.zeno;

/** The operation breaks the socket's pattern: a REQ sending twice, a receive on a PUB, a send on a SUB. */
public class IllegalSocketStateException extends ZenoException {
    private static final long serialVersionUID = 1L;

    /** An exception whose message names the input at fault. */
    public IllegalSocketStateException(String message) {
        super(message);
    }

    /** An exception whose message names the input at fault, with its cause. */
    public IllegalSocketStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
