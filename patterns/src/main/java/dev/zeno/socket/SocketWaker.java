package dev.zeno.socket;

import dev.zeno.transport.Waker;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes the one thread waiting on a socket: its user in a blocking send or receive, or a
 * poller waiting on several sockets. The waiter announces itself with {@link #arm()} (a
 * volatile store, fenced), then re-checks the pipes, then parks.
 *
 * <p>A wake consumes the arming: only the first of a burst of messages pays for an unpark,
 * the rest see the waker disarmed and return after one volatile read. The woken thread arms
 * again before it re-checks, if it has to wait once more.
 *
 * <p><b>No fence on the writer's side, once the socket has an inproc peer.</b> A pipe's flush
 * calls {@link #wake()} without the full fence other wakers need ({@link #needsFence()} is
 * false) once {@link #settleArms()} was called, which a socket does on its first inproc
 * peer: that fence cost the inproc hand-off three quarters of its time (inproc_thr 16 B on 2
 * cores: 18 M msg/s with it, 53-64 M without). Without it a lost wake-up is possible: the
 * writer's message still sits in its core's store buffer when it reads the arm, so it reads
 * the arm as not yet made, while the waiter's re-check misses the message. The waiter closes
 * that gap by time instead of by a fence: a park for a message that begins within
 * {@link #SETTLE_NANOS} of a fresh arm ends by then at the latest (see
 * {@link #unsettledNanos}), and the waiter re-checks. A store buffer drains in far less than
 * that (nanoseconds, and always on a context switch), so every message whose writer read the
 * arm too early is visible to that re-check. Later parks under the same arm need no limit:
 * every writer from then on reads the arm and wakes.
 *
 * <p>The price is one extra wake-up per wait for a message that outlasts the settling time.
 * A socket whose peers are all behind I/O threads does not pay it: an I/O thread flushes once
 * per batch read, so its fence is cheap, and with the socket settling, tcp PUSH/PULL 16 B lost
 * a fifth of its rate to the extra wake-ups. Waits for room never settle: the reader of a
 * pipe always fences before it wakes the writer.
 */
public final class SocketWaker implements Waker {
    /**
     * How long a fresh arm takes to be visible to every writer, with a wide margin; a park
     * that begins sooner than this after the arm ends by then. Waits shorter than this, the
     * common case under load, never notice it.
     */
    static final long SETTLE_NANOS = 100_000;

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
    /** When the current arm was made (System.nanoTime); read and written by the waiter only. */
    private long armedAt;
    /** Set before the first inproc peer's pipes get this waker; never cleared (class comment). */
    private volatile boolean settles;

    /** The calling thread will wait: wake it on the next change. */
    public void arm() {
        armFor(Thread.currentThread());
    }

    /**
     * Sets the thread to wake (a poller arming many sockets for itself). On a settling waker
     * an arm that no wake has consumed yet stays as it is: it keeps the time it was made, so it
     * settles no later. Elsewhere nothing reads that time, and the check is skipped: a re-arm
     * with the arm unconsumed (after a park that returned early) comes seconds into a run, and
     * C2 had compiled the receive path without that branch, then threw it away (tcp 16 B).
     */
    public void armFor(Thread thread) {
        if (settles && armed && waiter == thread) {
            return;
        }
        waiter = thread;
        armedAt = System.nanoTime();
        armed = true;
    }

    /**
     * From now on writers skip their fence and waits for messages settle (see the class
     * comment). Called before this waker is given to the first inproc peer's pipes, so a writer
     * that finds this waker on a pipe finds it settling. Never undone: a writer may still read
     * it as settling after the socket's last inproc peer has gone.
     */
    public void settleArms() {
        settles = true;
    }

    /**
     * How much longer the current arm takes to settle (see the class comment): a park for a
     * message that the waiter begins now must end within this many nanoseconds, then the
     * waiter re-checks. 0 or less once settled, or if writers fence. Waiter only.
     */
    public long unsettledNanos(long now) {
        return settles ? armedAt + SETTLE_NANOS - now : 0;
    }

    /**
     * Parks the calling waiter for at most {@code limitNanos} ({@link Long#MAX_VALUE}: no
     * limit), and no longer than {@code unsettledNanos} if that is positive: an arm still
     * settling (see {@link #unsettledNanos}), after which the waiter re-checks.
     */
    public static void park(Object blocker, long limitNanos, long unsettledNanos) {
        if (unsettledNanos > 0) {
            LockSupport.parkNanos(blocker, Math.min(limitNanos, unsettledNanos));
        } else if (limitNanos == Long.MAX_VALUE) {
            LockSupport.park(blocker);
        } else {
            LockSupport.parkNanos(blocker, limitNanos);
        }
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

    /** False once {@link #settleArms()} was called: the waiter re-checks once its arm settled. */
    @Override
    public boolean needsFence() {
        return !settles;
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
