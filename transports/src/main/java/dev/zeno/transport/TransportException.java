package dev.zeno.transport;

/**
 * A transport refused a request: a malformed endpoint, an unknown transport, an address in
 * use, a failed bind. The message names the input. The patterns module turns it into the
 * public exception family at the API boundary.
 */
public final class TransportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure this is, so the API can map it to a precise exception type. */
    public enum Reason {
        /** The endpoint string is malformed. */
        BAD_ENDPOINT,
        /** The scheme names no transport. */
        UNKNOWN_TRANSPORT,
        /** The address is already bound (by this process or another). */
        ADDRESS_IN_USE,
        /** The endpoint is well formed but cannot be used (unknown host, no permission, ...). */
        UNREACHABLE,
        /** The endpoint is not bound or connected on this socket (unbind, disconnect). */
        NOT_FOUND,
        /** The transport has been shut down with its context. */
        TERMINATED,
        /** A wait (the context's close, for linger) was interrupted. */
        INTERRUPTED
    }

    private final Reason reason;

    /** A failure of the given kind; the message should name the input. */
    public TransportException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** A failure of the given kind with its cause; the message should name the input. */
    public TransportException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** The kind of failure. */
    public Reason reason() {
        return reason;
    }
}
