package dev.zeno.bench.jmh;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The one idle strategy every hand-off benchmark uses on both sides, the same as the
 * Disruptor's YieldingWaitStrategy: spin 100 times, then yield. On a 2-core machine a pure
 * busy spin would starve the thread it waits for.
 */
final class Idle {
    static final int SPIN_TRIES = 100;

    private Idle() {
    }

    /** One idle step; {@code tries} counts the steps so far. */
    static void idle(int tries) {
        if (tries < SPIN_TRIES) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }

    /** Waits until {@code counter} reaches {@code target}, or fails after {@code timeoutMillis}. */
    static void awaitAtLeast(AtomicLong counter, long target, long timeoutMillis) {
        awaitAtLeast(counter::get, target, timeoutMillis);
    }

    /** Waits until {@code value} reaches {@code target}, or fails after {@code timeoutMillis}. */
    static void awaitAtLeast(LongSupplier value, long target, long timeoutMillis) {
        int tries = 0;
        long deadline = 0;
        while (value.getAsLong() < target) {
            idle(tries++);
            if ((tries & 0x3FF) == 0) {
                long now = System.nanoTime();
                if (deadline == 0) {
                    deadline = now + timeoutMillis * 1_000_000L;
                } else if (now > deadline) {
                    throw new IllegalStateException("timed out waiting for " + target + ", at " + value.getAsLong());
                }
            }
        }
    }
}
