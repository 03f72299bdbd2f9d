package dev.zeno.transport;

/**
 * Wakes the party at one end of a pipe: a socket's user thread, a poller, or an I/O thread.
 *
 * <p>A pipe calls {@link #wake()} after it has published a change the other side may be
 * waiting for (a message written, room made, the pipe closed), and only after a full fence,
 * so a waiter that announced itself before re-checking the pipe cannot miss the change.
 * Implementations make the common case, nobody waiting, cost one volatile read.
 */
@FunctionalInterface
public interface Waker {
    /** A waker that does nothing, for pipes whose end is not yet attached. */
    Waker NONE = () -> { };

    /** Wakes the waiting party if there is one; cheap when nobody waits. Any thread may call it. */
    void wake();
}
