package dev.zeno.transport.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Who does one side of a connection's work now: normally its I/O thread, sometimes the
 * socket's own thread, which does it itself to save a thread wake-up each way. A session's
 * output lock covers the reading of its outbound pipe, its engine's encoder and the channel's
 * writes (write-through: {@link ZmtpEngine#writeOnCallerThread}); an engine's input lock covers
 * the channel's reads, the decoder and the writing of the inbound pipe (read-through:
 * {@link ZmtpEngine#readOnCallerThread}).
 *
 * <p>Never blocks. The socket's thread only {@link #tryAcquire() tries}: if the I/O thread
 * holds the lock it leaves the work to the I/O thread as before. The I/O thread {@link
 * #acquireOrDefer() leaves a note} instead of waiting; {@link #releaseBySocketThread()}
 * reports the note, and the socket's thread then hands the work back to the I/O thread, so
 * nothing is left undone. The lock's CAS and volatile stores order each holder's writes before
 * the next holder's reads.
 */
final class HandoffLock {
    private static final int FREE = 0;
    private static final int HELD = 1;
    /** Held, and the I/O thread has work waiting for the holder to hand back. */
    private static final int HELD_WORK_WAITING = 2;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(HandoffLock.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile int state = FREE;

    /** Socket thread: takes the lock if it is free. */
    boolean tryAcquire() {
        return state == FREE && STATE.compareAndSet(this, FREE, HELD);
    }

    /**
     * I/O thread: takes the lock, or, if the socket's thread holds it, notes that the I/O
     * thread has work, which the holder hands back on release.
     *
     * @return true if the I/O thread now holds the lock
     */
    boolean acquireOrDefer() {
        while (true) {
            int s = state;
            if (s == FREE) {
                if (STATE.compareAndSet(this, FREE, HELD)) {
                    return true;
                }
            } else if (s == HELD_WORK_WAITING || STATE.compareAndSet(this, HELD, HELD_WORK_WAITING)) {
                return false;
            }
        }
    }

    /** I/O thread: releases the lock (only the I/O thread leaves notes, so none is waiting). */
    void releaseByIoThread() {
        state = FREE;
    }

    /**
     * Socket thread: releases the lock.
     *
     * @return true if the I/O thread deferred work meanwhile: the caller must wake it
     */
    boolean releaseBySocketThread() {
        return (int) STATE.getAndSet(this, FREE) == HELD_WORK_WAITING;
    }

    /** Whether some thread holds the lock now (diagnostics, linger). */
    boolean isHeld() {
        return state != FREE;
    }

    @Override
    public String toString() {
        return state == FREE ? "free" : state == HELD ? "held" : "held, work waiting";
    }
}
