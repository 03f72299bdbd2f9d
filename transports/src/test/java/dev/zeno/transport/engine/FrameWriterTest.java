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
        FrameWriter writer = new FrameWriter(FrameWriter.LARGE_BATCH_SIZE);
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

    @Test
    void aConnectionWhoseBatchesFillUpGetsALargerBatch() throws Exception {
        FrameWriter writer = new FrameWriter(FrameWriter.LARGE_BATCH_SIZE);
        RecordingChannel channel = new RecordingChannel();
        for (int round = 0; round < 3; round++) {
            assertEquals(100 * 18, writeFrames(writer, channel, 100, 16).get(0), "small batches");
        }
        List<Integer> writes = writeFrames(writer, channel, 300, 255);
        assertEquals(255 * 257, writes.get(0), "still 64 KiB after small batches");
        assertEquals(45 * 257, writes.get(1));
        writes = writeFrames(writer, channel, 300, 255);
        assertEquals(List.of(300 * 257), writes, "after a nearly full 64 KiB batch: 256 KiB");
    }

    @Test
    void aBatchDoesNotGrowPastHalfTheChannelsSendBuffer() throws Exception {
        // a Unix socket's default send buffer: 104 KiB; half of it is less than 64 KiB
        FrameWriter writer = new FrameWriter(FrameWriter.batchSizeFor(106_496));
        RecordingChannel channel = new RecordingChannel();
        writeFrames(writer, channel, 300, 255);
        assertEquals(List.of(255 * 257, 45 * 257), writeFrames(writer, channel, 300, 255), "still 64 KiB");

        FrameWriter large = new FrameWriter(FrameWriter.batchSizeFor(2 * 1024 * 1024)); // tcp loopback
        writeFrames(large, channel, 300, 255);
        assertEquals(List.of(300 * 257), writeFrames(large, channel, 300, 255), "256 KiB at most, here enough");
    }

    /** Encodes {@code count} frames of {@code size} bytes, flushing when told to; the sizes of the writes. */
    private static List<Integer> writeFrames(FrameWriter writer, RecordingChannel channel, int count, int size)
            throws Exception {
        int before = channel.writes.size();
        for (int i = 0; i < count; i++) {
            writer.startFrame(new byte[size]);
            while (writer.fill()) {
                assertTrue(writer.flush(channel));
            }
        }
        assertTrue(writer.flush(channel));
        List<Integer> sizes = new ArrayList<>();
        for (byte[] write : channel.writes.subList(before, channel.writes.size())) {
            sizes.add(write.length);
        }
        return sizes;
    }
}
