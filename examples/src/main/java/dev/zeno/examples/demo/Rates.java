package dev.zeno.examples.demo;

import java.util.Locale;

/** Formats counts, times and rates for the report. */
final class Rates {
    private Rates() {
    }

    /** "52 ms" (or "0.8 ms" under a millisecond). */
    static String millis(long nanos) {
        double ms = nanos / 1e6;
        return ms < 10 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%.0f ms", ms);
    }

    /** "19,231 msg/s". */
    static String rate(long count, long nanos) {
        if (nanos <= 0) {
            return "- msg/s";
        }
        return String.format(Locale.ROOT, "%,.0f msg/s", count * 1e9 / nanos);
    }
}
