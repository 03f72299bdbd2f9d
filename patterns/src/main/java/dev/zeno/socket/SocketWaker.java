package dev.zeno.socket;

import dev.zeno.transport.Waker;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes the one thread waiting on a socket: its user in a blocking send or receive, or a
 * poller waiting on several sockets. The waiter announces itself with {@link #arm()} (a
 * volatile store, ordered before its re-check of the pipes), so a pipe's flush, which fences
 * before calling {@link #wake()}, either is seen by the re-check or unparks the waiter.
 */
public final class SocketWaker implements Waker {
    private volatile Thread waiter;

    /** The calling thread will wait: wake it on the next change. */
    public void arm() {
        waiter = Thread.currentThread();
    }

    /** The calling thread no longer waits. */
    public void disarm() {
        waiter = null;
    }

    /** Sets the thread to wake (a poller arming many sockets for itself). */
    public void armFor(Thread thread) {
        waiter = thread;
    }

    /** True if a thread is waiting (or about to) on this socket. */
    public boolean hasWaiter() {
        return waiter != null;
    }

    @Override
    public void wake() {
        Thread thread = waiter;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }
}
