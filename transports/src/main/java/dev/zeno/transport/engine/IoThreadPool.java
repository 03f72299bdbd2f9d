package dev.zeno.transport.engine;

import dev.zeno.transport.TransportException;
import java.io.IOException;

/**
 * The I/O threads of one context, shared by tcp and ipc: started lazily (a context that only
 * uses inproc starts none), handed out round-robin to new listeners and connections, and
 * stopped and joined by {@link #shutdown()} once lingering connections have finished.
 */
public final class IoThreadPool {
    private static final System.Logger LOG = System.getLogger(IoThreadPool.class.getName());

    private final IoThread[] threads;
    private int next;
    private boolean shutdown;

    /** A pool of {@code size} threads, none started yet. */
    public IoThreadPool(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("I/O threads must be >= 1: " + size);
        }
        this.threads = new IoThread[size];
    }

    /** The number of threads this pool may run. */
    public int size() {
        return threads.length;
    }

    /**
     * The thread for a new listener or connection, started if need be.
     *
     * @throws TransportException TERMINATED after {@link #shutdown()}
     */
    public synchronized IoThread next() {
        if (shutdown) {
            throw new TransportException(TransportException.Reason.TERMINATED,
                    "the context is closed: no new tcp or ipc connections");
        }
        int index = next;
        next = (next + 1) % threads.length;
        IoThread thread = threads[index];
        if (thread == null) {
            try {
                thread = new IoThread("zeno-io-" + index);
            } catch (IOException e) {
                throw new TransportException(TransportException.Reason.UNREACHABLE,
                        "cannot open a selector for an I/O thread: " + e.getMessage(), e);
            }
            thread.start();
            threads[index] = thread;
        }
        return thread;
    }

    /**
     * Stops every thread once its listeners have closed and its connections have sent what
     * their sockets queued (within each socket's linger), and waits for them to end.
     * Idempotent: a later call (another transport of the context, or a close called again)
     * waits for the same threads.
     *
     * @throws TransportException INTERRUPTED if the calling thread is interrupted while it
     *     waits (its interrupt status stays set): the threads go on sending in the background,
     *     and a later call waits again, as zmq_ctx_term after EINTR
     */
    public void shutdown() {
        IoThread[] started;
        boolean first;
        synchronized (this) {
            first = !shutdown;
            shutdown = true;
            started = threads.clone();
        }
        if (first) {
            for (IoThread thread : started) {
                if (thread != null) {
                    thread.requestShutdown();
                }
            }
        }
        for (IoThread thread : started) {
            if (thread != null) {
                awaitEnd(thread);
            }
        }
        LOG.log(System.Logger.Level.DEBUG, "I/O threads stopped");
    }

    private static void awaitEnd(IoThread thread) {
        long waited = 0;
        while (true) {
            try {
                if (thread.join(5_000)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException(TransportException.Reason.INTERRUPTED, "interrupted while "
                        + thread + " sends what its sockets queued (linger); it goes on in the background");
            }
            waited += 5;
            long seconds = waited;
            LOG.log(System.Logger.Level.WARNING, () -> "context close has waited " + seconds + " s for "
                    + thread + " to finish: " + thread.describeLive()
                    + " (a linger of -1 waits until queued messages are sent)");
        }
    }

    /** True once {@link #shutdown()} has been called. */
    public synchronized boolean isShutdown() {
        return shutdown;
    }
}
