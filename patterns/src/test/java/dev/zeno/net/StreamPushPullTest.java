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
    private static final Duration WAIT = PushPull.WAIT;

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void deliversMessagesAndMultipart(String transport) {
        try (PushPull p = PushPull.over(transport).connect()) {
            Socket push = p.push;
            Socket pull = p.pull;
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
        try (PushPull p = PushPull.over(transport)) {
            p.push.connect(p.endpoint);
            assertTrue(p.push.send("early"));
            p.pull.bind(p.endpoint);
            assertEquals("early", p.pull.receiveString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void manySmallMessagesAndOneLarge(String transport) {
        try (PushPull p = PushPull.over(transport).connect()) {
            Socket push = p.push;
            Socket pull = p.pull;
            int count = 100_000;
            Thread sender = new Thread(() -> {
                for (int i = 0; i < count; i++) {
                    push.send(Integer.toString(i));
                }
                push.send(pattern(10 * 1024 * 1024));
            });
            sender.start();
            for (int i = 0; i < count; i++) {
                assertEquals(Integer.toString(i), pull.receiveString());
            }
            byte[] got = pull.receiveBytes();
            assertNotNull(got);
            assertArrayEquals(pattern(10 * 1024 * 1024), got);
        }
    }

    /** {@code size} bytes that are not all alike, so a misplaced chunk shows. */
    private static byte[] pattern(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
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
        try (PushPull p = PushPull.over(transport)) {
            p.push.setReconnectInterval(Duration.ofMillis(20));
            p.push.connect(p.endpoint);
            for (int i = 0; i < 5; i++) {
                assertTrue(p.push.send("queued-" + i));
            }
            p.pull.bind(p.endpoint);
            for (int i = 0; i < 5; i++) {
                assertEquals("queued-" + i, p.pull.receiveString());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void highWaterMarksPushBackAcrossTheConnection(String transport) {
        try (PushPull p = PushPull.over(transport)) {
            Socket push = p.push;
            Socket pull = p.pull;
            pull.setReceiveHighWaterMark(10);
            push.setSendHighWaterMark(10);
            p.connect();
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
