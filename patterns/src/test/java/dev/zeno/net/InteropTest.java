package dev.zeno.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

/**
 * Zeno against peers we did not write, both directions (Zeno binds, Zeno connects): libzmq 4.3
 * (Debian's python3-zmq, ZMTP 3.1) over tcp and ipc, and JeroMQ 0.6 (ZMTP 3.0) over tcp
 * (JeroMQ's ipc is loopback tcp, not Unix domain sockets).
 */
class InteropTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(100);

    static Stream<Arguments> peers() {
        return Stream.of(
                Arguments.of("libzmq", "tcp"),
                Arguments.of("libzmq", "ipc"),
                Arguments.of("jeromq", "tcp"));
    }

    private static ForeignSocket foreign(String kind, String type, String identity) {
        if (kind.equals("libzmq")) {
            LibzmqSocket socket = LibzmqSocket.open(type);
            if (identity != null) {
                socket.identity(identity);
            }
            return socket;
        }
        JeromqSocket socket = new JeromqSocket(type);
        if (identity != null) {
            socket.identity(identity);
        }
        return socket;
    }

    private static ForeignSocket foreign(String kind, String type) {
        return foreign(kind, type, null);
    }

    /** Binds a Zeno socket to a fresh endpoint of {@code transport}; returns where to connect. */
    private static String bindZeno(Socket socket, String transport) {
        if (transport.equals("tcp")) {
            String bound = socket.bind("tcp://127.0.0.1:*");
            assertTrue(bound.startsWith("tcp://127.0.0.1:"), bound);
            return bound;
        }
        return socket.bind(Endpoints.fresh(transport));
    }

    /**
     * The foreign socket connects to a Zeno socket that binds. libzmq connects to the bound
     * endpoint. JeroMQ 0.6 connects first and Zeno binds after: when JeroMQ's first connect
     * attempt meets a listener, its engine intermittently never starts (seen about once in five
     * connects here, against JeroMQ's own listeners too: the connection is established, and
     * JeroMQ neither reads nor writes it), while its reconnect path is reliable.
     */
    private static void foreignConnectsToZeno(String kind, String transport, Socket zeno, ForeignSocket... foreign) {
        if (kind.equals("jeromq")) {
            String endpoint = Endpoints.fresh(transport);
            for (ForeignSocket socket : foreign) {
                socket.connect(endpoint);
            }
            pause(100); // JeroMQ's first attempt is refused; it reconnects after 100 ms
            zeno.bind(endpoint);
        } else {
            String endpoint = bindZeno(zeno, transport);
            for (ForeignSocket socket : foreign) {
                socket.connect(endpoint);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Socket zeno(Context ctx, SocketType type) {
        Socket socket = ctx.socket(type);
        socket.setReceiveTimeout(WAIT);
        socket.setSendTimeout(WAIT);
        socket.setLinger(Duration.ofSeconds(1));
        return socket;
    }

    // ===================================================================================== REQ/REP

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("peers")
    void foreignReqToZenoRep(String kind, String transport) {
        try (Context ctx = new Context(); Socket rep = zeno(ctx, SocketType.REP);
             ForeignSocket req = foreign(kind, "REQ")) {
            foreignConnectsToZeno(kind, transport, rep, req);
            req.send("Hello");
            assertEquals("Hello", rep.receiveString());
            assertTrue(rep.send("World"));
            assertEquals(List.of("World"), req.receiveStrings(WAIT));
            // a multipart request arrives whole, and a multipart reply goes back whole
            req.send("part-1", "", "part-3");
            Message request = rep.receive();
            assertNotNull(request);
            assertEquals(List.of("part-1", "", "part-3"), request.toStrings());
            assertTrue(rep.send(new Message("reply-1", "reply-2")));
            assertEquals(List.of("reply-1", "reply-2"), req.receiveStrings(WAIT));
        }
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("peers")
    void zenoReqToForeignRep(String kind, String transport) {
        try (Context ctx = new Context(); Socket req = zeno(ctx, SocketType.REQ);
             ForeignSocket rep = foreign(kind, "REP")) {
            req.connect(rep.bind(Endpoints.fresh(transport)));
            for (int i = 0; i < 3; i++) {
                assertTrue(req.send(new Message("Hello", Integer.toString(i))));
                assertEquals(List.of("Hello", Integer.toString(i)), rep.receiveStrings(WAIT));
                rep.send("World", Integer.toString(i));
                Message reply = req.receive();
                assertNotNull(reply, "reply " + i);
                assertEquals(List.of("World", Integer.toString(i)), reply.toStrings());
            }
        }
    }

    // ===================================================================================== DEALER/ROUTER

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("peers")
    void foreignDealerToZenoRouter(String kind, String transport) {
        try (Context ctx = new Context(); Socket router = zeno(ctx, SocketType.ROUTER);
             ForeignSocket dealer = foreign(kind, "DEALER", "foreign-dealer")) {
            foreignConnectsToZeno(kind, transport, router, dealer);
            dealer.send("hi", "there");
            Message got = router.receive();
            assertNotNull(got);
            assertEquals(List.of("foreign-dealer", "hi", "there"), got.toStrings());
            assertTrue(router.send(new Message("foreign-dealer", "back")));
            assertEquals(List.of("back"), dealer.receiveStrings(WAIT));
        }
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("peers")
    void zenoDealerToForeignRouter(String kind, String transport) {
        try (Context ctx = new Context(); Socket dealer = zeno(ctx, SocketType.DEALER);
             ForeignSocket router = foreign(kind, "ROUTER")) {
            dealer.setIdentity("zeno-dealer");
            dealer.connect(router.bind(Endpoints.fresh(transport)));
            assertTrue(dealer.send(new Message("hi", "there")));
            assertEquals(List.of("zeno-dealer", "hi", "there"), router.receiveStrings(WAIT));
            router.send("zeno-dealer", "back");
            assertEquals("back", dealer.receiveString());
        }
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("peers")
    void zenoRouterConnectsToForeignDealer(String kind, String transport) {
        try (Context ctx = new Context(); Socket router = zeno(ctx, SocketType.ROUTER);
             ForeignSocket dealer = foreign(kind, "DEALER", "bound-dealer")) {
            router.connect(dealer.bind(Endpoints.fresh(transport)));
            dealer.send("hello");
            Message got = router.receive();
            assertNotNull(got);
            assertEquals(List.of("bound-dealer", "hello"), got.toStrings());
            assertTrue(router.send(new Message("bound-dealer", "reply")));
            assertEquals(List.of("reply"), dealer.receiveStrings(WAIT));
        }
    }

    // ===================================================================================== PUB/SUB

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("peers")
    void zenoPubToForeignSub(String kind, String transport) {
        try (Context ctx = new Context(); Socket pub = zeno(ctx, SocketType.PUB);
             ForeignSocket sub = foreign(kind, "SUB")) {
            sub.subscribe("A");           // before connecting
            foreignConnectsToZeno(kind, transport, pub, sub);
            List<String> seen = new ArrayList<>();
            publishUntil(() -> { pub.send("A-1"); pub.send("C-1"); }, sub, "A-1", seen);
            sub.subscribe("B");           // after connecting
            publishUntil(() -> { pub.send("B-1"); pub.send("C-2"); }, sub, "B-1", seen);
            assertNoneStartsWith(seen, "C");
            assertUnsubscribeHonoured(pub, sub::unsubscribe, sub::subscribe, sub);
        }
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("peers")
    void zenoPubFiltersForAForeignXsub(String kind, String transport) {
        // an XSUB does not filter what it receives: what arrives is what the Zeno PUB sent
        try (Context ctx = new Context(); Socket pub = zeno(ctx, SocketType.PUB);
             ForeignSocket xsub = foreign(kind, "XSUB")) {
            foreignConnectsToZeno(kind, transport, pub, xsub);
            xsub.send(subscription(1, "A"));
            List<String> seen = new ArrayList<>();
            publishUntil(() -> { pub.send("A-1"); pub.send("C-1"); }, xsub, "A-1", seen);
            assertNoneStartsWith(seen, "C");
            assertUnsubscribeHonoured(pub, topic -> xsub.send(subscription(0, topic)),
                    topic -> xsub.send(subscription(1, topic)), xsub);
        }
    }

    private static byte[] subscription(int subscribe, String topic) {
        byte[] text = topic.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[text.length + 1];
        frame[0] = (byte) subscribe;
        System.arraycopy(text, 0, frame, 1, text.length);
        return frame;
    }

    /**
     * Cancels the subscription to "A" and subscribes to "D". Subscriptions reach the publisher
     * in order, so once a "D" message arrives the cancel has been applied: from then on no "A"
     * message may come, though the publisher keeps sending them.
     */
    private static void assertUnsubscribeHonoured(Socket pub, Consumer<String> unsubscribe,
                                                  Consumer<String> subscribe, ForeignSocket sub) {
        unsubscribe.accept("A");
        subscribe.accept("D");
        List<String> untilApplied = new ArrayList<>();
        publishUntil(() -> { pub.send("D-1"); pub.send("A-2"); }, sub, "D-1", untilApplied);
        List<String> after = new ArrayList<>();
        publishUntil(() -> { pub.send("A-3"); pub.send("D-2"); }, sub, "D-2", after);
        assertNoneStartsWith(after, "A");
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("peers")
    void foreignPubToZenoSub(String kind, String transport) {
        try (Context ctx = new Context(); Socket sub = zeno(ctx, SocketType.SUB);
             ForeignSocket pub = foreign(kind, "PUB")) {
            String endpoint = pub.bind(Endpoints.fresh(transport));
            sub.subscribe("A");           // before connecting
            sub.connect(endpoint);
            List<String> seen = new ArrayList<>();
            publishUntil(() -> { pub.send("A-1"); pub.send("C-1"); }, sub, "A-1", seen);
            sub.subscribe("B");           // after connecting
            publishUntil(() -> { pub.send("B-1"); pub.send("C-2"); }, sub, "B-1", seen);
            assertNoneStartsWith(seen, "C");
        }
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("peers")
    void zenoSubBindsForeignPubConnects(String kind, String transport) {
        try (Context ctx = new Context(); Socket sub = zeno(ctx, SocketType.SUB);
             ForeignSocket pub = foreign(kind, "PUB")) {
            sub.subscribe("topic");
            foreignConnectsToZeno(kind, transport, sub, pub);
            List<String> seen = new ArrayList<>();
            publishUntil(() -> { pub.send("topic", "body"); pub.send("other"); }, sub, "topic", seen);
            assertNoneStartsWith(seen, "other");
        }
    }

    // ===================================================================================== XPUB/XSUB

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("peers")
    void foreignSubToZenoXpub(String kind, String transport) {
        try (Context ctx = new Context(); Socket xpub = zeno(ctx, SocketType.XPUB);
             ForeignSocket sub = foreign(kind, "SUB")) {
            foreignConnectsToZeno(kind, transport, xpub, sub);
            sub.subscribe("T");
            byte[] subscription = xpub.receiveBytes();
            assertNotNull(subscription);
            assertEquals("\u0001T", new String(subscription, StandardCharsets.ISO_8859_1));
            assertTrue(xpub.send("T-data"));
            assertEquals(List.of("T-data"), sub.receiveStrings(WAIT));
            sub.unsubscribe("T");
            byte[] cancel = xpub.receiveBytes();
            assertNotNull(cancel);
            assertEquals("\u0000T", new String(cancel, StandardCharsets.ISO_8859_1));
        }
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("peers")
    void zenoXsubToForeignXpub(String kind, String transport) {
        try (Context ctx = new Context(); Socket xsub = zeno(ctx, SocketType.XSUB);
             ForeignSocket xpub = foreign(kind, "XPUB")) {
            xsub.connect(xpub.bind(Endpoints.fresh(transport)));
            assertTrue(xsub.send(new byte[] {1, 'T'}));
            List<byte[]> subscription = xpub.receive(WAIT);
            assertNotNull(subscription, "the XPUB peer should see the subscription");
            assertEquals("\u0001T", new String(subscription.get(0), StandardCharsets.ISO_8859_1));
            xpub.send("T-data");
            assertEquals("T-data", xsub.receiveString());
        }
    }

    // ===================================================================================== PUSH/PULL

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("peers")
    void severalForeignPushersToZenoPull(String kind, String transport) {
        try (Context ctx = new Context(); Socket pull = zeno(ctx, SocketType.PULL);
             ForeignSocket first = foreign(kind, "PUSH"); ForeignSocket second = foreign(kind, "PUSH")) {
            foreignConnectsToZeno(kind, transport, pull, first, second);
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < 10; i++) {
                first.send("first-" + i);
                second.send("second-" + i);
                expected.add("first-" + i);
                expected.add("second-" + i);
            }
            Set<String> got = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                String message = pull.receiveString();
                assertNotNull(message, "message " + i + " of 20");
                got.add(message);
            }
            assertEquals(expected, got);
        }
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("peers")
    void zenoPushToSeveralForeignPullers(String kind, String transport) {
        try (Context ctx = new Context(); Socket push = zeno(ctx, SocketType.PUSH);
             ForeignSocket first = foreign(kind, "PULL"); ForeignSocket second = foreign(kind, "PULL")) {
            // Zeno connects to both bound pullers
            push.connect(first.bind(Endpoints.fresh(transport)));
            push.connect(second.bind(Endpoints.fresh(transport)));
            Set<String> got = new HashSet<>();
            int[] perPeer = new int[2];
            for (int i = 0; i < 20; i++) {
                assertTrue(push.send("m-" + i));
            }
            long deadline = System.nanoTime() + WAIT.toNanos() * 2;
            while (got.size() < 20 && System.nanoTime() < deadline) {
                List<String> a = first.receiveStrings(POLL);
                if (a != null) {
                    got.add(a.get(0));
                    perPeer[0]++;
                }
                List<String> b = second.receiveStrings(POLL);
                if (b != null) {
                    got.add(b.get(0));
                    perPeer[1]++;
                }
            }
            assertEquals(20, got.size(), "all 20 messages arrive: " + got);
            assertTrue(perPeer[0] > 0 && perPeer[1] > 0,
                    "spread over the pullers, not all to one: " + perPeer[0] + "+" + perPeer[1]);
        }
    }

    // ===================================================================================== restarts

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("peers")
    void foreignBinderRestarts(String kind, String transport) {
        String endpoint = Endpoints.fresh(transport);
        try (Context ctx = new Context(); Socket pull = zeno(ctx, SocketType.PULL)) {
            pull.connect(endpoint);
            try (ForeignSocket push = foreign(kind, "PUSH")) {
                push.bind(endpoint);
                push.send("before");
                assertEquals("before", pull.receiveString());
            }
            try (ForeignSocket push = foreign(kind, "PUSH")) {
                push.bind(endpoint);
                push.send("after"); // queued by the new binder until Zeno has reconnected
                assertEquals("after", pull.receiveString());
            }
        }
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("peers")
    void zenoBinderRestarts(String kind, String transport) {
        String endpoint = Endpoints.fresh(transport);
        try (Context ctx = new Context(); ForeignSocket push = foreign(kind, "PUSH")) {
            try (Socket pull = zeno(ctx, SocketType.PULL)) {
                if (kind.equals("jeromq")) { // see foreignConnectsToZeno
                    push.connect(endpoint);
                    pause(100);
                    pull.bind(endpoint);
                } else {
                    pull.bind(endpoint);
                    push.connect(endpoint);
                }
                push.send("before");
                assertEquals("before", pull.receiveString());
            }
            if (kind.equals("jeromq")) {
                pause(300); // let JeroMQ's first reconnect attempt be refused (see foreignConnectsToZeno)
            }
            try (Socket pull = zeno(ctx, SocketType.PULL)) {
                pull.bind(endpoint);
                pull.setReceiveTimeout(POLL);
                // a message sent before the peer noticed the restart may be lost with the old connection
                String got = sendUntilReceived(push, pull, WAIT);
                if (got == null && kind.equals("jeromq")) {
                    // JeroMQ 0.6's engine sometimes never starts on a connection it has made (see
                    // foreignConnectsToZeno; seen here once in about ten full test runs, under
                    // load): the connection is up and JeroMQ neither reads nor writes it. A new
                    // JeroMQ socket shows the restarted binder still takes a JeroMQ peer.
                    try (ForeignSocket again = foreign(kind, "PUSH")) {
                        again.connect(endpoint);
                        got = sendUntilReceived(again, pull, WAIT);
                    }
                }
                assertNotNull(got, "the foreign pusher reconnects to the restarted Zeno binder");
                assertTrue(got.startsWith("after-"), got);
            }
        }
    }

    /** Sends "after-N" until {@code pull} receives one (it polls for {@link #POLL} each time); null if none came. */
    private static String sendUntilReceived(ForeignSocket push, Socket pull, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        String got = null;
        for (int i = 0; got == null && System.nanoTime() < deadline; i++) {
            push.send("after-" + i);
            got = pull.receiveString();
        }
        return got;
    }

    // ===================================================================================== helpers

    private interface Publish {
        void run();
    }

    /** Publishes until the subscriber gets a message whose first frame is {@code wanted}. */
    private static void publishUntil(Publish publish, ForeignSocket sub, String wanted, List<String> seen) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            publish.run();
            List<String> got;
            while ((got = sub.receiveStrings(POLL)) != null) {
                seen.add(got.get(0));
                if (got.get(0).equals(wanted)) {
                    return;
                }
            }
        }
        fail("no " + wanted + " within " + WAIT + "; seen " + seen);
    }

    /** Publishes until the Zeno subscriber gets a message whose first frame is {@code wanted}. */
    private static void publishUntil(Publish publish, Socket sub, String wanted, List<String> seen) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Duration saved = sub.getReceiveTimeout();
        sub.setReceiveTimeout(POLL);
        try {
            while (System.nanoTime() < deadline) {
                publish.run();
                Message got;
                while ((got = sub.receive()) != null) {
                    seen.add(got.frameString(0));
                    if (got.frameString(0).equals(wanted)) {
                        return;
                    }
                }
            }
        } finally {
            sub.setReceiveTimeout(saved);
        }
        fail("no " + wanted + " within " + WAIT + "; seen " + seen);
    }

    private static void assertNoneStartsWith(List<String> seen, String prefix) {
        for (String message : seen) {
            assertFalse(message.startsWith(prefix), "unsubscribed message delivered: " + message + " in " + seen);
        }
    }
}
