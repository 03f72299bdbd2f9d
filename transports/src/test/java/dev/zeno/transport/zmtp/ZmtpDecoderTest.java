package dev.zeno.transport.zmtp;

import static dev.zeno.transport.zmtp.ZmtpVectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.zeno.transport.Msg;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ZmtpDecoderTest {
    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Feeds {@code bytes} into a decoder and expects a protocol error whose message contains {@code words}. */
    private static ZmtpProtocolException rejects(ZmtpDecoder decoder, byte[] bytes, String words) {
        ZmtpProtocolException e = assertThrows(ZmtpProtocolException.class,
                () -> decoder.decodeAll(ByteBuffer.wrap(bytes), new Decoded()));
        assertTrue(e.getMessage().contains(words), e.getMessage());
        return e;
    }

    @Test
    void deliversWholeMessagesOnlyWhenTheLastFrameIsComplete() throws Exception {
        ZmtpDecoder decoder = new ZmtpDecoder();
        ByteBuffer in = ByteBuffer.allocate(64);
        in.put(hex("01 01 61 01 00")).flip();   // "a" MORE, "" MORE
        assertEquals(ZmtpDecoder.Result.NEED_MORE, decoder.decode(in));
        assertTrue(decoder.inProgress());
        in.clear();
        in.put(hex("00 02 62")).flip();          // last frame, one of two body bytes
        assertEquals(ZmtpDecoder.Result.NEED_MORE, decoder.decode(in));
        in.clear();
        in.put(hex("63")).flip();
        assertEquals(ZmtpDecoder.Result.MESSAGE, decoder.decode(in));
        Msg msg = decoder.takeMessage();
        assertEquals(3, msg.frameCount());
        assertArrayEquals(ascii("a"), msg.frame(0));
        assertArrayEquals(new byte[0], msg.frame(1));
        assertArrayEquals(ascii("bc"), msg.frame(2));
        assertFalse(decoder.inProgress());
    }

    @Test
    void aSingleFrameComesBareAndAMultipartOneAsAMsg() throws Exception {
        ZmtpDecoder decoder = new ZmtpDecoder();
        ByteBuffer in = ByteBuffer.wrap(hex("00 02 68 69 01 01 61 00 01 62"));
        assertEquals(ZmtpDecoder.Result.MESSAGE, decoder.decode(in));
        Object single = decoder.takeElement();
        assertTrue(single instanceof byte[], "no Msg allocated for one frame");
        assertArrayEquals(ascii("hi"), (byte[]) single);
        assertEquals(ZmtpDecoder.Result.MESSAGE, decoder.decode(in));
        Object multipart = decoder.takeElement();
        assertTrue(multipart instanceof Msg);
        assertEquals(2, ((Msg) multipart).frameCount());
    }

    @Test
    void stopsAfterEachItemSoTheEngineCanPause() throws Exception {
        ZmtpDecoder decoder = new ZmtpDecoder();
        ByteBuffer in = ByteBuffer.wrap(hex("00 01 41 04 05 04 50 4f 4e 47 00 02 42 43"));
        assertEquals(ZmtpDecoder.Result.MESSAGE, decoder.decode(in));
        assertEquals(11, in.remaining(), "the rest stays in the buffer");
        assertThrows(IllegalStateException.class, () -> decoder.decode(in), "take the message first");
        assertArrayEquals(ascii("A"), decoder.takeMessage().frame(0));
        assertEquals(ZmtpDecoder.Result.COMMAND, decoder.decode(in));
        assertEquals(ZmtpCommand.Kind.PONG, decoder.takeCommand().kind());
        assertEquals(ZmtpDecoder.Result.MESSAGE, decoder.decode(in));
        assertArrayEquals(ascii("BC"), decoder.takeMessage().frame(0));
        assertEquals(ZmtpDecoder.Result.NEED_MORE, decoder.decode(in));
        assertThrows(IllegalStateException.class, decoder::takeMessage);
    }

    @Test
    void acceptsTheLongFormForSmallFrames() throws Exception {
        Decoded decoded = Decoded.all(hex("02 00 00 00 00 00 00 00 02 68 69"), -1);
        assertArrayEquals(ascii("hi"), decoded.message(0).frame(0));
    }

    @Test
    void unknownCommandsDoNotDisturbTheStream() throws Exception {
        Decoded decoded = Decoded.chunked(hex("04 05 03 46 4f 4f 01 00 01 5a"), 1, -1);
        assertEquals(ZmtpCommand.Kind.UNKNOWN, decoded.command(0).kind());
        assertEquals("FOO", decoded.command(0).name());
        assertArrayEquals(ascii("Z"), decoded.message(1).frame(0));
    }

    @Test
    void hugeLongSizeIsRejectedFromTheHeader() {
        // 2^63 + 5 does not fit a signed long; the header alone must be enough to refuse it
        ZmtpDecoder decoder = new ZmtpDecoder();
        ZmtpProtocolException e = rejects(decoder, hex("02 80 00 00 00 00 00 00 05"), "9223372036854775813");
        assertTrue(e.getMessage().contains("2^63-1"), e.getMessage());
        // and the decoder stays failed
        assertThrows(ZmtpProtocolException.class, () -> decoder.decode(ByteBuffer.wrap(hex("00 00"))));
    }

    @Test
    void frameBeyondJavaArraysIsRejectedFromTheHeader() {
        rejects(new ZmtpDecoder(), hex("02 00 00 00 01 00 00 00 00"), "larger than");
    }

    @Test
    void sizeOverTheMaximumIsRejectedFromTheHeader() {
        rejects(new ZmtpDecoder(100), hex("00 65"), "maximum message size of 100");
        rejects(new ZmtpDecoder(1 << 20), hex("02 00 00 00 00 01 00 00 00"), "16777216 bytes");
        // commands may have the larger of the limit and 64 KiB, so the handshake survives small limits
        rejects(new ZmtpDecoder(10), hex("06 00 00 00 00 00 01 00 01"), "command of 65537 bytes");
        rejects(new ZmtpDecoder(100_000), hex("06 00 00 00 00 00 01 86 a1"), "command of 100001 bytes");
    }

    @Test
    void smallCommandsPassASmallMessageLimit() throws Exception {
        byte[] ready = ZmtpCommand.ready(new ZmtpMetadata().add("Socket-Type", "DEALER").add("X-Big", new byte[1000])).encode();
        ByteBuffer wire = ByteBuffer.allocate(2000);
        ZmtpEncoder encoder = new ZmtpEncoder();
        encoder.start(ZmtpCommand.decode(ready));
        encoder.encode(wire);
        Decoded decoded = Decoded.all(java.util.Arrays.copyOf(wire.array(), wire.position()), 10);
        assertEquals(1000, decoded.command(0).metadata().get("x-big").length);
    }

    @Test
    void theMaximumAppliesToTheWholeMultipartMessage() throws Exception {
        // 6 + 4 bytes fit a limit of 10, exactly
        assertEquals(2, Decoded.all(hex("01 06 61 61 61 61 61 61 00 04 62 62 62 62"), 10).message(0).frameCount());
        // 6 + 5 do not: refused at the second header, before its body
        rejects(new ZmtpDecoder(10), hex("01 06 61 61 61 61 61 61 00 05"), "at least 11 bytes");
        // the count starts over with each message
        assertEquals(2, Decoded.all(hex("00 06 61 61 61 61 61 61 00 06 61 61 61 61 61 61"), 10).items.size());
    }

    @Test
    void theMaximumHoldsWhenEveryFrameLiesWholeInTheBuffer() {
        // the whole-frame fast path must count the message too: 6 + 5 with both bodies present
        rejects(new ZmtpDecoder(10), hex("01 06 61 61 61 61 61 61 00 05 62 62 62 62 62"), "at least 11 bytes");
        rejects(new ZmtpDecoder(5), hex("00 06 61 61 61 61 61 61"), "6 bytes exceeds");
    }

    /**
     * Random messages (0 to 300 bytes a frame, short and long size forms, multipart) and PINGs,
     * fed whole and then in random pieces: whole short frames take the fast path and everything
     * else the stepwise one, which must hand over to each other anywhere in a stream.
     */
    @Test
    void randomStreamsDecodeTheSameWholeOrInRandomPieces() throws Exception {
        Random random = new Random(11);
        for (int round = 0; round < 20; round++) {
            List<Object> sent = new ArrayList<>();
            ByteBuffer wire = ByteBuffer.allocate(1 << 20);
            ZmtpEncoder encoder = new ZmtpEncoder();
            for (int i = 0; i < 200; i++) {
                if (random.nextInt(10) == 0) {
                    ZmtpCommand ping = ZmtpCommand.ping(10, new byte[] {(byte) i});
                    encoder.start(ping);
                    sent.add(ping);
                } else {
                    Msg msg = new Msg();
                    for (int frames = 1 + random.nextInt(3); frames > 0; frames--) {
                        byte[] frame = new byte[random.nextInt(4) == 0 ? 256 + random.nextInt(45) : random.nextInt(40)];
                        random.nextBytes(frame);
                        msg.add(frame);
                    }
                    encoder.start(msg);
                    sent.add(msg);
                }
                assertTrue(encoder.encode(wire));
            }
            byte[] bytes = java.util.Arrays.copyOf(wire.array(), wire.position());
            assertSameItems(sent, Decoded.all(bytes, ZmtpDecoder.UNLIMITED).items);
            Decoded pieces = new Decoded();
            ZmtpDecoder decoder = new ZmtpDecoder();
            for (int pos = 0; pos < bytes.length; ) {
                int length = Math.min(1 + random.nextInt(300), bytes.length - pos);
                ByteBuffer in = ByteBuffer.wrap(bytes, pos, length).slice();
                decoder.decodeAll(in, pieces);
                assertFalse(in.hasRemaining());
                pos += length;
            }
            assertSameItems(sent, pieces.items);
        }
    }

    private static void assertSameItems(List<Object> sent, List<Object> decoded) {
        assertEquals(sent.size(), decoded.size());
        for (int i = 0; i < sent.size(); i++) {
            if (sent.get(i) instanceof Msg msg) {
                Msg got = (Msg) decoded.get(i);
                assertEquals(msg.frameCount(), got.frameCount(), "item " + i);
                for (int f = 0; f < msg.frameCount(); f++) {
                    assertArrayEquals(msg.frame(f), got.frame(f), "item " + i + " frame " + f);
                }
            } else {
                ZmtpCommand got = (ZmtpCommand) decoded.get(i);
                assertEquals(ZmtpCommand.Kind.PING, got.kind());
                assertArrayEquals(((ZmtpCommand) sent.get(i)).pingContext(), got.pingContext());
            }
        }
    }

    @Test
    void oversizeHeaderCostsNoAllocation() throws Exception {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        long thread = Thread.currentThread().getId();

        // with no limit, a peer announcing 1 GiB and sending 10 bytes must not cost 1 GiB
        ZmtpDecoder unlimited = new ZmtpDecoder();
        ByteBuffer in = ByteBuffer.wrap(hex("02 00 00 00 00 40 00 00 00 01 02 03 04 05 06 07 08 09 0a"));
        long before = threads.getThreadAllocatedBytes(thread);
        assertEquals(ZmtpDecoder.Result.NEED_MORE, unlimited.decode(in));
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertTrue(allocated < 1024 * 1024, "allocated " + allocated + " bytes for 10 bytes of a lying frame");

        // over the limit: refused with (next to) no allocation
        ZmtpDecoder limited = new ZmtpDecoder(1000);
        ByteBuffer header = ByteBuffer.wrap(hex("02 00 00 00 00 40 00 00 00"));
        before = threads.getThreadAllocatedBytes(thread);
        assertThrows(ZmtpProtocolException.class, () -> limited.decode(header));
        allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertTrue(allocated < 64 * 1024, "allocated " + allocated + " bytes to refuse a frame");
    }

    @Test
    void reservedFlagBitsAreRejected() {
        for (String flags : new String[] {"08", "10", "20", "40", "80", "ff"}) {
            rejects(new ZmtpDecoder(), hex(flags + " 00"), "reserved bits");
        }
    }

    @Test
    void commandWithMoreIsRejected() {
        rejects(new ZmtpDecoder(), hex("05 06 04 50 4f 4e 47 00"), "MORE");
        rejects(new ZmtpDecoder(), hex("07 00"), "MORE");
    }

    @Test
    void commandInTheMiddleOfAMultipartMessageIsRejected() {
        rejects(new ZmtpDecoder(), hex("01 01 61 04 05 04 50 4f 4e 47"), "middle of a multipart");
        rejects(new ZmtpDecoder(), hex("01 00 04 05 04 50 4f 4e 47"), "middle of a multipart");
    }

    @Test
    void truncatedAndMalformedCommandsAreRejected() {
        // READY whose Socket-Type value claims 6 bytes and carries 3
        rejects(new ZmtpDecoder(), hex("04 19 05 52 45 41 44 59 0b 53 6f 63 6b 65 74 2d 54 79 70 65 00 00 00 06 52 45 51"),
                "malformed READY");
        // a name length running past the frame
        rejects(new ZmtpDecoder(), hex("04 03 09 50 49"), "overruns");
        // an empty command
        rejects(new ZmtpDecoder(), hex("04 00"), "no name");
    }

    @Test
    void readsLargeFrameBodiesStraightIntoTheFrame() throws Exception {
        byte[] payload = new byte[1 << 20];
        new Random(7).nextBytes(payload);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(hex("02 00 00 00 00 00 10 00 00"));   // 1 MiB, last frame
        wire.writeBytes(payload);
        wire.writeBytes(hex("00 01 21"));
        byte[] bytes = wire.toByteArray();

        ZmtpDecoder decoder = new ZmtpDecoder();
        ByteBuffer first = ByteBuffer.wrap(bytes, 0, 9 + 100);
        assertEquals(ZmtpDecoder.Result.NEED_MORE, decoder.decode(first));
        assertNull(decoder.bodyReadTarget(2 << 20), "less than asked for remains");
        int pos = 9 + 100;
        int reads = 0;
        ByteBuffer target;
        // a channel that gives at most 100,000 bytes per read, straight into the frame's array
        while ((target = decoder.bodyReadTarget(1)) != null) {
            int n = Math.min(target.remaining(), 100_000);
            target.put(bytes, pos, n);
            pos += n;
            decoder.bodyRead(n);
            reads++;
        }
        assertTrue(reads > 10);
        assertEquals(9 + payload.length, pos);
        ByteBuffer rest = ByteBuffer.wrap(bytes, pos, bytes.length - pos);
        assertEquals(ZmtpDecoder.Result.MESSAGE, decoder.decode(rest));
        assertArrayEquals(payload, decoder.takeMessage().frame(0));
        assertEquals(ZmtpDecoder.Result.MESSAGE, decoder.decode(rest));
        assertArrayEquals(ascii("!"), decoder.takeMessage().frame(0));
        assertNull(decoder.bodyReadTarget(1), "not inside a body");
        assertThrows(IllegalStateException.class, () -> decoder.bodyRead(1));
    }

    @Test
    void aMebibyteMessageArrivesInManySmallBuffers() throws Exception {
        byte[] big = new byte[1 << 20];
        new Random(1).nextBytes(big);
        ByteBuffer wire = ByteBuffer.allocate(big.length + 64);
        ZmtpEncoder encoder = new ZmtpEncoder();
        encoder.start(Msg.of(ascii("topic"), big));
        assertTrue(encoder.encode(wire));
        byte[] bytes = java.util.Arrays.copyOf(wire.array(), wire.position());

        Decoded decoded = Decoded.chunked(bytes, 1000, 2 << 20);
        assertEquals(1, decoded.items.size());
        Msg msg = decoded.message(0);
        assertEquals(2, msg.frameCount());
        assertArrayEquals(ascii("topic"), msg.frame(0));
        assertArrayEquals(big, msg.frame(1));
        assertEquals(big.length, msg.frame(1).length, "the frame array is exactly the body, not a grown buffer");
    }

    @Test
    void decodeAllHandsEveryItemToTheHandler() throws Exception {
        Decoded decoded = new Decoded();
        new ZmtpDecoder().decodeAll(ByteBuffer.wrap(hex("04 07 04 50 49 4e 47 00 00 00 01 78 00 01 79")), decoded);
        assertEquals(3, decoded.items.size());
        assertNotNull(decoded.command(0));
        assertArrayEquals(ascii("x"), decoded.message(1).frame(0));
        assertArrayEquals(ascii("y"), decoded.message(2).frame(0));
    }
}
