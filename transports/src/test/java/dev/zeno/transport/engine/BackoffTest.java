package dev.zeno.transport.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesUpToTheMaximumAndResets() {
        Backoff backoff = new Backoff(100, 700);
        assertEquals(100, backoff.next());
        assertEquals(200, backoff.next());
        assertEquals(400, backoff.next());
        assertEquals(700, backoff.next());
        assertEquals(700, backoff.next());
        backoff.reset();
        assertEquals(100, backoff.next());
    }

    @Test
    void noMaximumMeansAFixedInterval() {
        Backoff backoff = new Backoff(100, 0);
        assertEquals(100, backoff.next());
        assertEquals(100, backoff.next());
    }

    @Test
    void negativeIntervalDisablesReconnecting() {
        assertFalse(new Backoff(-1, 0).enabled());
    }
}
