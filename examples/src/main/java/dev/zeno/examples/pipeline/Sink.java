package dev.zeno.examples.pipeline;

import dev.zeno.Socket;
import java.util.function.IntConsumer;

/** The sink's job: wait for the start signal, then time the arrival of every result. */
public final class Sink {
    private final Socket results;

    /** A sink receiving on {@code results} (PULL, bound). */
    public Sink(Socket results) {
        this.results = results;
    }

    /**
     * Waits for the start signal (any message, as in the guide), then for {@code tasks}
     * results; {@code onResult} hears the index of each result.
     *
     * @return the time from the start signal to the last result, in nanoseconds; -1 if the
     *     socket's receive timeout ran out first
     */
    public long collect(int tasks, IntConsumer onResult) {
        if (results.receive() == null) {
            return -1;
        }
        long start = System.nanoTime();
        for (int i = 0; i < tasks; i++) {
            if (results.receive() == null) {
                return -1;
            }
            onResult.accept(i);
        }
        return System.nanoTime() - start;
    }
}
