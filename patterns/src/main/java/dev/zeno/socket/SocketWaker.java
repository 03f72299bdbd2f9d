package dev.zeno.socket;

import dev.zeno.transport.Waker;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes the one thread waiting on a socket: its user in a blocking send or receive, or a
 * poller waiting on several sockets. The waiter announces itself with {@link #arm()} (a
 * volatile store, ordered before its re-check of the pipes), so a pipe's flush, which fences
 * before calling {@link #wake()}, either is seen by the re-check or unparks the waiter.
 *
 * <p>A wake consumes the arming: only the first of a burst of messages pays for an unpark,
 * the rest see the waker disarmed and return after one volatile read. The woken thread arms
 * again before it re-checks, if it has to wait once more.
 */
public final class SocketWaker implements Waker {
    private static final VarHandle ARMED;

    static {
        try {
            ARMED = MethodHandles.lookup().findVarHandle(SocketWaker.class, "armed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The thread in a wait on this socket, from its first arm until it leaves the wait. */
    private volatile Thread waiter;
    /** True from an arm until the next wake: only then does a wake unpark. */
    private volatile boolean armed;

    /** The calling thread will wait: wake it on the next change. */
    public void arm() {
        armFor(Thread.currentThread());
    }

    /** Sets the thread to wake (a poller arming many sockets for itself). */
    public void armFor(Thread thread) {
        waiter = thread;
        armed = true;
    }

    /** The calling thread no longer waits. */
    public void disarm() {
        armed = false;
        waiter = null;
    }

    /** True if a thread is in a wait on this socket (parked, or about to be, or re-checking). */
    public boolean hasWaiter() {
        return waiter != null;
    }

    @Override
    public void wake() {
        if (armed && ARMED.compareAndSet(this, true, false)) {
            Thread thread = waiter;
            if (thread != null) {
                LockSupport.unpark(thread);
            }
        }
    }
}
