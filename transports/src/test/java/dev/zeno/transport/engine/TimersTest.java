package dev.zeno.transport.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimersTest {
    @Test
    void runsDueTimersInDeadlineOrderAndSkipsCancelled() {
        Timers timers = new Timers();
        List<String> fired = new ArrayList<>();
        long now = System.nanoTime();
        timers.scheduleAt(now + 2, () -> fired.add("b"));
        timers.scheduleAt(now + 1, () -> fired.add("a"));
        Timer cancelled = timers.scheduleAt(now + 1, () -> fired.add("cancelled"));
        timers.scheduleAt(now + 1_000_000, () -> fired.add("far"));
        cancelled.cancel();
        long next = timers.runDue(now + 10);
        assertEquals(List.of("a", "b"), fired);
        assertTrue(next > 0, "the far timer is still pending");
    }

    @Test
    void reportsNoPendingTimer() {
        Timers timers = new Timers();
        assertEquals(-1, timers.runDue(System.nanoTime()));
    }

    @Test
    void cancelledTimersArePurgedSoMemoryStaysBounded() {
        Timers timers = new Timers();
        for (int i = 0; i < 10_000; i++) {
            timers.schedule(1_000_000_000_000L, () -> { }).cancel();
        }
        assertTrue(timers.size() < 200, "cancelled timers pile up: " + timers.size());
    }

    @Test
    void aFailingActionDoesNotStopTheOthers() {
        Timers timers = new Timers();
        List<String> fired = new ArrayList<>();
        long now = System.nanoTime();
        timers.scheduleAt(now, () -> {
            throw new IllegalStateException("boom");
        });
        timers.scheduleAt(now, () -> fired.add("after"));
        timers.runDue(now + 1);
        assertEquals(List.of("after"), fired);
    }
}
