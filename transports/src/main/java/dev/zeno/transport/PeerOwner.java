package dev.zeno.transport;

/**
 * What a socket offers to the transports: its options, its waker, and a door for new peers.
 *
 * <p>Transports call these methods from any thread (an I/O thread, another socket's thread);
 * the socket hands the event over to its own thread, which alone touches its routing state.
 */
public interface PeerOwner {
    /** The socket's options, read by transports when they open a connection. */
    SocketOptions options();

    /** The waker for this socket's user thread and pollers; set on the pipe ends it owns. */
    Waker waker();

    /** A new peer is connected, or (connecting side) a connection is being made. */
    void attach(Peer peer);

    /**
     * The peer's connection was made again (reconnect) and its handshake is done: its identity
     * may have changed, and subscriptions must be sent again.
     */
    void reconnected(Peer peer);

    /** A short description of the socket for logs and errors, e.g. "PUSH socket". */
    String describe();
}
