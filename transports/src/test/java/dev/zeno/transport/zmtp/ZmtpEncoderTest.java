package dev.zeno.transport.zmtp;

import static dev.zeno.transport.zmtp.ZmtpVectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.transport.Msg;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ZmtpEncoderTest {
    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(ByteBuffer out) {
        return Arrays.copyOf(out.array(), out.position());
    }

    /** Encodes one message with the copying API into one big buffer. */
    private static byte[] encodeWhole(Msg msg) {
        ByteBuffer out = ByteBuffer.allocate((int) ZmtpEncoder.encodedLength(msg));
        ZmtpEncoder encoder = new ZmtpEncoder();
        encoder.start(msg);
        assertTrue(encoder.encode(out));
        assertFalse(out.hasRemaining(), "encodedLength is exact");
        return out.array();
    }

    /** Drives fill() as an engine would, with an out buffer of {@code size}; returns the byte stream. */
    private static byte[] drive(ZmtpEncoder encoder, List<Msg> messages, int size, List<ByteBuffer> handedOver) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        ByteBuffer out = ByteBuffer.allocate(size);
        int next = 0;
        for (;;) {
            if (!encoder.isBusy()) {
                if (next == messages.size()) {
                    break;
                }
                encoder.start(messages.get(next++));
            }
            ByteBuffer direct = encoder.fill(out);
            if (direct != null) {
                wire.writeBytes(bytes(out));
                out.clear();
                handedOver.add(direct.duplicate());
                byte[] chunk = new byte[direct.remaining()];
                direct.get(chunk);
                wire.writeBytes(chunk);
            } else if (encoder.isBusy()) {
                assertFalse(out.hasRemaining(), "fill returns null mid-item only when out is full");
                wire.writeBytes(bytes(out));
                out.clear();
            }
        }
        wire.writeBytes(bytes(out));
        return wire.toByteArray();
    }

    @Test
    void shortFormUpTo255BytesLongFormAbove() {
        byte[] short255 = encodeWhole(new Msg(new byte[255]));
        assertEquals(257, short255.length);
        assertArrayEquals(hex("00 ff"), Arrays.copyOf(short255, 2));

        byte[] long256 = encodeWhole(new Msg(new byte[256]));
        assertEquals(9 + 256, long256.length);
        assertArrayEquals(hex("02 00 00 00 00 00 00 01 00"), Arrays.copyOf(long256, 9));

        assertArrayEquals(hex("00 00"), encodeWhole(new Msg(new byte[0])));
    }

    @Test
    void aBareFrameEncodesLikeItsSingleFrameMessage() {
        for (int size : new int[] {0, 16, 255, 256, 20_000}) {
            byte[] frame = new byte[size];
            new Random(size).nextBytes(frame);
            ZmtpEncoder encoder = new ZmtpEncoder();
            ByteBuffer out = ByteBuffer.allocate(size + 9);
            encoder.startFrame(frame);
            assertTrue(encoder.encode(out));
            assertArrayEquals(encodeWhole(new Msg(frame)), bytes(out), size + "-byte frame");
        }
    }

    @Test
    void encodeWholeCopiesASmallFrameThatFitsAndLeavesTheRestToStart() {
        ZmtpEncoder encoder = new ZmtpEncoder();
        ByteBuffer out = ByteBuffer.allocate(300);
        assertTrue(encoder.encodeWhole(ascii("hi"), out));
        assertArrayEquals(encodeWhole(new Msg(ascii("hi"))), Arrays.copyOf(out.array(), out.position()));
        assertFalse(encoder.encodeWhole(new byte[256], out), "long size form: start it instead");
        out.position(300 - 4);
        assertFalse(encoder.encodeWhole(ascii("abc"), out), "does not fit whole");
        assertEquals(300 - 4, out.position(), "nothing written");
        encoder.startFrame(ascii("abc"));
        assertFalse(encoder.encode(out));
        assertFalse(encoder.encodeWhole(ascii("x"), ByteBuffer.allocate(10)), "an item is in progress");
    }

    @Test
    void moreFlagOnAllButTheLastFrame() {
        byte[] wire = encodeWhole(Msg.of(ascii("a"), new byte[0], new byte[300], ascii("z")));
        assertArrayEquals(hex("01 01 61 01 00 03 00 00 00 00 00 00 01 2c"), Arrays.copyOf(wire, 14));
        assertArrayEquals(hex("00 01 7a"), Arrays.copyOfRange(wire, 14 + 300, wire.length));
    }

    @Test
    void commandsAreSingleFramesWithTheCommandFlag() {
        ZmtpEncoder encoder = new ZmtpEncoder();
        ByteBuffer out = ByteBuffer.allocate(400);
        encoder.start(ZmtpCommand.ping(10, ascii("ctx")));
        assertTrue(encoder.encode(out));
        assertArrayEquals(hex("04 0a 04 50 49 4e 47 00 0a 63 74 78"), bytes(out));

        out.clear();
        encoder.start(ZmtpCommand.subscribe(new byte[300]));
        assertTrue(encoder.encode(out));
        assertArrayEquals(hex("06 00 00 00 00 00 00 01 36 09"), Arrays.copyOf(out.array(), 10));
        assertEquals(ZmtpEncoder.encodedLength(ZmtpCommand.subscribe(new byte[300])), out.position());
    }

    @Test
    void threeMessagesBatchIntoOneBuffer() throws Exception {
        ZmtpEncoder encoder = new ZmtpEncoder();
        ByteBuffer out = ByteBuffer.allocate(8192);
        Msg[] messages = {Msg.ofString("one"), Msg.of(new byte[0], ascii("two")), new Msg(new byte[1000])};
        for (Msg msg : messages) {
            encoder.start(msg);
            assertTrue(encoder.encode(out), "each fits in what is left");
        }
        byte[] wire = bytes(out);
        assertArrayEquals(hex("00 03 6f 6e 65 01 00 00 03 74 77 6f 02 00 00 00 00 00 00 03 e8"), Arrays.copyOf(wire, 21));
        assertEquals(21 + 1000, wire.length);

        Decoded decoded = Decoded.all(wire, -1);
        assertEquals(3, decoded.items.size());
        assertArrayEquals(ascii("one"), decoded.message(0).frame(0));
        assertArrayEquals(ascii("two"), decoded.message(1).frame(1));
        assertArrayEquals(new byte[1000], decoded.message(2).frame(0));
    }

    @Test
    void aMebibyteMessageContinuesAcrossManySmallBuffers() throws Exception {
        byte[] big = new byte[1 << 20];
        new Random(3).nextBytes(big);
        Msg msg = Msg.of(ascii("head"), big, ascii("tail"));
        ZmtpEncoder encoder = new ZmtpEncoder();
        encoder.start(msg);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        ByteBuffer out = ByteBuffer.allocate(1000);
        int buffers = 1;
        while (!encoder.encode(out)) {
            assertFalse(out.hasRemaining());
            wire.writeBytes(bytes(out));
            out.clear();
            buffers++;
        }
        wire.writeBytes(bytes(out));
        assertTrue(buffers > 1000);
        assertArrayEquals(encodeWhole(msg), wire.toByteArray());

        Msg decoded = Decoded.all(wire.toByteArray(), -1).message(0);
        assertArrayEquals(big, decoded.frame(1));
        assertArrayEquals(ascii("tail"), decoded.frame(2));
    }

    @Test
    void headersSplitAcrossOneByteBuffers() {
        Msg msg = Msg.of(new byte[300], ascii("x"));
        ZmtpEncoder encoder = new ZmtpEncoder();
        encoder.start(msg);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        ByteBuffer out = ByteBuffer.allocate(1);
        boolean done;
        do {
            done = encoder.encode(out);
            wire.writeBytes(bytes(out));
            out.clear();
        } while (!done);
        assertArrayEquals(encodeWhole(msg), wire.toByteArray());
    }

    @Test
    void fillHandsOverLargeFramesInBoundedChunksAndCopiesSmallOnes() throws Exception {
        byte[] big = new byte[100_000];
        new Random(5).nextBytes(big);
        List<Msg> messages = List.of(Msg.ofString("small-1"), Msg.of(ascii("k"), big), Msg.ofString("small-2"));
        List<ByteBuffer> handedOver = new ArrayList<>();
        byte[] wire = drive(new ZmtpEncoder(8192, 30_000), messages, 8192, handedOver);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        messages.forEach(m -> expected.writeBytes(encodeWhole(m)));
        assertArrayEquals(expected.toByteArray(), wire, "same bytes as copying everything");

        assertEquals(4, handedOver.size(), "100,000 bytes in chunks of at most 30,000");
        int total = 0;
        for (ByteBuffer chunk : handedOver) {
            assertTrue(chunk.isReadOnly(), "the frame must not be writable through the chunk");
            assertTrue(chunk.remaining() <= 30_000);
            total += chunk.remaining();
        }
        assertEquals(big.length, total, "only the large body is handed over");

        Decoded decoded = Decoded.chunked(wire, 4096, -1);
        assertArrayEquals(big, decoded.message(1).frame(1));
    }

    @Test
    void fillWithTinyBuffersStillProducesTheSameBytes() {
        byte[] big = new byte[20_000];
        new Random(9).nextBytes(big);
        List<Msg> messages = List.of(Msg.of(new byte[500], big), Msg.ofString("end"));
        List<ByteBuffer> handedOver = new ArrayList<>();
        byte[] wire = drive(new ZmtpEncoder(), messages, 5, handedOver);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        messages.forEach(m -> expected.writeBytes(encodeWhole(m)));
        assertArrayEquals(expected.toByteArray(), wire);
        assertEquals(1, handedOver.size());
    }

    @Test
    void randomMessagesRoundTripThroughRandomBuffers() throws Exception {
        Random random = new Random(11);
        List<Msg> messages = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Msg msg = new Msg();
            int frames = 1 + random.nextInt(4);
            for (int f = 0; f < frames; f++) {
                int size = random.nextInt(10) == 0 ? random.nextInt(40_000) : random.nextInt(300);
                byte[] frame = new byte[size];
                random.nextBytes(frame);
                msg.add(frame);
            }
            messages.add(msg);
        }
        byte[] wire = drive(new ZmtpEncoder(1000, 7000), messages, 1 + random.nextInt(3000), new ArrayList<>());
        Decoded decoded = Decoded.chunked(wire, 1 + random.nextInt(5000), -1);
        assertEquals(messages.size(), decoded.items.size());
        for (int i = 0; i < messages.size(); i++) {
            Msg sent = messages.get(i);
            Msg got = decoded.message(i);
            assertEquals(sent.frameCount(), got.frameCount());
            for (int f = 0; f < sent.frameCount(); f++) {
                assertArrayEquals(sent.frame(f), got.frame(f), "message " + i + " frame " + f);
            }
        }
    }

    @Test
    void oneItemAtATime() {
        ZmtpEncoder encoder = new ZmtpEncoder();
        encoder.start(new Msg(new byte[100]));
        assertThrows(IllegalStateException.class, () -> encoder.start(Msg.ofString("next")));
        ByteBuffer out = ByteBuffer.allocate(200);
        assertNull(encoder.fill(out));
        assertFalse(encoder.isBusy());
        assertThrows(IllegalArgumentException.class, () -> encoder.start(new Msg()));
    }
}
