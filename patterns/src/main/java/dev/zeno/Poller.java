package dev.zeno;

import dev.zeno.socket.SocketBase;
import dev.zeno.socket.SocketWaker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Waits until one of several sockets can receive ({@link #IN}) or send ({@link #OUT}), like
 * {@code zmq_poll}:
 *
 * <pre>{@code
 * Poller poller = new Poller();
 * poller.register(frontend, Poller.IN);
 * poller.register(backend, Poller.IN | Poller.OUT);
 * if (poller.poll(Duration.ofSeconds(1)) > 0 && poller.isReadable(frontend)) {
 *     Message message = frontend.receive();
 * }
 * }</pre>
 *
 * <p>A poll waits without spinning: it arms each socket's waker for the polling thread,
 * checks the sockets again, and parks until a pipe, a new peer or a close wakes it, or the
 * timeout passes (a park that begins while an arm is settling ends when it has settled, and
 * the poller scans again: see {@code SocketWaker}). "Readable" means a receive would return
 * a message now, "writable" that a send would not wait (for a REQ or REP, also that the
 * pattern allows it now).
 *
 * <p>Like a socket, a poller is used by one thread at a time, and that thread must be the
 * only one using the registered sockets while it polls. Closing a registered socket (or its
 * context) from another thread releases a thread waiting in {@link #poll} with
 * {@link SocketClosedException}.
 */
public final class Poller {
    /** Interest in, and readiness for, receiving. */
    public static final int IN = 1;
    /** Interest in, and readiness for, sending. */
    public static final int OUT = 2;

    private final List<Socket> sockets = new ArrayList<>();
    private int[] interests = new int[4];
    private int[] ready = new int[4];

    /** An empty poller; register sockets before polling. */
    public Poller() {
    }

    /**
     * Adds {@code socket}, or changes its events if it is already registered.
     *
     * @param events {@link #IN}, {@link #OUT} or {@code IN | OUT}
     * @throws IllegalArgumentException if {@code events} is not one of those
     * @throws SocketClosedException if the socket is closed
     */
    public void register(Socket socket, int events) {
        Objects.requireNonNull(socket, "socket");
        if (events == 0 || (events & ~(IN | OUT)) != 0) {
            throw new IllegalArgumentException("poll events must be IN, OUT or IN | OUT, was " + events
                    + " for " + socket);
        }
        if (socket.isClosed()) {
            throw new SocketClosedException(socket + " is closed: cannot poll it");
        }
        int index = indexOf(socket);
        if (index < 0) {
            index = sockets.size();
            sockets.add(socket);
            if (index == interests.length) {
                interests = Arrays.copyOf(interests, index * 2);
                ready = Arrays.copyOf(ready, index * 2);
            }
        }
        interests[index] = events;
        ready[index] = 0;
    }

    /**
     * Removes {@code socket}.
     *
     * @return false if it was not registered
     */
    public boolean unregister(Socket socket) {
        int index = indexOf(socket);
        if (index < 0) {
            return false;
        }
        sockets.remove(index);
        int moved = sockets.size() - index;
        System.arraycopy(interests, index + 1, interests, index, moved);
        System.arraycopy(ready, index + 1, ready, index, moved);
        return true;
    }

    /** The number of registered sockets. */
    public int size() {
        return sockets.size();
    }

    /**
     * Waits until at least one registered socket is ready for an event it was registered for,
     * or the timeout passes.
     *
     * @param timeout how long to wait: zero checks without waiting, null or negative waits
     *     until a socket is ready
     * @return the number of sockets ready (0 if the time ran out); see {@link #isReadable}
     *     and {@link #isWritable}
     * @throws SocketClosedException if a registered socket is closed, also while waiting
     * @throws IllegalSocketStateException if nothing is registered and the wait is unbounded
     */
    public int poll(Duration timeout) {
        long timeoutNanos = timeout == null || timeout.isNegative() ? -1 : saturatedNanos(timeout);
        int count = scan();
        if (count > 0 || timeoutNanos == 0) {
            return count;
        }
        if (sockets.isEmpty() && timeoutNanos < 0) {
            throw new IllegalSocketStateException("poll with no sockets registered would wait forever");
        }
        long deadline = System.nanoTime() + timeoutNanos;
        Thread me = Thread.currentThread();
        try {
            while (true) {
                // A wake consumes a socket's arming, so arm them all again before each scan:
                // a change from then on unparks us.
                for (Socket socket : sockets) {
                    socket.base().waker().armFor(me);
                }
                count = scan();
                if (count > 0) {
                    return count;
                }
                long now = System.nanoTime();
                long limit = timeoutNanos < 0 ? Long.MAX_VALUE : deadline - now;
                if (limit <= 0) {
                    return 0;
                }
                SocketWaker.park(this, limit, longestUnsettled(now)); // then scan again
                if (me.isInterrupted()) {
                    throw new InterruptedOperationException("interrupted while polling " + sockets.size() + " sockets");
                }
            }
        } finally {
            for (Socket socket : sockets) {
                socket.base().endPoll();
            }
        }
    }

    /**
     * True if the last {@link #poll} found {@code socket} readable: a receive returns a message
     * without waiting.
     *
     * @throws IllegalArgumentException if the socket is not registered
     */
    public boolean isReadable(Socket socket) {
        return (ready[require(socket)] & IN) != 0;
    }

    /**
     * True if the last {@link #poll} found {@code socket} writable: a send goes through without
     * waiting.
     *
     * @throws IllegalArgumentException if the socket is not registered
     */
    public boolean isWritable(Socket socket) {
        return (ready[require(socket)] & OUT) != 0;
    }

    /** The duration in nanoseconds; one too long for a long (centuries) waits forever. */
    private static long saturatedNanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return -1;
        }
    }

    /** The longest any registered socket's arm still takes to settle; 0 or less if all have. */
    private long longestUnsettled(long now) {
        long longest = 0;
        for (Socket socket : sockets) {
            longest = Math.max(longest, socket.base().waker().unsettledNanos(now));
        }
        return longest;
    }

    /** Checks every socket for its events; returns how many are ready. */
    private int scan() {
        int count = 0;
        for (int i = 0; i < sockets.size(); i++) {
            Socket socket = sockets.get(i);
            SocketBase base = socket.base();
            int interest = interests[i];
            int events = 0;
            if ((interest & IN) != 0 && (base.pollIn() || socket.hasReceiveMore())) {
                events |= IN;
            }
            if ((interest & OUT) != 0 && base.pollOut()) {
                events |= OUT;
            }
            ready[i] = events;
            if (events != 0) {
                count++;
            }
        }
        return count;
    }

    private int indexOf(Socket socket) {
        for (int i = 0; i < sockets.size(); i++) {
            if (sockets.get(i) == socket) {
                return i;
            }
        }
        return -1;
    }

    private int require(Socket socket) {
        int index = indexOf(socket);
        if (index < 0) {
            throw new IllegalArgumentException(socket + " is not registered with this poller");
        }
        return index;
    }
}
