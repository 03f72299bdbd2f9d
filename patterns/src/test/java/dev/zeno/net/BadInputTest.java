package dev.zeno.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.Context;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input from the network closes that one connection: the socket keeps serving a good peer,
 * nothing is thrown at the application, and nothing the bad peer sent is delivered.
 */
class BadInputTest {
    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(10);

    private Context ctx;
    private Socket pull;
    private Socket goodPush;
    private String endpoint;
    private int round;

    @BeforeEach
    void setUp() {
        ctx = new Context();
        pull = ctx.socket(SocketType.PULL);
        pull.setReceiveTimeout(Duration.ofSeconds(10));
        pull.setMaxMessageSize(64 * 1024);
        pull.setHandshakeTimeout(Duration.ofMillis(500));
        endpoint = pull.bind("tcp://127.0.0.1:*");
        goodPush = ctx.socket(SocketType.PUSH);
        goodPush.connect(endpoint);
        assertGoodPeerStillServed();
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    /** The good peer's next message is the next thing the socket receives. */
    private void assertGoodPeerStillServed() {
        String text = "good-" + round++;
        assertTrue(goodPush.send(text));
        assertEquals(text, pull.receiveString());
    }

    private void assertRejected(RawPeer raw) {
        assertTrue(raw.closedWithin(CLOSE_WITHIN), "the bad connection should be closed");
        assertGoodPeerStillServed();
    }

    @Test
    void httpRequestInsteadOfGreeting() {
        try (RawPeer raw = new RawPeer(endpoint)) {
            raw.write("GET / HTTP/1.1\r\nHost: example\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertRejected(raw);
        }
    }

    @Test
    void wrongSignatureRejectedAfterTenBytes() {
        try (RawPeer raw = new RawPeer(endpoint)) {
            byte[] bad = new byte[10];
            bad[0] = (byte) 0xFF;
            bad[9] = 0x00; // ZMTP 1.0-style, not 0x7F
            raw.write(bad); // only 10 bytes: no more are needed to refuse it
            assertRejected(raw);
        }
    }

    @Test
    void zmtp20PeerRejected() {
        try (RawPeer raw = new RawPeer(endpoint)) {
            raw.write(Arrays.copyOf(RawPeer.greeting(1, 0, "NULL"), 12));
            assertRejected(raw);
        }
    }

    @Test
    void unknownMechanismRejected() {
        try (RawPeer raw = new RawPeer(endpoint)) {
            raw.write(RawPeer.greeting(3, 1, "CURVE"));
            assertRejected(raw);
        }
    }

    @Test
    void incompatibleSocketTypeGetsErrorThenClose() {
        try (RawPeer raw = new RawPeer(endpoint)) {
            raw.write(RawPeer.greeting(3, 1, "NULL"));
            raw.readGreeting();
            raw.write(RawPeer.ready("PUB")); // a PULL only talks to PUSH
            RawPeer.Frame ours = raw.readFrame();
            assertEquals("READY", ours.commandName());
            RawPeer.Frame error = raw.readFrame();
            assertTrue(error.isCommand(), "expected a command, got " + error);
            assertEquals("ERROR", error.commandName());
            assertRejected(raw);
        }
    }

    @Test
    void messageInsteadOfReadyRejected() {
        try (RawPeer raw = new RawPeer(endpoint)) {
            raw.write(RawPeer.greeting(3, 1, "NULL"));
            raw.readGreeting();
            raw.write(RawPeer.frame(0, "sneaky".getBytes(StandardCharsets.US_ASCII)));
            assertRejected(raw);
        }
    }

    @Test
    void stallingBeforeTheGreetingTimesOut() {
        try (RawPeer raw = new RawPeer(endpoint)) {
            // sends nothing at all
            assertRejected(raw);
        }
    }

    @Test
    void stallingInTheMiddleOfTheGreetingTimesOut() {
        try (RawPeer raw = new RawPeer(endpoint)) {
            raw.write(Arrays.copyOf(RawPeer.greeting(3, 1, "NULL"), 20));
            assertRejected(raw);
        }
    }

    @Test
    void hugeFrameLengthRejectedWithoutAllocating() {
        try (RawPeer raw = new RawPeer(endpoint).handshake("PUSH")) {
            byte[] header = {0x02, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                             (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
            raw.write(header);
            assertRejected(raw);
        }
    }

    @Test
    void frameOverTheMaximumMessageSizeRejected() {
        try (RawPeer raw = new RawPeer(endpoint).handshake("PUSH")) {
            raw.write(RawPeer.frame(0, new byte[100 * 1024]));
            assertRejected(raw);
        }
    }

    @Test
    void multipartOverTheMaximumMessageSizeRejected() {
        try (RawPeer raw = new RawPeer(endpoint).handshake("PUSH")) {
            for (int i = 0; i < 3; i++) {
                raw.write(RawPeer.frame(0x01, new byte[30 * 1024])); // MORE: 90 KiB in all
            }
            raw.write(RawPeer.frame(0, new byte[1]));
            assertRejected(raw);
        }
    }

    @Test
    void reservedFlagBitsRejected() {
        try (RawPeer raw = new RawPeer(endpoint).handshake("PUSH")) {
            raw.write(new byte[] {(byte) 0x80, 1, 'x'});
            assertRejected(raw);
        }
    }

    @Test
    void commandInsideAMultipartMessageRejected() {
        try (RawPeer raw = new RawPeer(endpoint).handshake("PUSH")) {
            raw.write(RawPeer.frame(0x01, "first".getBytes(StandardCharsets.US_ASCII)));
            raw.write(RawPeer.ping(0));
            assertRejected(raw);
        }
    }

    @Test
    void randomGarbageAfterAGoodHandshakeRejected() {
        try (RawPeer raw = new RawPeer(endpoint).handshake("PUSH")) {
            byte[] garbage = new byte[4096];
            new java.util.Random(42).nextBytes(garbage);
            garbage[0] = (byte) 0xF3; // reserved bits: certainly malformed from the first byte
            raw.write(garbage);
            assertRejected(raw);
        }
    }

    @Test
    void truncatedMessageIsNotDelivered() {
        try (RawPeer raw = new RawPeer(endpoint).handshake("PUSH")) {
            raw.write(RawPeer.frame(0, "whole".getBytes(StandardCharsets.US_ASCII)));
            assertEquals("whole", pull.receiveString());
            byte[] partial = Arrays.copyOf(RawPeer.frame(0, new byte[100]), 30);
            raw.write(partial);
        } // the raw peer hangs up mid-frame
        assertGoodPeerStillServed(); // the next message is the good peer's, not a truncated one
    }

    @Test
    void badPeerOnTheConnectingSideIsDroppedAndRetried() throws Exception {
        try (java.net.ServerSocket listener = new java.net.ServerSocket(0, 10,
                java.net.InetAddress.getLoopbackAddress());
             Socket push = ctx.socket(SocketType.PUSH)) {
            listener.setSoTimeout(10_000);
            push.setReconnectInterval(Duration.ofMillis(50));
            push.connect("tcp://127.0.0.1:" + listener.getLocalPort());
            try (java.net.Socket first = listener.accept()) {
                first.getOutputStream().write("garbage, not ZMTP".getBytes(StandardCharsets.US_ASCII));
                first.getOutputStream().flush();
                // Zeno hangs up on it and connects again, and the new connection carries messages
                try (RawPeer second = new RawPeer(listener.accept()).handshake("PULL")) {
                    assertTrue(push.send("after the retry"));
                    assertEquals("after the retry", second.readMessageText());
                }
            }
        }
        assertGoodPeerStillServed();
    }
}
