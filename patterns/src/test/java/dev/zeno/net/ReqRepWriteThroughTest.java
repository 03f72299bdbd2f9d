package dev.zeno.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.Context;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * REQ and REP over tcp and ipc write each message on the sending thread when the connection's
 * output is idle (write-through) instead of waking the I/O thread. These tests drive the cases
 * where that thread must hand over to the I/O thread: replies larger than the socket buffers,
 * heartbeats sharing the output, a peer that dies, a close while a message is half sent.
 */
class ReqRepWriteThroughTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration LIMIT = Duration.ofSeconds(60);
    /** Far larger than any loopback or Unix socket buffer: the write cannot finish at once. */
    private static final int HUGE = 24 * 1024 * 1024;

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void manyRoundTripsArriveInOrder(String transport) {
        TimeLimit.within(LIMIT, () -> {
            try (Pair pair = Pair.connect(transport, socket -> { })) {
                CompletableFuture<Void> server = echo(pair.rep, 20_000);
                roundTrips(pair.req, "request", 20_000);
                server.get(10, TimeUnit.SECONDS);
            }
        });
    }

    /** One REP answering several REQs at once: its write-throughs go to many connections. */
    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void oneRepAnswersManyClientsEachInOrder(String transport) {
        TimeLimit.within(LIMIT, () -> {
            try (Context ctx = new Context(); Socket rep = ctx.socket(SocketType.REP)) {
                configure(rep);
                String endpoint = rep.bind(Endpoints.fresh(transport));
                int clients = 4;
                int each = 2_000;
                CompletableFuture<Void> server = echo(rep, clients * each);
                CompletableFuture<?>[] running = new CompletableFuture<?>[clients];
                for (int c = 0; c < clients; c++) {
                    String label = "client " + c;
                    running[c] = CompletableFuture.runAsync(() -> {
                        try (Socket req = ctx.socket(SocketType.REQ)) {
                            configure(req);
                            req.connect(endpoint);
                            roundTrips(req, label, each);
                        }
                    });
                }
                CompletableFuture.allOf(running).get(40, TimeUnit.SECONDS);
                server.get(10, TimeUnit.SECONDS);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void repliesLargerThanTheSocketBufferArriveWhole(String transport) {
        TimeLimit.within(LIMIT, () -> {
            try (Pair pair = Pair.connect(transport, socket -> { })) {
                int[] sizes = {HUGE, 16, 300_000, 1, HUGE / 3, 5};
                CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
                    for (int size : sizes) {
                        byte[] request = pair.rep.receiveBytes();
                        assertEquals(size, request.length);
                        pair.rep.send(pattern(size, 7)); // a partial write is finished by the I/O thread
                    }
                });
                for (int size : sizes) {
                    assertTrue(pair.req.send(pattern(size, 3)));
                    assertArrayEquals(pattern(size, 7), pair.req.receiveBytes(), size + " bytes");
                }
                server.get(30, TimeUnit.SECONDS);
            }
        });
    }

    /** The reader stalls: the REP's thread writes part of the reply and hands the rest over. */
    @Test
    void partiallyWrittenReplyIsFinishedByTheIoThreadInOrder() {
        TimeLimit.within(LIMIT, () -> {
            try (Context ctx = new Context(); Socket rep = ctx.socket(SocketType.REP)) {
                rep.setReceiveTimeout(WAIT);
                String endpoint = rep.bind("tcp://127.0.0.1:*");
                try (RawPeer raw = new RawPeer(endpoint).handshake("REQ")) {
                    raw.write(request("big"));
                    assertEquals("big", rep.receiveString());
                    assertTrue(rep.send(pattern(HUGE, 1))); // returns with most of it unsent
                    raw.write(request("small")); // queued behind the reply on the REP's side
                    assertEquals(0, raw.readFrame().body().length, "delimiter");
                    assertArrayEquals(pattern(HUGE, 1), raw.readFrame().body());
                    assertEquals("small", rep.receiveString());
                    assertTrue(rep.send("done"));
                    assertEquals(0, raw.readFrame().body().length, "delimiter");
                    assertEquals("done", raw.readMessageText());
                }
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void heartbeatsShareTheOutputWithRequestsAndReplies(String transport) {
        TimeLimit.within(LIMIT, () -> {
            try (Pair pair = Pair.connect(transport, socket -> {
                socket.setHeartbeatInterval(Duration.ofMillis(2));
                socket.setHeartbeatTimeout(Duration.ofSeconds(5));
                socket.setHeartbeatTtl(Duration.ofSeconds(5));
            })) {
                int count = 3_000;
                CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < count; i++) {
                        String request = pair.rep.receiveString();
                        if (i % 500 == 0) {
                            sleep(20); // PINGs go out and PONGs come back meanwhile
                        }
                        pair.rep.send(request);
                    }
                });
                roundTrips(pair.req, "ping-pong", count);
                server.get(10, TimeUnit.SECONDS);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void replyToAClientThatDiedIsDroppedAndTheServerGoesOn(String transport) {
        TimeLimit.within(LIMIT, () -> {
            try (Context ctx = new Context(); Socket rep = ctx.socket(SocketType.REP)) {
                rep.setReceiveTimeout(WAIT);
                String endpoint = rep.bind(Endpoints.fresh(transport));
                try (Context clientCtx = new Context(); Socket req = clientCtx.socket(SocketType.REQ)) {
                    req.setLinger(Duration.ZERO);
                    req.connect(endpoint);
                    assertTrue(req.send("who is there"));
                    assertEquals("who is there", rep.receiveString());
                } // the client is gone before the reply
                for (int i = 0; i < 20; i++) {
                    assertTrue(rep.send(pattern(HUGE / 8, 2)), "a reply to a gone client is dropped, not thrown");
                    try (Socket req = ctx.socket(SocketType.REQ)) {
                        configure(req);
                        req.connect(endpoint);
                        assertTrue(req.send("next " + i));
                        assertEquals("next " + i, rep.receiveString());
                    }
                }
                assertTrue(rep.send("last"));
            }
        });
    }

    /** A peer reset in the middle of a reply: the failed write is the I/O thread's to report. */
    @Test
    void resetInTheMiddleOfAReplyDoesNotReachTheRepSocket() {
        TimeLimit.within(LIMIT, () -> {
            try (Context ctx = new Context(); Socket rep = ctx.socket(SocketType.REP)) {
                rep.setReceiveTimeout(WAIT);
                String endpoint = rep.bind("tcp://127.0.0.1:*");
                int port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
                for (int i = 0; i < 10; i++) {
                    java.net.Socket plain = new java.net.Socket("127.0.0.1", port);
                    RawPeer raw = new RawPeer(plain).handshake("REQ");
                    raw.write(request("doomed " + i));
                    assertEquals("doomed " + i, rep.receiveString());
                    plain.setSoLinger(true, 0);
                    plain.close(); // RST: the reply's write fails on the REP's thread, or later on the I/O thread
                    assertTrue(rep.send(pattern(HUGE / 4, 4)));
                }
                try (Socket req = ctx.socket(SocketType.REQ)) {
                    configure(req);
                    req.connect(endpoint);
                    assertTrue(req.send("still serving?"));
                    assertEquals("still serving?", rep.receiveString());
                    assertTrue(rep.send("yes"));
                    assertEquals("yes", req.receiveString());
                }
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void serverThatDiesMidRequestLeavesTheClientWaitingUntilItsTimeout(String transport) {
        TimeLimit.within(LIMIT, () -> {
            try (Context ctx = new Context(); Socket req = ctx.socket(SocketType.REQ)) {
                req.setReceiveTimeout(Duration.ofMillis(300));
                req.setLinger(Duration.ZERO);
                String endpoint = Endpoints.fresh(transport);
                try (Context serverCtx = new Context(); Socket rep = serverCtx.socket(SocketType.REP)) {
                    rep.setReceiveTimeout(WAIT);
                    endpoint = rep.bind(endpoint);
                    req.connect(endpoint);
                    assertTrue(req.send("anyone?"));
                    assertEquals("anyone?", rep.receiveString());
                } // dies without answering
                assertNull(req.receiveBytes(), "no reply can come");
            }
        });
    }

    /** A close right after a reply too large to go out at once still delivers it (linger). */
    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void closeRightAfterALargeReplyLingersUntilItIsSent(String transport) {
        TimeLimit.within(LIMIT, () -> {
            try (Context ctx = new Context(); Socket req = ctx.socket(SocketType.REQ)) {
                configure(req);
                String endpoint = Endpoints.fresh(transport);
                Context serverCtx = new Context();
                Socket rep = serverCtx.socket(SocketType.REP);
                rep.setReceiveTimeout(WAIT);
                rep.setLinger(Duration.ofSeconds(30));
                endpoint = rep.bind(endpoint);
                req.connect(endpoint);
                assertTrue(req.send("big one"));
                assertEquals("big one", rep.receiveString());
                assertTrue(rep.send(pattern(HUGE, 9)));
                rep.close(); // most of the reply is still the I/O thread's to write
                serverCtx.close();
                assertArrayEquals(pattern(HUGE, 9), req.receiveBytes());
            }
        });
    }

    /** A close while the peer still writes a large request, and while a reply is awaited. */
    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void closeDuringARequestIsPrompt(String transport) {
        TimeLimit.within(LIMIT, () -> {
            try (Context ctx = new Context(); Socket rep = ctx.socket(SocketType.REP)) {
                String endpoint = rep.bind(Endpoints.fresh(transport)); // never reads
                Context clientCtx = new Context();
                Socket req = clientCtx.socket(SocketType.REQ);
                req.setLinger(Duration.ZERO);
                req.connect(endpoint);
                assertTrue(req.send(pattern(HUGE, 5)));
                CompletableFuture<byte[]> waiting = CompletableFuture.supplyAsync(() -> {
                    try {
                        return req.receiveBytes();
                    } catch (RuntimeException closed) {
                        return null;
                    }
                });
                sleep(50);
                clientCtx.close();
                assertNull(waiting.get(10, TimeUnit.SECONDS), "no reply, and the wait ends");
            }
        });
    }

    /**
     * A sender whose interrupt flag is set: a write on its thread must not close the channel
     * (an interruptible channel closes itself when a blocking operation is interrupted).
     */
    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void interruptedSenderDoesNotCloseTheConnection(String transport) {
        TimeLimit.within(LIMIT, () -> {
            try (Pair pair = Pair.connect(transport, socket -> { })) {
                CompletableFuture<Void> server = echo(pair.rep, 2);
                roundTrips(pair.req, "warm up", 1);
                Thread.currentThread().interrupt();
                try {
                    assertTrue(pair.req.send("while interrupted"));
                } finally {
                    Thread.interrupted();
                }
                assertEquals("while interrupted", pair.req.receiveString());
                server.get(10, TimeUnit.SECONDS);
            }
        });
    }

    /** A REP bound and a REQ connected to it, in a context of their own. */
    private static final class Pair implements AutoCloseable {
        final Context ctx = new Context();
        final Socket rep = ctx.socket(SocketType.REP);
        final Socket req = ctx.socket(SocketType.REQ);

        /** Both sockets get test timeouts, then {@code options}, before they bind and connect. */
        static Pair connect(String transport, Consumer<Socket> options) {
            Pair pair = new Pair();
            for (Socket socket : new Socket[] {pair.rep, pair.req}) {
                configure(socket);
                options.accept(socket);
            }
            pair.req.connect(pair.rep.bind(Endpoints.fresh(transport)));
            return pair;
        }

        @Override
        public void close() {
            ctx.close();
        }
    }

    /** {@code count} requests "label i", each answered with itself. */
    private static void roundTrips(Socket req, String label, int count) {
        for (int i = 0; i < count; i++) {
            assertTrue(req.send(label + " " + i));
            assertEquals(label + " " + i, req.receiveString());
        }
    }

    private static void configure(Socket... sockets) {
        for (Socket socket : sockets) {
            socket.setReceiveTimeout(WAIT);
            socket.setSendTimeout(WAIT);
            socket.setLinger(Duration.ZERO);
        }
    }

    /** A REP that echoes {@code count} requests on another thread. */
    private static CompletableFuture<Void> echo(Socket rep, int count) {
        return CompletableFuture.runAsync(() -> {
            for (int i = 0; i < count; i++) {
                byte[] request = rep.receiveBytes();
                assertNotNull(request, "request " + i);
                rep.send(request);
            }
        });
    }

    /** A REQ request as raw frames: the empty delimiter, then the body. */
    private static byte[] request(String body) {
        byte[] delimiter = RawPeer.frame(0x01, new byte[0]);
        byte[] frame = RawPeer.frame(0x00, body.getBytes(StandardCharsets.UTF_8));
        byte[] both = Arrays.copyOf(delimiter, delimiter.length + frame.length);
        System.arraycopy(frame, 0, both, delimiter.length, frame.length);
        return both;
    }

    private static byte[] pattern(int size, int seed) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + seed + (i >>> 13));
        }
        return bytes;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
