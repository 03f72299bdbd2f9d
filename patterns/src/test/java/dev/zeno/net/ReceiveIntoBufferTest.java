package dev.zeno.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.Context;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code Socket.receive(byte[])}: zmq_recv's contract (size, truncation, -1 on timeout,
 * multipart), and the frame recycling behind it over tcp and ipc: a frame's array is decoded
 * into again only after it was copied out, never while the user holds it.
 */
class ReceiveIntoBufferTest {
    @ParameterizedTest
    @ValueSource(strings = {"inproc", "tcp", "ipc"})
    void copiesTruncatesAndReportsTheFrameSize(String transport) {
        try (PushPull p = PushPull.over(transport).connect()) {
            p.push.send("hello world");
            byte[] small = new byte[5];
            assertEquals(11, p.pull.receive(small), "the whole frame's size, as zmq_recv returns");
            assertEquals("hello", new String(small, StandardCharsets.US_ASCII));

            p.push.send("hi");
            byte[] big = new byte[64];
            Arrays.fill(big, (byte) '#');
            assertEquals(2, p.pull.receive(big));
            assertEquals("hi##", new String(big, 0, 4, StandardCharsets.US_ASCII));

            p.push.send(new byte[0]);
            assertEquals(0, p.pull.receive(big));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"inproc", "tcp", "ipc"})
    void receivesAMultipartMessageFrameByFrame(String transport) {
        try (PushPull p = PushPull.over(transport).connect()) {
            p.push.sendMore("first");
            p.push.sendMore("");
            p.push.send("third frame");
            byte[] buffer = new byte[32];
            assertEquals(5, p.pull.receive(buffer));
            assertTrue(p.pull.hasReceiveMore());
            assertEquals(0, p.pull.receive(buffer));
            assertEquals(11, p.pull.receive(buffer));
            assertEquals("third frame", new String(buffer, 0, 11, StandardCharsets.US_ASCII));
            assertFalse(p.pull.hasReceiveMore());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"inproc", "tcp"})
    void returnsMinusOneWhenTheTimeoutRunsOut(String transport) {
        try (PushPull p = PushPull.over(transport).connect()) {
            p.pull.setReceiveTimeout(Duration.ofMillis(50));
            assertEquals(-1, p.pull.receive(new byte[8]));
        }
    }

    /**
     * A stream of same-size messages, each different, some received as arrays (which the user
     * keeps) and the rest into a buffer (whose arrays are recycled): every message arrives
     * intact, and no kept array is overwritten by a later message.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void recycledArraysNeverOverwriteAFrameTheUserHolds(String transport) throws Exception {
        int count = 200_000;
        try (PushPull p = PushPull.over(transport).connect()) {
            Thread sender = new Thread(() -> {
                for (int i = 0; i < count; i++) {
                    p.push.send(numbered(i));
                }
            });
            sender.start();
            List<byte[]> kept = new ArrayList<>();
            byte[] buffer = new byte[16];
            for (int i = 0; i < count; i++) {
                if (i % 1000 == 0) {
                    byte[] frame = p.pull.receiveBytes();
                    assertArrayEquals(numbered(i), frame, "message " + i);
                    kept.add(frame);
                } else {
                    assertEquals(16, p.pull.receive(buffer));
                    assertArrayEquals(numbered(i), buffer, "message " + i);
                }
            }
            sender.join();
            for (int k = 0; k < kept.size(); k++) {
                assertArrayEquals(numbered(k * 1000), kept.get(k), "kept message " + k * 1000);
            }
        }
    }

    /**
     * A subscriber drops the messages it did not subscribe to (their arrays are recycled) and
     * keeps the rest intact.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void aSubscriberRecyclesWhatItDropsButNotWhatItDelivers(String transport) throws Exception {
        String endpoint = Endpoints.fresh(transport);
        int count = 100_000;
        try (Context ctx = new Context()) {
            Socket pub = ctx.socket(SocketType.PUB);
            pub.setSendHighWaterMark(0);
            pub.bind(endpoint);
            Socket sub = ctx.socket(SocketType.SUB);
            sub.setReceiveHighWaterMark(0);
            sub.setReceiveTimeout(PushPull.WAIT);
            sub.subscribe("A");
            sub.connect(endpoint);
            byte[] probe = "A-probe".getBytes(StandardCharsets.US_ASCII);
            do {
                pub.send(probe); // until the subscription has reached the publisher
            } while (!receiveNow(sub));
            while (receiveNow(sub)) {
                // drain further probes
            }
            for (int i = 0; i < count; i++) {
                byte[] message = numbered(i);
                message[0] = (byte) (i % 2 == 0 ? 'A' : 'B');
                pub.send(message);
            }
            List<byte[]> kept = new ArrayList<>();
            for (int i = 0; i < count; i += 2) {
                byte[] frame = sub.receiveBytes();
                byte[] expected = numbered(i);
                expected[0] = 'A';
                assertArrayEquals(expected, frame, "message " + i);
                kept.add(frame);
            }
            for (int k = 0; k < kept.size(); k++) {
                assertEquals('A', kept.get(k)[0]);
                assertEquals(2 * k, ByteBuffer.wrap(kept.get(k)).getInt(4), "kept message " + 2 * k);
            }
        }
    }

    private static boolean receiveNow(Socket socket) {
        Duration timeout = socket.getReceiveTimeout();
        socket.setReceiveTimeout(Duration.ofMillis(100));
        try {
            return socket.receive(new byte[16]) >= 0;
        } finally {
            socket.setReceiveTimeout(timeout);
        }
    }

    /** 16 bytes that differ from message to message. */
    private static byte[] numbered(int i) {
        return ByteBuffer.allocate(16).putInt(0, ~i).putInt(4, i).putLong(8, i * 0x9E3779B97F4A7C15L).array();
    }
}
