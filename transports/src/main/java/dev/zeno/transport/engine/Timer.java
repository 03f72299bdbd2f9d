package dev.zeno.transport.engine;

/**
 * A scheduled action on one I/O thread (reconnect, heartbeat, handshake timeout, linger),
 * made by {@link IoThread#schedule}. Used on that I/O thread only.
 */
public final class Timer {
    final long deadline;
    final long sequence;
    final Runnable action;
    private final Timers owner;
    private boolean done;

    Timer(Timers owner, long deadline, long sequence, Runnable action) {
        this.owner = owner;
        this.deadline = deadline;
        this.sequence = sequence;
        this.action = action;
    }

    /** Stops the timer if it has not fired yet; harmless to call more than once. */
    public void cancel() {
        if (!done) {
            done = true;
            owner.cancelled();
        }
    }

    /** True once the timer has fired or been cancelled. */
    public boolean isDone() {
        return done;
    }

    /** Marks the timer fired; false if it had been cancelled. */
    boolean fire() {
        if (done) {
            return false;
        }
        done = true;
        return true;
    }
}
