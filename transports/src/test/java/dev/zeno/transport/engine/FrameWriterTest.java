package dev.zeno.transport.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameWriterTest {
    /** Takes everything, one recorded write per call. */
    private static final class RecordingChannel implements GatheringByteChannel {
        final List<byte[]> writes = new ArrayList<>();

        @Override
        public int write(ByteBuffer src) {
            byte[] bytes = new byte[src.remaining()];
            src.get(bytes);
            writes.add(bytes);
            return bytes.length;
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) {
            ByteBuffer all = ByteBuffer.allocate(Arrays.stream(srcs, offset, offset + length).mapToInt(ByteBuffer::remaining).sum());
            for (int i = offset; i < offset + length; i++) {
                all.put(srcs[i]);
            }
            return write(all.flip());
        }

        @Override
        public long write(ByteBuffer[] srcs) {
            return write(srcs, 0, srcs.length);
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aSmallFrameThatDoesNotFitGoesWholeIntoTheNextBatch() throws Exception {
        FrameWriter writer = new FrameWriter();
        RecordingChannel channel = new RecordingChannel();
        // 255 frames of 255 bytes take 2 + 255 bytes each: 65,535 of the 65,536, one byte left
        for (int i = 0; i < 255; i++) {
            writer.startFrame(new byte[255]);
            assertFalse(writer.fill(), "frame " + i + " fits");
        }
        byte[] small = new byte[16];
        Arrays.fill(small, (byte) 7);
        writer.startFrame(small);
        assertTrue(writer.fill(), "the batch goes out before the frame that does not fit");
        assertTrue(writer.flush(channel));
        assertEquals(255 * 257, channel.writes.get(0).length, "no part of the small frame in the first batch");
        assertFalse(writer.fill());
        assertTrue(writer.flush(channel));
        byte[] expected = new byte[18];
        expected[1] = 16;
        System.arraycopy(small, 0, expected, 2, 16);
        assertArrayEquals(expected, channel.writes.get(1));
        assertFalse(writer.hasPendingBytes());
    }
}
