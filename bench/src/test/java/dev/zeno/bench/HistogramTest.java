package dev.zeno.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.bench.perf.Histogram;
import org.junit.jupiter.api.Test;

class HistogramTest {
    @Test
    void percentilesAreWithinTheBucketPrecision() {
        Histogram h = new Histogram();
        for (long v = 1; v <= 100_000; v++) {
            h.record(v * 1_000);   // 1 us .. 100 ms
        }
        assertEquals(100_000, h.count());
        assertWithin(50_000_000, h.percentile(50));
        assertWithin(99_000_000, h.percentile(99));
        assertEquals(100_000_000, h.max());
        assertEquals(1_000, h.min());
        assertEquals(100_000_000, h.percentile(100));
    }

    @Test
    void smallValuesAreExactAndEmptyIsZero() {
        Histogram h = new Histogram();
        assertEquals(0, h.percentile(50));
        h.record(5);
        h.record(7);
        h.record(-3);
        assertEquals(5, h.percentile(50));
        assertEquals(0, h.percentile(1));
        assertEquals(7, h.percentile(99));
    }

    private static void assertWithin(long expected, long actual) {
        assertTrue(Math.abs(actual - expected) <= expected / 64 + 1, "expected ~" + expected + " got " + actual);
    }
}
