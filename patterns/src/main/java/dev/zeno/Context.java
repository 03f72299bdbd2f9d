package dev.zeno;

import dev.zeno.socket.SocketErrors;
import dev.zeno.transport.TransportContext;
import dev.zeno.transport.TransportException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The container of a set of sockets: it owns their transports (inproc names, I/O threads).
 * Sockets of one context can talk over inproc. Closing the context closes its sockets,
 * releases threads blocked in them, waits for queued messages up to each socket's linger, and
 * stops the I/O threads. Thread-safe.
 */
public final class Context implements AutoCloseable {
    private final TransportContext transports;
    private final List<Socket> sockets = new ArrayList<>();
    private boolean closed;

    /** A context with one I/O thread. */
    public Context() {
        this(1);
    }

    /**
     * A context with {@code ioThreads} I/O threads for tcp and ipc.
     *
     * @throws InvalidOptionException if {@code ioThreads} is below 1
     */
    public Context(int ioThreads) {
        if (ioThreads < 1) {
            throw new InvalidOptionException("ioThreads must be at least 1, was " + ioThreads);
        }
        this.transports = new TransportContext(ioThreads);
    }

    /**
     * Opens a socket of the given type.
     *
     * @throws SocketClosedException if the context is closed
     */
    public Socket socket(SocketType type) {
        Objects.requireNonNull(type, "socket type");
        synchronized (sockets) {
            if (closed) {
                throw new SocketClosedException("context is closed: cannot open a " + type + " socket");
            }
            Socket socket = new Socket(this, type, SocketFactory.create(type, transports));
            sockets.add(socket);
            return socket;
        }
    }

    void forget(Socket socket) {
        synchronized (sockets) {
            sockets.remove(socket);
        }
    }

    /** True once closed. */
    public boolean isClosed() {
        synchronized (sockets) {
            return closed;
        }
    }

    /**
     * Closes every socket (threads blocked in them get {@link SocketClosedException}), lets
     * queued messages go out within each socket's linger, then stops the I/O threads.
     * Calling it again waits again for what is still being sent.
     *
     * @throws InterruptedOperationException if the calling thread is interrupted while it
     *     waits for the linger (its interrupt status stays set); the sockets are closed and
     *     the I/O threads go on sending in the background, as zmq_ctx_term after EINTR
     */
    @Override
    public void close() {
        List<Socket> open;
        synchronized (sockets) {
            open = closed ? List.of() : new ArrayList<>(sockets);
            closed = true;
        }
        for (Socket socket : open) {
            socket.close();
        }
        try {
            transports.shutdown();
        } catch (TransportException e) {
            throw SocketErrors.transport(e);
        }
    }
}
