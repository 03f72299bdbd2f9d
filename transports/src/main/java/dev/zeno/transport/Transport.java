package dev.zeno.transport;

/**
 * A way to move messages between sockets: inproc, tcp, ipc. The service-provider interface
 * that sockets bind and connect through.
 */
public interface Transport {
    /** The scheme this transport serves, e.g. "tcp". */
    String scheme();

    /**
     * Binds {@code endpoint} for {@code owner}: every peer that connects is attached to it.
     *
     * @throws TransportException naming the endpoint if it is malformed or cannot be bound
     */
    Binding bind(Endpoint endpoint, PeerOwner owner);

    /**
     * Connects {@code owner} to {@code endpoint}. The connection is made, and made again after
     * a failure, until the returned handle is closed; the endpoint need not be bound yet.
     *
     * @throws TransportException naming the endpoint if it is malformed
     */
    Connection connect(Endpoint endpoint, PeerOwner owner);

    /** Stops this transport's work (I/O threads, listeners). Called once by the context. */
    default void shutdown() {
    }

    /** A bound endpoint. */
    interface Binding {
        /** The endpoint as bound, with ephemeral ports and wildcards resolved. */
        String resolvedEndpoint();

        /** Stops accepting; peers already attached through it stay attached (as in libzmq). */
        void close();
    }

    /** An outgoing connection, remade after failures until closed. */
    interface Connection {
        /** The endpoint as given to connect. */
        String endpoint();

        /** Stops connecting and ends the peer this connection attached (disconnect). */
        void close();
    }
}
