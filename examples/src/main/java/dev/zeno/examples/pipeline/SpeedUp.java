package dev.zeno.examples.pipeline;

import java.util.Locale;

/**
 * The parallel speed-up of a batch: the serial work (what one worker alone would take)
 * divided by the elapsed time.
 *
 * @param workMillis the total work in ms
 * @param elapsedMillis the time the batch took in ms
 * @param estimated true when the work is the expected total, not the exact one
 */
public record SpeedUp(double workMillis, double elapsedMillis, boolean estimated) {
    /** The factor, e.g. 3.9 for four workers on sleeping workloads. */
    public double factor() {
        return elapsedMillis <= 0 ? Double.POSITIVE_INFINITY : workMillis / elapsedMillis;
    }

    /** "Speed-up: 3.9x against 5050 msec of work (...)" for the sink's output. */
    public String describe(String basis) {
        return String.format(Locale.ROOT, "Speed-up: %.1fx against %s%.0f msec of work (%s)",
                factor(), estimated ? "an estimated " : "", workMillis, basis);
    }
}
