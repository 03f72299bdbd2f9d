package dev.zeno.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.zeno.transport.zmtp.ZmtpDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FrameRecyclerTest {
    @Test
    void anArrayGivenBackIsTakenAgainForTheSameSize() {
        FrameRecycler recycler = new FrameRecycler(1000);
        byte[] frame = new byte[16];
        recycler.give(frame);
        assertSame(frame, recycler.take(16));
        assertNotSame(frame, recycler.take(16), "each array is taken once");
    }

    @Test
    void anArrayOfAnotherSizeIsDroppedNotReturned() {
        FrameRecycler recycler = new FrameRecycler(1000);
        byte[] small = new byte[16];
        recycler.give(small);
        byte[] other = recycler.take(17);
        assertEquals(17, other.length);
        recycler.give(new byte[18]);
        assertEquals(16, recycler.take(16).length);
    }

    @Test
    void bigAndEmptyFramesAreNotKept() {
        FrameRecycler recycler = new FrameRecycler(1000);
        byte[] big = new byte[FrameRecycler.MAX_FRAME_SIZE + 1];
        recycler.give(big);
        assertNotSame(big, recycler.take(big.length));
        byte[] largest = new byte[FrameRecycler.MAX_FRAME_SIZE];
        recycler.give(largest);
        assertSame(largest, recycler.take(largest.length));
    }

    @Test
    void keepsAtMostAsManyArraysAsItsSlots() {
        FrameRecycler recycler = new FrameRecycler(16);
        byte[][] given = new byte[40][];
        for (int i = 0; i < given.length; i++) {
            given[i] = new byte[8];
            recycler.give(given[i]);
        }
        for (int i = 0; i < 16; i++) {
            assertSame(given[i], recycler.take(8));
        }
        byte[] next = recycler.take(8);
        for (byte[] array : given) {
            assertNotSame(array, next, "the arrays beyond the slots were dropped");
        }
    }

    @Test
    void onlyAConnectionsInboundPipeHasARecycler() {
        assertNull(new Pipe(1000).frameRecycler());
        Pipe inbound = new Pipe(1000, true);
        assertNotNull(inbound.frameRecycler());
        byte[] frame = new byte[4];
        inbound.recycle(frame);
        assertSame(frame, inbound.frameRecycler().take(4));
        new Pipe(1000).recycle(frame); // a pipe without a recycler ignores it
    }

    @Test
    void aDecoderDecodesSmallMessageFramesIntoRecycledArraysButNotCommands() throws Exception {
        FrameRecycler recycler = new FrameRecycler(1000);
        ZmtpDecoder decoder = new ZmtpDecoder();
        decoder.recycleFramesFrom(recycler);
        byte[] recycled = new byte[3];
        recycler.give(recycled);
        ByteBuffer in = ByteBuffer.wrap(new byte[] {0, 3, 'a', 'b', 'c'});
        assertEquals(ZmtpDecoder.Result.MESSAGE, decoder.decode(in));
        byte[] frame = (byte[]) decoder.takeElement();
        assertSame(recycled, frame);
        assertEquals("abc", new String(frame, StandardCharsets.US_ASCII));

        byte[] pingBody = {4, 'P', 'I', 'N', 'G', 0, 0};
        byte[] spare = new byte[pingBody.length];
        recycler.give(spare);
        ByteBuffer ping = ByteBuffer.allocate(2 + pingBody.length);
        ping.put((byte) 0x04).put((byte) pingBody.length).put(pingBody).flip();
        assertEquals(ZmtpDecoder.Result.COMMAND, decoder.decode(ping));
        decoder.takeCommand();
        assertSame(spare, recycler.take(pingBody.length), "a command is not decoded into a recycled array");
    }
}
