package dev.zeno.transport.engine;

import dev.zeno.transport.PeerOwner;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A bound endpoint accepting connections on its I/O thread. Each accepted channel goes to the
 * next I/O thread of the pool, where an {@link AcceptSession} runs its handshake.
 *
 * <p>{@link #close()} is synchronous: it returns once the listening socket is really closed (a
 * registered channel's socket is only released when its selector processes the cancelled key),
 * so the port or ipc path can be bound again at once. It also ends the connections accepted
 * here, as libzmq's {@code zmq_unbind} does: each lingers for what it has queued, then closes.
 */
final class Listener implements IoHandler, IoObject {
    private static final System.Logger LOG = System.getLogger(Listener.class.getName());
    private static final int ACCEPTS_PER_EVENT = 64;
    private static final long ACCEPT_PAUSE_MILLIS = 100;

    private final IoThreadPool pool;
    private final IoThread io;
    private final ServerSocketChannel channel;
    private final String endpoint;
    private final PeerOwner owner;
    private final StreamTransport transport;
    private final Runnable cleanup;
    private SelectionKey key;
    private boolean closed;
    /** Accepted connections not ended yet; they run on any I/O thread of the pool. */
    private final Set<AcceptSession> sessions = ConcurrentHashMap.newKeySet();

    Listener(IoThreadPool pool, IoThread io, ServerSocketChannel channel, String endpoint, PeerOwner owner,
             StreamTransport transport, Runnable cleanup) {
        this.pool = pool;
        this.io = io;
        this.channel = channel;
        this.endpoint = endpoint;
        this.owner = owner;
        this.transport = transport;
        this.cleanup = cleanup;
    }

    /** Starts accepting. I/O thread. */
    void start() {
        if (closed) {
            return;
        }
        if (io.isTerminated()) {
            closeNow(false);
            return;
        }
        try {
            channel.configureBlocking(false);
            key = channel.register(io.selector(), SelectionKey.OP_ACCEPT, this);
            io.register(this);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, endpoint + ": cannot listen", e);
            closeNow(false);
        }
    }

    @Override
    public void ready(int readyOps) throws IOException {
        for (int i = 0; i < ACCEPTS_PER_EVENT && !closed; i++) {
            SocketChannel accepted;
            try {
                accepted = channel.accept();
            } catch (IOException e) {
                // e.g. too many open files: pause accepting instead of spinning on a ready key
                LOG.log(System.Logger.Level.WARNING, endpoint + ": accept failed: " + e.getMessage());
                pause();
                return;
            }
            if (accepted == null) {
                return;
            }
            try {
                accepted.configureBlocking(false);
                transport.configure(accepted);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, endpoint + ": cannot configure an accepted connection", e);
                accepted.close();
                continue;
            }
            IoThread target;
            try {
                target = pool.next();
            } catch (RuntimeException e) {
                accepted.close();
                return;
            }
            AcceptSession session = new AcceptSession(target, owner, endpoint, accepted, sessions::remove);
            sessions.add(session);
            if (target == io) {
                session.start();
            } else {
                target.execute(session::start);
            }
        }
    }

    private void pause() {
        if (key != null && key.isValid()) {
            key.interestOps(0);
            io.schedule(ACCEPT_PAUSE_MILLIS, () -> {
                if (!closed && key.isValid()) {
                    key.interestOps(SelectionKey.OP_ACCEPT);
                }
            });
        }
    }

    @Override
    public void failed(Throwable cause) {
        LOG.log(System.Logger.Level.WARNING, endpoint + ": listener failed", cause);
        pause();
    }

    @Override
    public void shutdown() {
        closeNow(false);
    }

    /**
     * Stops accepting, releases the endpoint and ends the connections accepted here (each sends
     * what it has queued, within the linger, on its own I/O thread); returns once the endpoint
     * is released (or after a bounded wait). Any thread except this listener's I/O thread
     * inside a handler.
     */
    void close() {
        if (io.inThread()) {
            closeNow(false);
        } else {
            CountDownLatch done = new CountDownLatch(1);
            io.execute(() -> {
                try {
                    closeNow(true);
                } finally {
                    done.countDown();
                }
            });
            try {
                if (!done.await(10, TimeUnit.SECONDS)) {
                    LOG.log(System.Logger.Level.WARNING, endpoint + ": unbind did not complete within 10 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        endAccepted(); // after the listener closed: no connection is accepted after this
    }

    /** Ends the connections accepted here, each on its own I/O thread. */
    private void endAccepted() {
        for (AcceptSession session : sessions) {
            session.io.execute(() -> session.closeFor("its endpoint was unbound"));
        }
    }

    private void closeNow(boolean flush) {
        if (closed) {
            return;
        }
        closed = true;
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, endpoint + ": closing the listener failed", e);
        }
        if (flush && !io.isTerminated()) {
            io.flushCancelledKeys();
        }
        try {
            cleanup.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, endpoint + ": cleanup failed", e);
        }
        io.unregister(this);
    }

    @Override
    public String toString() {
        return "Listener[" + endpoint + "]";
    }
}
