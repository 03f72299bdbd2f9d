package dev.zeno.examples.recorder;

import dev.zeno.examples.RoleFailure;

/** The recording database could not be opened, read or written; the message names it. */
public final class StoreException extends RoleFailure {
    private static final long serialVersionUID = 1L;

    /** A failure whose message names the database and what went wrong. */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A failure whose message names the database and what went wrong. */
    public StoreException(String message) {
        super(message);
    }
}
