package dev.zeno;

import java.time.Duration;

/**
 * The set-up the inproc pattern tests share: one context per test, sockets with bounded send
 * and receive timeouts, bound or connected in one call. A test class holds one per test and
 * closes it after each ({@code @AfterEach}), which closes every socket made from it.
 */
final class InprocSockets implements AutoCloseable {
    /** The send and receive timeout of every socket made here. */
    static final Duration WAIT = Duration.ofSeconds(5);

    private final Context ctx = new Context();

    /** A socket of {@code type}, neither bound nor connected. */
    Socket open(SocketType type) {
        Socket socket = ctx.socket(type);
        socket.setReceiveTimeout(WAIT);
        socket.setSendTimeout(WAIT);
        return socket;
    }

    /** A socket of {@code type} bound to {@code endpoint}. */
    Socket bound(SocketType type, String endpoint) {
        Socket socket = open(type);
        socket.bind(endpoint);
        return socket;
    }

    /** A socket of {@code type} connected to {@code endpoint}. */
    Socket connected(SocketType type, String endpoint) {
        Socket socket = open(type);
        socket.connect(endpoint);
        return socket;
    }

    @Override
    public void close() {
        ctx.close();
    }
}
