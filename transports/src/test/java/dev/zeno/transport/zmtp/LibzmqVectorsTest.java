package dev.zeno.transport.zmtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.transport.Msg;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decodes (and re-encodes) the bytes libzmq 4.3.4 really wrote (src/test/resources/zmtp-vectors). */
class LibzmqVectorsTest {
    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Encodes items (Msg or ZmtpCommand) with a fresh encoder into one byte array. */
    private static byte[] encode(Object... items) {
        ZmtpEncoder encoder = new ZmtpEncoder();
        ByteBuffer out = ByteBuffer.allocate(64 * 1024);
        for (Object item : items) {
            if (item instanceof Msg) {
                encoder.start((Msg) item);
            } else {
                encoder.start((ZmtpCommand) item);
            }
            assertTrue(encoder.encode(out));
        }
        out.flip();
        byte[] bytes = new byte[out.remaining()];
        out.get(bytes);
        return bytes;
    }

    @ParameterizedTest
    @ValueSource(strings = {"req-hello-v31.hex", "sub-subscribe-cancel-v31.hex", "sub-subscribe-cancel-v30.hex",
        "dealer-identity-multipart-v31.hex", "push-v31.hex"})
    void libzmqGreetingIsAcceptedAsZmtp31Null(String vector) throws Exception {
        byte[] capture = ZmtpVectors.load(vector);
        Greeting.checkPrefix(capture, Greeting.VERSION_END);
        Greeting greeting = Greeting.parse(ZmtpVectors.greeting(capture));
        assertEquals(3, greeting.major());
        assertEquals(1, greeting.minor());
        assertEquals("NULL", greeting.mechanism());
        assertFalse(greeting.asServer());
        assertTrue(greeting.isAtLeast31());
        // our greeting differs from libzmq's only in padding byte 8 (libzmq's ZMTP 1.0 hint)
        byte[] ours = Greeting.encode();
        byte[] theirs = ZmtpVectors.greeting(capture);
        theirs[8] = 0;
        assertArrayEquals(ours, theirs);
    }

    @ParameterizedTest
    @ValueSource(strings = {"req-hello-v31.hex", "sub-subscribe-cancel-v31.hex", "sub-subscribe-cancel-v30.hex",
        "dealer-identity-multipart-v31.hex", "push-v31.hex"})
    void byteAtATimeDecodesTheSameAsAllAtOnce(String vector) throws Exception {
        byte[] traffic = ZmtpVectors.afterGreeting(ZmtpVectors.load(vector));
        Decoded whole = Decoded.all(traffic, -1);
        Decoded single = Decoded.chunked(traffic, 1, -1);
        assertEquals(whole.items.size(), single.items.size());
        assertTrue(whole.items.size() >= 2, "READY and at least one item");
        // re-encoding what was decoded yields libzmq's bytes exactly (READY order matches libzmq's too)
        assertArrayEquals(traffic, encode(single.items.toArray()));
        assertArrayEquals(traffic, encode(whole.items.toArray()));
    }

    @Test
    void reqReadyAndHelloWithEmptyDelimiter() throws Exception {
        byte[] traffic = ZmtpVectors.afterGreeting(ZmtpVectors.load("req-hello-v31.hex"));
        Decoded decoded = Decoded.all(traffic, -1);
        assertEquals(2, decoded.items.size());

        ZmtpCommand ready = decoded.command(0);
        assertEquals(ZmtpCommand.Kind.READY, ready.kind());
        assertEquals("REQ", ready.metadata().getString("Socket-Type"));
        assertArrayEquals(new byte[0], ready.metadata().get("identity"));
        assertEquals("REQ", SocketTypeRules.checkPeer("REP", ready));

        Msg hello = decoded.message(1);
        assertEquals(2, hello.frameCount());
        assertArrayEquals(new byte[0], hello.frame(0));
        assertArrayEquals(ascii("Hello"), hello.frame(1));

        // our READY for a REQ with no identity is byte-identical to libzmq's
        byte[] ourReady = encode(ZmtpCommand.ready("REQ", null));
        assertArrayEquals(Arrays.copyOfRange(traffic, 0, ourReady.length), ourReady);
        assertArrayEquals(Arrays.copyOfRange(traffic, ourReady.length, traffic.length),
                encode(Msg.of(new byte[0], ascii("Hello"))));
    }

    @Test
    void dealerIdentityAndLongFrameOf300Bytes() throws Exception {
        byte[] capture = ZmtpVectors.load("dealer-identity-multipart-v31.hex");
        assertEquals(7, capture[8], "libzmq's padding carries a ZMTP 1.0 length, which we must ignore");
        byte[] traffic = ZmtpVectors.afterGreeting(capture);
        Decoded decoded = Decoded.chunked(traffic, 7, -1);
        assertEquals(2, decoded.items.size());

        ZmtpMetadata metadata = decoded.command(0).metadata();
        assertEquals("DEALER", metadata.getString(ZmtpMetadata.SOCKET_TYPE));
        assertEquals("peer-A", metadata.getString(ZmtpMetadata.IDENTITY));
        assertEquals(2, metadata.size());

        Msg msg = decoded.message(1);
        assertEquals(2, msg.frameCount());
        assertArrayEquals(ascii("part-1"), msg.frame(0));
        byte[] xs = new byte[300];
        Arrays.fill(xs, (byte) 'x');
        assertArrayEquals(xs, msg.frame(1));

        byte[] ourReady = encode(ZmtpCommand.ready("DEALER", ascii("peer-A")));
        byte[] ourMessage = encode(Msg.of(ascii("part-1"), xs));
        // the long frame: flags 0x02 (LONG, last), 8-byte size 300
        assertEquals(0x02, ourMessage[8]);
        assertEquals(300, ByteBuffer.wrap(ourMessage, 9, 8).getLong());
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        ours.writeBytes(ourReady);
        ours.writeBytes(ourMessage);
        assertArrayEquals(traffic, ours.toByteArray());
    }

    @Test
    void pushEmptyMessage() throws Exception {
        byte[] traffic = ZmtpVectors.afterGreeting(ZmtpVectors.load("push-v31.hex"));
        Decoded decoded = Decoded.all(traffic, 0);   // an empty message fits a zero limit
        assertEquals("PUSH", decoded.command(0).metadata().getString(ZmtpMetadata.SOCKET_TYPE));
        assertEquals(null, decoded.command(0).metadata().get(ZmtpMetadata.IDENTITY), "PUSH sends no Identity");
        Msg empty = decoded.message(1);
        assertEquals(1, empty.frameCount());
        assertEquals(0, empty.frame(0).length);
        assertArrayEquals(Arrays.copyOfRange(traffic, traffic.length - 2, traffic.length), encode(new Msg(new byte[0])));
        byte[] ourReady = encode(ZmtpCommand.ready("PUSH", null));
        assertArrayEquals(Arrays.copyOfRange(traffic, 0, ourReady.length), ourReady);
    }

    @Test
    void subscribeAndCancelAsZmtp31Commands() throws Exception {
        byte[] traffic = ZmtpVectors.afterGreeting(ZmtpVectors.load("sub-subscribe-cancel-v31.hex"));
        Decoded decoded = Decoded.chunked(traffic, 3, -1);
        assertEquals(3, decoded.items.size());
        assertEquals("SUB", SocketTypeRules.checkPeer("PUB", decoded.command(0)));

        ZmtpCommand subscribe = decoded.command(1);
        assertEquals(ZmtpCommand.Kind.SUBSCRIBE, subscribe.kind());
        assertArrayEquals(ascii("10001"), subscribe.topic());
        ZmtpCommand cancel = decoded.command(2);
        assertEquals(ZmtpCommand.Kind.CANCEL, cancel.kind());
        assertArrayEquals(ascii("10001"), cancel.topic());

        Msg internalSubscribe = ZmtpSubscriptions.fromCommand(subscribe);
        Msg internalCancel = ZmtpSubscriptions.fromCommand(cancel);
        assertArrayEquals(ascii("\u000110001"), internalSubscribe.frame(0));
        assertArrayEquals(ascii("\u000010001"), internalCancel.frame(0));

        // and back: toward a 3.1 peer the internal form goes out as libzmq's commands
        ZmtpEncoder encoder = new ZmtpEncoder();
        ByteBuffer out = ByteBuffer.allocate(256);
        encoder.start(ZmtpCommand.ready("SUB", null));
        encoder.encode(out);
        ZmtpSubscriptions.start(encoder, ZmtpSubscriptions.subscribe(ascii("10001")), true);
        encoder.encode(out);
        ZmtpSubscriptions.start(encoder, ZmtpSubscriptions.cancel(ascii("10001")), true);
        encoder.encode(out);
        assertArrayEquals(traffic, Arrays.copyOf(out.array(), out.position()));
    }

    @Test
    void subscribeAndCancelAsZmtp30Messages() throws Exception {
        byte[] traffic = ZmtpVectors.afterGreeting(ZmtpVectors.load("sub-subscribe-cancel-v30.hex"));
        Decoded decoded = Decoded.chunked(traffic, 1, -1);
        assertEquals(3, decoded.items.size());
        assertEquals("SUB", decoded.command(0).metadata().getString(ZmtpMetadata.SOCKET_TYPE));

        Msg subscribe = ZmtpSubscriptions.fromMessage(decoded.message(1));
        Msg cancel = ZmtpSubscriptions.fromMessage(decoded.message(2));
        assertNotNull(subscribe);
        assertNotNull(cancel);
        assertTrue(ZmtpSubscriptions.isSubscribe(subscribe));
        assertFalse(ZmtpSubscriptions.isSubscribe(cancel));
        assertArrayEquals(ascii("10001"), ZmtpSubscriptions.topic(subscribe));
        assertArrayEquals(ascii("10001"), ZmtpSubscriptions.topic(cancel));

        // toward a 3.0 peer the internal form goes out as the prefixed message, as libzmq does
        ZmtpEncoder encoder = new ZmtpEncoder();
        ByteBuffer out = ByteBuffer.allocate(256);
        encoder.start(ZmtpCommand.ready("SUB", null));
        encoder.encode(out);
        ZmtpSubscriptions.start(encoder, ZmtpSubscriptions.subscribe(ascii("10001")), false);
        encoder.encode(out);
        ZmtpSubscriptions.start(encoder, ZmtpSubscriptions.cancel(ascii("10001")), false);
        encoder.encode(out);
        assertArrayEquals(traffic, Arrays.copyOf(out.array(), out.position()));
    }
}
