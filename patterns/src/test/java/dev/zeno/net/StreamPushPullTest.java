package dev.zeno.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.Context;
import dev.zeno.Message;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PUSH/PULL over tcp and ipc: the basics of the stream transports. */
class StreamPushPullTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void deliversMessagesAndMultipart(String transport) {
        String endpoint = Endpoints.fresh(transport);
        try (Context ctx = new Context();
             Socket pull = ctx.socket(SocketType.PULL);
             Socket push = ctx.socket(SocketType.PUSH)) {
            pull.setReceiveTimeout(WAIT);
            pull.bind(endpoint);
            push.connect(endpoint);
            assertTrue(push.send("hello"));
            push.sendMore("a");
            push.sendMore(new byte[0]);
            push.send("c");
            assertEquals("hello", pull.receiveString());
            Message parts = pull.receive();
            assertNotNull(parts);
            assertEquals(List.of("a", "", "c"), parts.toStrings());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void connectBeforeBindQueues(String transport) {
        String endpoint = Endpoints.fresh(transport);
        try (Context ctx = new Context();
             Socket pull = ctx.socket(SocketType.PULL);
             Socket push = ctx.socket(SocketType.PUSH)) {
            push.connect(endpoint);
            assertTrue(push.send("early"));
            pull.setReceiveTimeout(WAIT);
            pull.bind(endpoint);
            assertEquals("early", pull.receiveString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void manySmallMessagesAndOneLarge(String transport) {
        String endpoint = Endpoints.fresh(transport);
        try (Context ctx = new Context();
             Socket pull = ctx.socket(SocketType.PULL);
             Socket push = ctx.socket(SocketType.PUSH)) {
            pull.setReceiveTimeout(WAIT);
            pull.bind(endpoint);
            push.connect(endpoint);
            int count = 100_000;
            Thread sender = new Thread(() -> {
                for (int i = 0; i < count; i++) {
                    push.send(Integer.toString(i));
                }
                byte[] big = new byte[10 * 1024 * 1024];
                for (int i = 0; i < big.length; i++) {
                    big[i] = (byte) (i * 31);
                }
                push.send(big);
            });
            sender.start();
            for (int i = 0; i < count; i++) {
                assertEquals(Integer.toString(i), pull.receiveString());
            }
            byte[] got = pull.receiveBytes();
            assertNotNull(got);
            byte[] expected = new byte[10 * 1024 * 1024];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = (byte) (i * 31);
            }
            assertArrayEquals(expected, got);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void reconnectsAfterTheBinderRestarts(String transport) {
        String endpoint = Endpoints.fresh(transport);
        try (Context ctx = new Context(); Socket push = ctx.socket(SocketType.PUSH)) {
            push.setReconnectInterval(Duration.ofMillis(20));
            push.setReconnectIntervalMax(Duration.ofMillis(200));
            try (Socket pull = ctx.socket(SocketType.PULL)) {
                pull.setReceiveTimeout(WAIT);
                pull.bind(endpoint);
                push.connect(endpoint);
                assertTrue(push.send("before"));
                assertEquals("before", pull.receiveString());
            }
            try (Socket pull = ctx.socket(SocketType.PULL)) {
                pull.bind(endpoint); // the same port or path, at once
                pull.setReceiveTimeout(Duration.ofMillis(100));
                // a message written before the pusher saw the old connection die may die with it
                String got = null;
                long deadline = System.nanoTime() + WAIT.toNanos();
                for (int i = 0; got == null && System.nanoTime() < deadline; i++) {
                    push.send("after-" + i);
                    got = pull.receiveString();
                }
                assertNotNull(got, "the pusher reconnects to the restarted binder");
                // and from then on nothing is lost, in order
                pull.setReceiveTimeout(WAIT);
                int from = Integer.parseInt(got.substring("after-".length())) + 1;
                for (int i = 0; i < 100; i++) {
                    assertTrue(push.send("then-" + i));
                }
                String message;
                while ((message = pull.receiveString()) != null && message.startsWith("after-")) {
                    assertTrue(Integer.parseInt(message.substring("after-".length())) >= from, message);
                }
                for (int i = 0; i < 100; i++) {
                    assertEquals("then-" + i, message);
                    message = i < 99 ? pull.receiveString() : null;
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void messagesQueueWhileTheBinderIsDown(String transport) {
        String endpoint = Endpoints.fresh(transport);
        try (Context ctx = new Context(); Socket push = ctx.socket(SocketType.PUSH)) {
            push.setReconnectInterval(Duration.ofMillis(20));
            push.connect(endpoint);
            for (int i = 0; i < 5; i++) {
                assertTrue(push.send("queued-" + i));
            }
            try (Socket pull = ctx.socket(SocketType.PULL)) {
                pull.setReceiveTimeout(WAIT);
                pull.bind(endpoint);
                for (int i = 0; i < 5; i++) {
                    assertEquals("queued-" + i, pull.receiveString());
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void highWaterMarksPushBackAcrossTheConnection(String transport) {
        String endpoint = Endpoints.fresh(transport);
        try (Context ctx = new Context();
             Socket pull = ctx.socket(SocketType.PULL);
             Socket push = ctx.socket(SocketType.PUSH)) {
            pull.setReceiveHighWaterMark(10);
            push.setSendHighWaterMark(10);
            pull.bind(endpoint);
            push.connect(endpoint);
            push.setSendTimeout(Duration.ofMillis(200));
            byte[] payload = new byte[64 * 1024];
            int sent = 0;
            // kernel buffers hold a few MiB; then both pipes fill and the sender must wait
            while (sent < 10_000 && push.send(payload)) {
                sent++;
            }
            assertTrue(sent < 10_000, "the sender should have been pushed back, sent " + sent);
            pull.setReceiveTimeout(WAIT);
            for (int i = 0; i < sent; i++) {
                assertNotNull(pull.receiveBytes(), "message " + i + " of " + sent);
            }
            push.setSendTimeout(WAIT);
            assertTrue(push.send("flowing again"));
            assertEquals("flowing again", pull.receiveString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void lingerSendsQueuedMessagesAfterClose(String transport) {
        String endpoint = Endpoints.fresh(transport);
        int count = 5_000;
        try (Context ctx = new Context(); Socket pull = ctx.socket(SocketType.PULL)) {
            pull.setReceiveTimeout(WAIT);
            pull.setReceiveHighWaterMark(10); // a slow receiver: most messages wait in the pusher
            pull.bind(endpoint);
            Socket push = ctx.socket(SocketType.PUSH);
            push.setLinger(Duration.ofSeconds(30));
            push.setSendHighWaterMark(0);
            push.connect(endpoint);
            assertTrue(push.send("probe"));
            assertEquals("probe", pull.receiveString()); // the connection is up
            byte[] payload = new byte[1024];
            for (int i = 0; i < count; i++) {
                payload[0] = (byte) i;
                assertTrue(push.send(payload.clone()));
            }
            push.close(); // returns at once; the queued messages still go out within the linger
            for (int i = 0; i < count; i++) {
                byte[] got = pull.receiveBytes();
                assertNotNull(got, "message " + i + " of " + count);
                assertEquals((byte) i, got[0]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void zeroLingerDropsWhatIsQueued(String transport) {
        String endpoint = Endpoints.fresh(transport);
        try (Context ctx = new Context(); Socket pull = ctx.socket(SocketType.PULL)) {
            pull.setReceiveTimeout(WAIT);
            pull.setReceiveHighWaterMark(1);
            pull.bind(endpoint);
            Socket push = ctx.socket(SocketType.PUSH);
            push.setLinger(Duration.ZERO);
            push.setSendHighWaterMark(0);
            push.connect(endpoint);
            assertTrue(push.send("probe"));
            assertEquals("probe", pull.receiveString());
            byte[] payload = new byte[64 * 1024];
            for (int i = 0; i < 2_000; i++) { // 128 MiB: more than kernel buffers can hold
                assertTrue(push.send(payload));
            }
            push.close();
            pull.setReceiveTimeout(Duration.ofSeconds(2));
            int received = 0;
            while (pull.receiveBytes() != null) {
                received++;
            }
            assertTrue(received < 2_000, "linger 0 should drop what the connection had not taken");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void contextCloseWaitsForQueuedMessagesWithinLinger(String transport) throws Exception {
        String endpoint = Endpoints.fresh(transport);
        int count = 20_000;
        try (Context receiving = new Context(); Socket pull = receiving.socket(SocketType.PULL)) {
            pull.setReceiveTimeout(WAIT);
            pull.bind(endpoint);
            // the receiver must keep reading while the sender's context closes: the close waits
            // until the queued messages are out, which takes a reader once buffers are full
            java.util.concurrent.CompletableFuture<Integer> received = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                for (int i = 0; i < count; i++) {
                    if (!("m" + i).equals(pull.receiveString())) {
                        return i;
                    }
                }
                return count;
            });
            Context sending = new Context();
            Socket push = sending.socket(SocketType.PUSH);
            push.setLinger(Duration.ofSeconds(30));
            push.setSendHighWaterMark(0);
            push.connect(endpoint);
            for (int i = 0; i < count; i++) {
                push.send("m" + i);
            }
            sending.close(); // returns once everything went out
            assertEquals(count, received.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void zeroLingerDropsQueuedMessagesAndCloseDoesNotWait(String transport) {
        String endpoint = Endpoints.fresh(transport);
        Context ctx = new Context();
        Socket push = ctx.socket(SocketType.PUSH);
        push.setLinger(Duration.ZERO);
        push.setReconnectInterval(Duration.ofMillis(20));
        push.connect(endpoint); // never bound: with linger 0 nothing keeps the context open
        assertTrue(push.send("dropped"));
        ctx.close();
        assertTrue(push.isClosed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void manyConnectionsToOneBinder(String transport) {
        String endpoint = Endpoints.fresh(transport);
        try (Context ctx = new Context(2); Socket pull = ctx.socket(SocketType.PULL)) {
            pull.setReceiveTimeout(WAIT);
            pull.bind(endpoint);
            java.util.List<Socket> pushers = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Socket push = ctx.socket(SocketType.PUSH);
                push.connect(endpoint);
                pushers.add(push);
            }
            java.util.Set<String> expected = new java.util.HashSet<>();
            for (int i = 0; i < pushers.size(); i++) {
                for (int j = 0; j < 10; j++) {
                    pushers.get(i).send(i + "/" + j);
                    expected.add(i + "/" + j);
                }
            }
            java.util.Set<String> got = new java.util.HashSet<>();
            for (int i = 0; i < expected.size(); i++) {
                String message = pull.receiveString();
                assertNotNull(message);
                got.add(message);
            }
            assertEquals(expected, got);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void disconnectedPeerLeavesTheBinder(String transport) {
        String endpoint = Endpoints.fresh(transport);
        try (Context ctx = new Context();
             Socket push = ctx.socket(SocketType.PUSH);
             Socket first = ctx.socket(SocketType.PULL);
             Socket second = ctx.socket(SocketType.PULL)) {
            push.bind(endpoint);
            first.connect(endpoint);
            first.setReceiveTimeout(WAIT);
            second.setReceiveTimeout(WAIT);
            push.send("to-first");
            assertEquals("to-first", first.receiveString());
            second.connect(endpoint);
            first.disconnect(endpoint);
            // once the binder has seen the first puller go, every message reaches the second
            second.setReceiveTimeout(Duration.ofMillis(200));
            int inARow = 0;
            long deadline = System.nanoTime() + WAIT.toNanos();
            for (int i = 0; inARow < 10 && System.nanoTime() < deadline; i++) {
                assertTrue(push.send("m" + i));
                inARow = ("m" + i).equals(second.receiveString()) ? inARow + 1 : 0;
            }
            assertEquals(10, inARow, "messages still go to the disconnected puller");
        }
    }
}
