package dev.zeno.transport.engine;

/**
 * Reconnect intervals: the socket's reconnect interval, doubled after each failed attempt up to
 * the maximum (if one is set above the interval), and back to the interval after a successful
 * handshake, as libzmq does. A negative interval means "do not reconnect".
 */
final class Backoff {
    private final long interval;
    private final long maximum;
    private long current;

    /**
     * @param intervalMillis the first delay; negative = never reconnect
     * @param maximumMillis the cap of the doubling; 0 (or below the interval) = no back-off
     */
    Backoff(long intervalMillis, long maximumMillis) {
        this.interval = intervalMillis;
        this.maximum = maximumMillis;
        this.current = intervalMillis;
    }

    /** Whether reconnecting is enabled. */
    boolean enabled() {
        return interval >= 0;
    }

    /** The delay before the next attempt, in milliseconds; the one after it doubles. */
    long next() {
        long delay = current;
        if (maximum > interval) {
            current = Math.min(maximum, Math.max(1, current) * 2);
        }
        return delay;
    }

    /** A connection succeeded: start again from the interval. */
    void reset() {
        current = interval;
    }
}
