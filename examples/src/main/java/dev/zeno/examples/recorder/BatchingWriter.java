package dev.zeno.examples.recorder;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects updates and hands them to the store in batches: one transaction per
 * {@code maxRows} updates, or once the oldest waiting update is {@code maxDelayNanos} old,
 * whichever comes first. A transaction per row would cap the recorder at a few hundred
 * updates a second; batches keep it up with a feed, and the delay bounds what a reader misses.
 */
public final class BatchingWriter implements AutoCloseable {
    private final RecordingStore store;
    private final int maxRows;
    private final long maxDelayNanos;
    private final List<Update> pending;
    private long oldestPendingNanos;
    private long written;

    /** A writer into {@code store} committing every {@code maxRows} rows or {@code maxDelayNanos}. */
    public BatchingWriter(RecordingStore store, int maxRows, long maxDelayNanos) {
        if (maxRows < 1 || maxDelayNanos < 0) {
            throw new IllegalArgumentException("batch size must be >= 1 and delay >= 0");
        }
        this.store = store;
        this.maxRows = maxRows;
        this.maxDelayNanos = maxDelayNanos;
        this.pending = new ArrayList<>(maxRows);
    }

    /** Adds an update received at {@code nowNanos} (System.nanoTime()); writes the batch when it is due. */
    public void add(Update update, long nowNanos) {
        if (pending.isEmpty()) {
            oldestPendingNanos = nowNanos;
        }
        pending.add(update);
        flushIfDue(nowNanos);
    }

    /** Writes the waiting updates if there are {@code maxRows} of them or the oldest is old enough. */
    public void flushIfDue(long nowNanos) {
        if (pending.size() >= maxRows || !pending.isEmpty() && nowNanos - oldestPendingNanos >= maxDelayNanos) {
            flush();
        }
    }

    /** Writes the waiting updates now. */
    public void flush() {
        if (!pending.isEmpty()) {
            store.append(pending);
            written += pending.size();
            pending.clear();
        }
    }

    /** How many updates were written so far. */
    public long written() {
        return written;
    }

    /** Writes what is waiting. The store stays open. */
    @Override
    public void close() {
        flush();
    }
}
