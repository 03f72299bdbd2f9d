package dev.zeno.transport.engine;

import static dev.zeno.transport.engine.ZmtpEngine.MIN_READ_SIZE;
import static dev.zeno.transport.engine.ZmtpEngine.READ_BUFFER_SIZE;
import static dev.zeno.transport.engine.ZmtpEngine.readSizeFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zeno.transport.Pipe;
import org.junit.jupiter.api.Test;

/** How much one read of a connection takes: about what its inbound pipe can hold. */
class ReadSizeTest {
    @Test
    void beforeTheFirstMessageAReadTakesTheLeast() {
        assertEquals(MIN_READ_SIZE, readSizeFor(1000, 0, 0));
    }

    @Test
    void smallMessagesAtTheDefaultHighWaterMarkStillReadTheLeast() {
        // 1000 x 18 B = 18 KB: below the floor
        assertEquals(MIN_READ_SIZE, readSizeFor(1000, 18_000_000, 1_000_000));
    }

    @Test
    void aReadTakesWhatThePipeHoldsAtTheAverageSize() {
        // 1000 messages of 200 B on average: 200,000 bytes
        assertEquals(200_000, readSizeFor(1000, 2_000_000, 10_000));
    }

    @Test
    void largeMessagesAreCappedByTheBuffer() {
        assertEquals(READ_BUFFER_SIZE, readSizeFor(1000, 4096L * 500_000, 500_000));
    }

    @Test
    void anUnlimitedPipeTakesTheWholeBuffer() {
        assertEquals(READ_BUFFER_SIZE, readSizeFor(Pipe.UNLIMITED, 0, 0));
        assertEquals(READ_BUFFER_SIZE, readSizeFor(Pipe.UNLIMITED, 18, 1));
    }

    @Test
    void hugeMessagesAndHighWaterMarksDoNotOverflow() {
        long huge = 1L << 40;
        assertEquals(READ_BUFFER_SIZE, readSizeFor(Integer.MAX_VALUE, huge, 1));
        assertEquals(READ_BUFFER_SIZE, readSizeFor(Integer.MAX_VALUE, (long) READ_BUFFER_SIZE - 1, 1));
    }
}
