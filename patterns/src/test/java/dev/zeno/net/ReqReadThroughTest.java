package dev.zeno.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.Context;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A REQ waiting for its reply over tcp reads it off the connection itself for a few
 * microseconds (read-through) before leaving it to the I/O thread. A hand-driven REP answers
 * at once, so most replies here are read that way, and sends what the REQ's thread must hand
 * back to the I/O thread: a PING in front of the reply, more messages than the receive
 * high-water mark, the end of the connection, a malformed frame.
 */
class ReqReadThroughTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final int ROUNDS = 300;

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] reply(String body) {
        return concat(RawPeer.frame(0x01, new byte[0]), RawPeer.frame(0x00, text(body)));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Reads one request (delimiter and body) from {@code raw}, skipping commands; returns the body. */
    private static String readRequest(RawPeer raw) {
        assertEquals(0, raw.readFrame().body().length, "delimiter");
        return raw.readMessageText();
    }

    /** REQ's default receive high-water mark. */
    private static final int DEFAULT_HWM = 1000;

    /** What a test does with the REQ and the hand-driven REP connected to it. */
    private interface Exchange {
        void run(Socket req, RawPeer raw) throws Exception;
    }

    /**
     * Runs {@code exchange} between a REQ bound on tcp (receive timeout and high-water mark as
     * given) and a hand-driven REP that has completed its handshake, within {@link #LIMIT}.
     */
    private static void withHandDrivenRep(Duration receiveTimeout, int receiveHighWaterMark, Exchange exchange) {
        TimeLimit.within(LIMIT, () -> {
            try (Context ctx = new Context(); Socket req = ctx.socket(SocketType.REQ)) {
                req.setReceiveTimeout(receiveTimeout);
                req.setReceiveHighWaterMark(receiveHighWaterMark);
                String endpoint = req.bind("tcp://127.0.0.1:*");
                try (RawPeer raw = new RawPeer(endpoint).handshake("REP")) {
                    exchange.run(req, raw);
                }
            }
        });
    }

    @Test
    void aPingInFrontOfEachReplyIsAnsweredAndEveryReplyArrives() {
        withHandDrivenRep(Duration.ofSeconds(10), DEFAULT_HWM, (req, raw) -> {
            CompletableFuture<Integer> server = CompletableFuture.supplyAsync(() -> {
                int pongs = 0;
                for (int i = 0; i < ROUNDS; i++) {
                    RawPeer.Frame first = raw.readFrame();
                    while (first.isCommand()) { // a PONG: the I/O thread's, so requests may overtake it
                        assertEquals("PONG", first.commandName());
                        pongs++;
                        first = raw.readFrame();
                    }
                    assertEquals(0, first.body().length, "delimiter");
                    String request = raw.readMessageText();
                    raw.write(concat(RawPeer.ping(0), reply("re:" + request)));
                }
                while (pongs < ROUNDS) { // the last PONGs may come after the last request
                    RawPeer.Frame frame = raw.readFrame();
                    assertEquals("PONG", frame.commandName());
                    pongs++;
                }
                return pongs;
            });
            for (int i = 0; i < ROUNDS; i++) {
                assertTrue(req.send("q" + i));
                assertEquals("re:q" + i, req.receiveString());
            }
            assertEquals(ROUNDS, server.get(30, TimeUnit.SECONDS), "a PONG for every PING");
        });
    }

    @Test
    void repliesBehindMoreMessagesThanTheHighWaterMarkArrive() {
        withHandDrivenRep(Duration.ofSeconds(10), 4, (req, raw) -> {
            ByteArrayOutputStream junk = new ByteArrayOutputStream();
            for (int i = 0; i < 200; i++) {
                junk.writeBytes(RawPeer.frame(0x00, text("no delimiter: dropped " + i)));
            }
            for (int i = 0; i < 50; i++) {
                assertTrue(req.send("q" + i));
                assertEquals("q" + i, readRequest(raw));
                raw.write(concat(junk.toByteArray(), reply("re:q" + i)));
                assertEquals("re:q" + i, req.receiveString());
            }
        });
    }

    @Test
    void aServerThatClosesWhileTheClientWaitsLeavesItWaitingUntilItsTimeout() {
        withHandDrivenRep(Duration.ofMillis(500), DEFAULT_HWM, (req, raw) -> {
            assertTrue(req.send("hello"));
            assertEquals("hello", readRequest(raw));
            raw.close();
            assertNull(req.receiveString());
        });
    }

    @Test
    void aMalformedReplyClosesTheConnection() {
        withHandDrivenRep(Duration.ofMillis(500), DEFAULT_HWM, (req, raw) -> {
            assertTrue(req.send("hello"));
            assertEquals("hello", readRequest(raw));
            raw.write(concat(RawPeer.frame(0x01, new byte[0]), new byte[] {(byte) 0xF0, 1, 'x'}));
            assertNull(req.receiveString());
            assertTrue(raw.closedWithin(Duration.ofSeconds(10)), "the REQ side dropped the connection");
        });
    }
}
