package dev.zeno;

/** The socket (or its context) is closed; also thrown to a thread blocked in a socket when it is closed. */
public class SocketClosedException extends ZenoException {
    private static final long serialVersionUID = 1L;

    /** An exception whose message names the input at fault. */
    public SocketClosedException(String message) {
        super(message);
    }

    /** An exception whose message names the input at fault, with its cause. */
    public SocketClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
