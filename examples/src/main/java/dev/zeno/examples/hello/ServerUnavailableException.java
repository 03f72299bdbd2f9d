package dev.zeno.examples.hello;

import dev.zeno.examples.RoleFailure;

/** The Lazy Pirate gave up: the server did not answer any of the tries in time. */
public final class ServerUnavailableException extends RoleFailure {
    private static final long serialVersionUID = 1L;

    /** The server at {@code endpoint} did not answer {@code tries} tries of {@code timeoutMillis} each. */
    public ServerUnavailableException(String endpoint, int tries, long timeoutMillis) {
        super("server at " + endpoint + " seems to be offline: no reply to " + tries
                + (tries == 1 ? " try" : " tries") + " of " + timeoutMillis + " ms each, abandoning");
    }
}
