package dev.zeno;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ProxyTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** A proxy on its own thread; {@link #finish()} says how it ended. */
    private static final class ProxyThread {
        final Thread thread;
        final AtomicReference<Throwable> thrown = new AtomicReference<>();
        final AtomicBoolean returned = new AtomicBoolean();

        ProxyThread(Socket frontend, Socket backend, Socket capture) {
            thread = new Thread(() -> {
                try {
                    Proxy.run(frontend, backend, capture);
                    returned.set(true);
                } catch (Throwable t) {
                    thrown.set(t);
                }
            }, "proxy");
            thread.start();
        }

        /** Joins the proxy (after its sockets were closed): it must have returned normally. */
        void finish() throws InterruptedException {
            thread.join(WAIT.toMillis());
            assertFalse(thread.isAlive(), "the proxy ended when its socket was closed");
            assertNull(thrown.get(), String.valueOf(thrown.get()));
            assertTrue(returned.get());
        }
    }

    @Test
    void xsubXpubForwarderCarriesSubscriptionsUpAndMessagesDown() throws Exception {
        ProxyThread proxy;
        try (Context ctx = new Context()) {
            Socket pub = ctx.socket(SocketType.PUB);
            pub.bind("inproc://upstream");
            Socket xsub = ctx.socket(SocketType.XSUB);
            Socket xpub = ctx.socket(SocketType.XPUB);
            xsub.connect("inproc://upstream");
            xpub.bind("inproc://downstream");
            proxy = new ProxyThread(xsub, xpub, null);

            Socket subA = ctx.socket(SocketType.SUB);
            Socket subB = ctx.socket(SocketType.SUB);
            subA.setReceiveTimeout(Duration.ofMillis(10));
            subB.setReceiveTimeout(Duration.ofMillis(10));
            subA.connect("inproc://downstream");
            subB.connect("inproc://downstream");
            subA.subscribe("A");
            subB.subscribe("B");
            List<String> gotA = new ArrayList<>();
            List<String> gotB = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            for (int i = 0; System.nanoTime() < deadline && (gotA.size() < 3 || gotB.size() < 3); i++) {
                pub.send("A" + i);
                pub.send("B" + i);
                pub.send("C" + i);
                String a = subA.receiveString();
                String b = subB.receiveString();
                if (a != null) {
                    gotA.add(a);
                }
                if (b != null) {
                    gotB.add(b);
                }
            }
            assertTrue(gotA.size() >= 3 && gotB.size() >= 3, "both subscribers got messages: " + gotA + " " + gotB);
            assertTrue(gotA.stream().allMatch(s -> s.startsWith("A")), gotA.toString());
            assertTrue(gotB.stream().allMatch(s -> s.startsWith("B")), gotB.toString());
        }
        proxy.finish();
    }

    @Test
    void subscriptionsReachTheUpstreamPublisherThroughTheProxy() throws Exception {
        ProxyThread proxy;
        try (Context ctx = new Context()) {
            Socket upstream = ctx.socket(SocketType.XPUB);
            upstream.setReceiveTimeout(WAIT);
            upstream.bind("inproc://up-xpub");
            Socket xsub = ctx.socket(SocketType.XSUB);
            Socket xpub = ctx.socket(SocketType.XPUB);
            xsub.connect("inproc://up-xpub");
            xpub.bind("inproc://down-xpub");
            proxy = new ProxyThread(xsub, xpub, null);
            Socket s1 = ctx.socket(SocketType.SUB);
            Socket s2 = ctx.socket(SocketType.SUB);
            s1.connect("inproc://down-xpub");
            s2.connect("inproc://down-xpub");
            s1.subscribe("weather");
            s2.subscribe("weather");
            assertArrayEquals("\u0001weather".getBytes(java.nio.charset.StandardCharsets.UTF_8), upstream.receiveBytes());
            s1.close();
            s2.close();
            assertArrayEquals("\u0000weather".getBytes(java.nio.charset.StandardCharsets.UTF_8), upstream.receiveBytes(),
                    "the cancel comes up when the last subscriber leaves");
        }
        proxy.finish();
    }

    @Test
    void routerDealerBrokerServesManyReqsWithManyReps() throws Exception {
        ProxyThread proxy;
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> workers = new ArrayList<>();
        AtomicInteger[] served = {new AtomicInteger(), new AtomicInteger()};
        AtomicReference<Throwable> workerFailure = new AtomicReference<>();
        try (Context ctx = new Context()) {
            Socket frontend = ctx.socket(SocketType.ROUTER);
            Socket backend = ctx.socket(SocketType.DEALER);
            frontend.bind("inproc://frontend");
            backend.bind("inproc://backend");
            proxy = new ProxyThread(frontend, backend, null);
            for (int w = 0; w < 2; w++) {
                int id = w;
                Socket rep = ctx.socket(SocketType.REP);
                rep.setReceiveTimeout(Duration.ofMillis(20));
                rep.connect("inproc://backend");
                Thread worker = new Thread(() -> {
                    try {
                        while (running.get()) {
                            String request = rep.receiveString();
                            if (request != null) {
                                served[id].incrementAndGet();
                                rep.sendMore("worker " + id);
                                rep.send(request);
                            }
                        }
                    } catch (Throwable t) {
                        workerFailure.set(t);
                    }
                }, "rep-" + w);
                workers.add(worker);
                worker.start();
            }
            List<Socket> reqs = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                Socket req = ctx.socket(SocketType.REQ);
                req.setReceiveTimeout(WAIT);
                req.connect("inproc://frontend");
                reqs.add(req);
            }
            for (int round = 0; round < 4; round++) {
                for (int c = 0; c < 3; c++) {
                    reqs.get(c).send("client " + c + " round " + round);
                }
                for (int c = 0; c < 3; c++) {
                    Message reply = reqs.get(c).receive();
                    assertNotNull(reply, "client " + c + " got its reply");
                    assertEquals(2, reply.size());
                    assertEquals("client " + c + " round " + round, reply.frameString(1));
                }
            }
            assertEquals(12, served[0].get() + served[1].get());
            assertTrue(served[0].get() > 0 && served[1].get() > 0, "both workers served");
            running.set(false);
            for (Thread worker : workers) {
                worker.join(WAIT.toMillis());
            }
            assertNull(workerFailure.get(), String.valueOf(workerFailure.get()));
        }
        proxy.finish();
    }

    @Test
    void captureGetsACopyOfEveryMessage() throws Exception {
        ProxyThread proxy;
        try (Context ctx = new Context()) {
            Socket in = ctx.socket(SocketType.PULL);
            Socket out = ctx.socket(SocketType.PUSH);
            Socket capture = ctx.socket(SocketType.PUSH);
            in.bind("inproc://stream-in");
            out.bind("inproc://stream-out");
            capture.bind("inproc://capture");
            Socket producer = ctx.socket(SocketType.PUSH);
            Socket consumer = ctx.socket(SocketType.PULL);
            Socket tap = ctx.socket(SocketType.PULL);
            consumer.setReceiveTimeout(WAIT);
            tap.setReceiveTimeout(WAIT);
            producer.connect("inproc://stream-in");
            consumer.connect("inproc://stream-out");
            tap.connect("inproc://capture");
            proxy = new ProxyThread(in, out, capture);
            for (int i = 0; i < 20; i++) {
                producer.send(new Message("m" + i, "part"));
            }
            for (int i = 0; i < 20; i++) {
                assertEquals(List.of("m" + i, "part"), consumer.receive().toStrings());
                assertEquals(List.of("m" + i, "part"), tap.receive().toStrings());
            }
        }
        proxy.finish();
    }

    @Test
    void closingOneSocketEndsTheProxyNormally() throws Exception {
        try (Context ctx = new Context()) {
            Socket front = ctx.socket(SocketType.PULL);
            Socket back = ctx.socket(SocketType.PUSH);
            front.bind("inproc://end-front");
            ProxyThread proxy = new ProxyThread(front, back, null);
            PollerTest.waitUntilParked(proxy.thread);
            front.close();
            proxy.finish();
        }
    }

    @Test
    void misuseFailsAtOnce() {
        try (Context ctx = new Context()) {
            Socket a = ctx.socket(SocketType.PULL);
            Socket b = ctx.socket(SocketType.PUSH);
            assertThrows(IllegalArgumentException.class, () -> Proxy.run(a, a));
            b.close();
            assertThrows(SocketClosedException.class, () -> Proxy.run(a, b));
        }
    }
}
