package dev.zeno.socket;

import dev.zeno.transport.TransportException;

/**
 * Builds the public exceptions. The exception classes live in {@code dev.zeno}; this indirection
 * keeps socket types free of the API package's construction details.
 */
public final class SocketErrors {
    private static volatile Factory factory;

    /** Makes public exceptions; installed by the API package when it loads. */
    public interface Factory {
        /** The socket is closed. */
        RuntimeException closed(String what);

        /** The pattern forbids this operation now. */
        RuntimeException illegalState(String message);

        /** A ROUTER with mandatory routing has no peer for the identity. */
        RuntimeException unroutable(String message);

        /** An option does not apply or is out of range. */
        RuntimeException invalidOption(String message);

        /** A blocked thread was interrupted. */
        RuntimeException interrupted(String message);

        /** A transport refused. */
        RuntimeException transport(TransportException cause);
    }

    private SocketErrors() {
    }

    /** Installs the factory (done once by {@code dev.zeno.Socket}). */
    public static void install(Factory installed) {
        factory = installed;
    }

    /** "this socket is closed". */
    public static RuntimeException closed(String what) {
        return factory.closed(what);
    }

    /** The pattern forbids this operation now. */
    public static RuntimeException illegalState(String message) {
        return factory.illegalState(message);
    }

    /** Unroutable message on a mandatory ROUTER. */
    public static RuntimeException unroutable(String message) {
        return factory.unroutable(message);
    }

    /** An option does not apply or is out of range. */
    public static RuntimeException invalidOption(String message) {
        return factory.invalidOption(message);
    }

    /** A blocked thread was interrupted; its interrupt status stays set. */
    public static RuntimeException interrupted(String message) {
        return factory.interrupted(message);
    }

    /** A transport failure as a public exception. */
    public static RuntimeException transport(TransportException cause) {
        return factory.transport(cause);
    }
}
