package dev.zeno.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PipeTest {
    /** Counts wake-ups, ignoring the one that attaching the waker makes. */
    private static AtomicInteger countWakes(Pipe pipe) {
        AtomicInteger wakes = new AtomicInteger();
        pipe.setWriterWaker(wakes::incrementAndGet);
        wakes.set(0);
        return wakes;
    }

    private static void fill(Pipe pipe) {
        while (pipe.writeFrame(new byte[1])) {
            // until the high-water mark
        }
        pipe.flush();
    }

    private static void read(Pipe pipe, int count) {
        for (int i = 0; i < count; i++) {
            assertNotNull(pipe.readElement());
        }
    }

    @Test
    void aFullPipesWriterIsWokenOnlyOnceTheReaderDrainedItToHalf() {
        Pipe pipe = new Pipe(1000);
        AtomicInteger wakes = countWakes(pipe);
        fill(pipe);
        assertFalse(pipe.hasRoom());

        read(pipe, 499);
        assertEquals(0, wakes.get(), "501 still queued: above the low-water mark");
        assertTrue(pipe.hasRoom(), "the reader's count is published on the way, for a spinning writer");

        // The reader publishes its count every 64 reads, so the wake comes within 64 reads of
        // the half-way mark.
        read(pipe, 65);
        assertEquals(1, wakes.get(), "436 queued: under half the high-water mark, so a parked writer is woken");
    }

    @Test
    void aPipeOverAMillionMessagesWakesItsWriterAtHalfToo() {
        // a high-water mark over 2^20 puts a linked queue behind the pipe, whose producer index
        // the reader's low-water check reads as well
        int highWaterMark = 1_100_000;
        Pipe pipe = new Pipe(highWaterMark);
        AtomicInteger wakes = countWakes(pipe);
        byte[] frame = new byte[1];
        while (pipe.writeFrame(frame)) {
            // until the high-water mark
        }
        pipe.flush();
        read(pipe, highWaterMark / 2 - 64);
        assertEquals(0, wakes.get(), "more than half still queued");
        read(pipe, 128);
        assertEquals(1, wakes.get(), "under half queued: the parked writer is woken");
    }

    @Test
    void aSmallPipesWriterIsWokenWhenTheReaderEmptiedIt() {
        Pipe pipe = new Pipe(1);
        AtomicInteger wakes = countWakes(pipe);
        fill(pipe);
        read(pipe, 1);
        assertEquals(1, wakes.get());
        assertTrue(pipe.hasRoom());
    }

    @Test
    void aReaderThatLeavesWakesTheWriterAtOnce() {
        Pipe pipe = new Pipe(1000);
        AtomicInteger wakes = countWakes(pipe);
        fill(pipe);
        read(pipe, 100);
        assertEquals(0, wakes.get());
        pipe.closeReader();
        assertEquals(1, wakes.get());
        assertTrue(pipe.writeFrame(new byte[1]), "writes to an abandoned pipe are accepted and dropped");
    }
}
