package dev.zeno.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.zeno.Context;
import dev.zeno.Message;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README's reconnect promises over real connections: a negative reconnect interval turns
 * reconnecting off, and a SUB that reconnects to a restarted publisher (Zeno's or libzmq's,
 * in another context or process) sends its subscriptions again.
 */
class ReconnectTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(100);
    /** Long enough for several reconnect attempts at the default 100 ms interval. */
    private static final Duration QUIET = Duration.ofSeconds(1);

    // ============================================================== a negative interval: no reconnect

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void negativeIntervalDropsThePeerWhenItsConnectionEnds(String transport) {
        String endpoint = Endpoints.fresh(transport);
        try (Context ctx = new Context(); Socket push = pusherThatNeverReconnects(ctx)) {
            try (Context first = new Context(); Socket pull = first.socket(SocketType.PULL)) {
                pull.setReceiveTimeout(WAIT);
                pull.bind(endpoint);
                push.connect(endpoint);
                assertTrue(push.send("before"));
                assertEquals("before", pull.receiveString());
            } // the binder goes away and comes back at once
            try (Context second = new Context(); Socket pull = second.socket(SocketType.PULL)) {
                pull.bind(endpoint);
                // with reconnecting on, the peer would stay (sends queue, then flow to the new
                // binder); with it off, the peer is dropped and a PUSH without peers cannot send
                assertTrue(sendFailsWithin(push, WAIT), "the pusher still has a peer: it is reconnecting");
                pull.setReceiveTimeout(QUIET);
                assertNull(pull.receiveString(), "the pusher reconnected to the restarted binder");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void negativeIntervalGivesUpAfterTheFirstFailedAttempt(String transport) {
        String endpoint = Endpoints.fresh(transport);
        try (Context ctx = new Context(); Socket push = pusherThatNeverReconnects(ctx)) {
            push.connect(endpoint); // nothing listens: the one attempt fails
            assertTrue(sendFailsWithin(push, WAIT), "the peer of a failed connect should be dropped");
            try (Socket pull = ctx.socket(SocketType.PULL)) {
                pull.bind(endpoint);
                pull.setReceiveTimeout(QUIET);
                assertNull(pull.receiveString(), "the pusher connected again after its attempt failed");
                assertFalse(push.send("still nobody"), "no connection is made later either");
            }
        }
    }

    /** A PUSH with reconnecting off and a short send timeout. */
    private static Socket pusherThatNeverReconnects(Context ctx) {
        Socket push = ctx.socket(SocketType.PUSH);
        push.setReconnectInterval(Duration.ofMillis(-1));
        push.setSendTimeout(POLL);
        return push;
    }

    /**
     * Sends until a send times out, as it does once the PUSH has no peer; a few sends may go to
     * the peer before it is seen to be gone.
     */
    private static boolean sendFailsWithin(Socket push, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (int i = 0; System.nanoTime() < deadline; i++) {
            if (!push.send("probe-" + i)) {
                return true;
            }
            pause(10);
        }
        return false;
    }

    // ============================================================== SUB resubscribes after a restart

    static Stream<Arguments> publishers() {
        return Stream.of(
                Arguments.of("zeno", "tcp"),
                Arguments.of("zeno", "ipc"),
                Arguments.of("libzmq", "tcp"),
                Arguments.of("libzmq", "ipc"));
    }

    /** A bound publisher that can be closed, as a process that restarts would be. */
    private record Publisher(Consumer<String> sender, Runnable closer) implements AutoCloseable {
        void send(String text) {
            sender.accept(text);
        }

        @Override
        public void close() {
            closer.run();
        }
    }

    private static Publisher publisher(String kind, String endpoint) {
        if (kind.equals("libzmq")) {
            LibzmqSocket pub = LibzmqSocket.open("PUB");
            pub.bind(endpoint);
            return new Publisher(pub::send, pub::close);
        }
        Context ctx = new Context(); // its own context: nothing shared with the subscriber
        Socket pub = ctx.socket(SocketType.PUB);
        pub.bind(endpoint);
        return new Publisher(pub::send, ctx::close);
    }

    @ParameterizedTest(name = "{0} publisher over {1}")
    @MethodSource("publishers")
    void subResendsItsSubscriptionsWhenThePublisherRestarts(String kind, String transport) {
        String endpoint = Endpoints.fresh(transport);
        try (Context ctx = new Context(); Socket sub = ctx.socket(SocketType.SUB)) {
            sub.setReconnectInterval(Duration.ofMillis(50));
            sub.subscribe("A");
            sub.connect(endpoint);
            List<String> seen = new ArrayList<>();
            try (Publisher pub = publisher(kind, endpoint)) {
                receiveWhilePublishing(pub, sub, "A-1", seen);
                sub.subscribe("B"); // made on the first connection, resent on the second too
                receiveWhilePublishing(pub, sub, "B-1", seen);
            }
            // the restarted publisher knows nothing of the subscriber: it filters on what the
            // subscriber sends it, so only resent subscriptions let these messages through
            try (Publisher pub = publisher(kind, endpoint)) {
                receiveWhilePublishing(pub, sub, "A-2", seen);
                receiveWhilePublishing(pub, sub, "B-2", seen);
            }
            for (String message : seen) {
                assertFalse(message.startsWith("C"), "unsubscribed message delivered: " + message + " in " + seen);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void restartedXpubSeesExactlyTheSubscriptionsInForce(String transport) {
        String endpoint = Endpoints.fresh(transport);
        try (Context ctx = new Context(); Socket sub = ctx.socket(SocketType.SUB)) {
            sub.setReconnectInterval(Duration.ofMillis(50));
            sub.subscribe("A");
            sub.subscribe("B");
            sub.connect(endpoint);
            try (Context first = new Context(); Socket xpub = first.socket(SocketType.XPUB)) {
                xpub.bind(endpoint);
                assertEquals(Set.of("+A", "+B"), subscriptions(xpub, sub, 2));
                sub.unsubscribe("B");
                assertEquals(Set.of("-B"), subscriptions(xpub, sub, 1));
                sub.subscribe("C");
                assertEquals(Set.of("+C"), subscriptions(xpub, sub, 1));
            }
            try (Context second = new Context(); Socket xpub = second.socket(SocketType.XPUB)) {
                xpub.bind(endpoint);
                assertEquals(Set.of("+A", "+C"), subscriptions(xpub, sub, 2), "the subscriptions in force");
                xpub.setReceiveTimeout(QUIET);
                assertNull(xpub.receiveBytes(), "nothing more: each once, and B was cancelled before the restart");
            }
        }
    }

    /**
     * The next {@code count} subscription messages the XPUB receives, as "+topic" or "-topic".
     * The subscriber is kept busy receiving meanwhile: like libzmq's, a Zeno socket sends its
     * subscriptions to a reconnected peer from the application's next call on the socket.
     */
    private static Set<String> subscriptions(Socket xpub, Socket sub, int count) {
        xpub.setReceiveTimeout(POLL);
        sub.setReceiveTimeout(POLL);
        Set<String> got = new HashSet<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (got.size() < count && System.nanoTime() < deadline) {
            assertNull(sub.receive(), "nothing is published in this test");
            byte[] frame;
            while (got.size() < count && (frame = xpub.receiveBytes()) != null) {
                String topic = new String(frame, 1, frame.length - 1, StandardCharsets.UTF_8);
                assertTrue(got.add((frame[0] == 1 ? "+" : "-") + topic), "twice: " + topic);
            }
        }
        assertEquals(count, got.size(), "subscription messages within " + WAIT + ": " + got);
        return got;
    }

    /**
     * Publishes {@code wanted} and a message no one subscribed to ("C...") until the subscriber
     * receives {@code wanted}: messages published before the subscription reached the
     * publisher are dropped, as PUB does.
     */
    private static void receiveWhilePublishing(Publisher pub, Socket sub, String wanted, List<String> seen) {
        sub.setReceiveTimeout(POLL);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            pub.send(wanted);
            pub.send("C-" + wanted);
            Message got;
            while ((got = sub.receive()) != null) {
                seen.add(got.frameString(0));
                if (got.frameString(0).equals(wanted)) {
                    return;
                }
            }
        }
        fail("no " + wanted + " within " + WAIT + "; seen " + seen);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
