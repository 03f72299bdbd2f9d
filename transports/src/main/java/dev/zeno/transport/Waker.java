package dev.zeno.transport;

/**
 * Wakes the party at one end of a pipe: a socket's user thread, a poller, or an I/O thread.
 *
 * <p>A pipe calls {@link #wake()} after it has published a change the other side may be
 * waiting for (a message written, room made, the pipe closed), and after a full fence unless
 * the waker says it needs none ({@link #needsFence()}), so a waiter that announced itself
 * before re-checking the pipe cannot miss the change. Implementations make the common case,
 * nobody waiting, cost one volatile read.
 */
@FunctionalInterface
public interface Waker {
    /** A waker that does nothing, for pipes whose end is not yet attached. */
    Waker NONE = () -> { };

    /** Wakes the waiting party if there is one; cheap when nobody waits. Any thread may call it. */
    void wake();

    /**
     * Whether a writer must put a full fence between publishing a message and calling
     * {@link #wake()} (the Dekker handshake with the waiter's arm and re-check). True unless
     * the waiter closes that gap another way, as a socket's waiter does by time.
     */
    default boolean needsFence() {
        return true;
    }
}
