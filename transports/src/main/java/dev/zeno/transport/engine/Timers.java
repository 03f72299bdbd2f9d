package dev.zeno.transport.engine;

import java.util.PriorityQueue;

/**
 * The timers of one I/O thread: a min-heap of deadlines. Cancelled timers are dropped lazily
 * and purged in bulk when they outnumber the live ones, so cancelling is O(1) and memory stays
 * bounded. Not thread-safe: the I/O thread alone uses it.
 */
final class Timers {
    private static final System.Logger LOG = System.getLogger(Timers.class.getName());

    private final PriorityQueue<Timer> heap = new PriorityQueue<>(64, (a, b) -> {
        long d = a.deadline - b.deadline;
        if (d != 0) {
            return d < 0 ? -1 : 1;
        }
        return Long.compare(a.sequence, b.sequence);
    });
    private long sequence;
    private int cancelled;

    /** Schedules {@code action} to run {@code delayNanos} from now. */
    Timer schedule(long delayNanos, Runnable action) {
        return scheduleAt(System.nanoTime() + Math.max(0, delayNanos), action);
    }

    /** Schedules {@code action} at the {@link System#nanoTime()} value {@code deadline}. */
    Timer scheduleAt(long deadline, Runnable action) {
        Timer timer = new Timer(this, deadline, sequence++, action);
        heap.add(timer);
        return timer;
    }

    void cancelled() {
        cancelled++;
        if (cancelled > 64 && cancelled > heap.size() / 2) {
            heap.removeIf(Timer::isDone);
            cancelled = 0;
        }
    }

    /**
     * Runs every timer due at {@code now}.
     *
     * @return nanoseconds until the next deadline, or -1 if no timer is pending
     */
    long runDue(long now) {
        Timer next;
        while ((next = heap.peek()) != null) {
            if (next.isDone()) {
                heap.poll();
                cancelled = Math.max(0, cancelled - 1);
                continue;
            }
            if (next.deadline - now > 0) {
                return next.deadline - now;
            }
            heap.poll();
            if (next.fire()) {
                try {
                    next.action.run();
                } catch (Throwable t) {
                    LOG.log(System.Logger.Level.WARNING, "timer action failed", t);
                }
            }
        }
        return -1;
    }

    /** The number of pending (possibly cancelled) timers, for tests and diagnostics. */
    int size() {
        return heap.size();
    }
}
