package dev.zeno;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Issue 2, point 6: closing a socket or its context releases every thread blocked in it
 * (receive, send at the high-water mark, poll, proxy) with {@link SocketClosedException}, and
 * leaves no thread behind.
 */
class CloseReleasesThreadsTest {
    private final Map<String, Throwable> outcomes = new ConcurrentHashMap<>();

    /** Starts a thread that records how {@code body} ended ("returned" or what it threw). */
    private Thread start(String name, Runnable body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
                outcomes.put(name, new Returned());
            } catch (Throwable t) {
                outcomes.put(name, t);
            }
        }, name);
        thread.start();
        PollerTest.waitUntilParked(thread);
        return thread;
    }

    /** Marks a body that returned normally. */
    private static final class Returned extends Throwable {
        private static final long serialVersionUID = 1L;
    }

    private static Set<Thread> liveThreads() {
        Set<Thread> live = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive()) {
                live.add(thread);
            }
        }
        return live;
    }

    @Test
    void closingTheContextReleasesEveryBlockedThreadAndLeavesNoneBehind() throws Exception {
        Set<Thread> before = liveThreads();
        Context ctx = new Context();
        Socket pull = ctx.socket(SocketType.PULL);
        pull.bind("inproc://blocked-receive");

        Socket push = ctx.socket(SocketType.PUSH);
        Socket slowPull = ctx.socket(SocketType.PULL);
        push.setSendHighWaterMark(1);
        slowPull.setReceiveHighWaterMark(1);
        slowPull.bind("inproc://blocked-send");
        push.connect("inproc://blocked-send");
        push.send("1");
        push.send("2"); // the pipe (1 + 1) is full: the next send blocks

        Socket req = ctx.socket(SocketType.REQ);
        Socket rep = ctx.socket(SocketType.REP);
        rep.bind("inproc://blocked-reply");
        req.connect("inproc://blocked-reply");
        req.send("never answered");

        Socket polled = ctx.socket(SocketType.SUB);
        Poller poller = new Poller();
        poller.register(polled, Poller.IN);

        Socket front = ctx.socket(SocketType.ROUTER);
        Socket back = ctx.socket(SocketType.DEALER);
        front.bind("inproc://blocked-proxy-front");
        back.bind("inproc://blocked-proxy-back");

        List<Thread> threads = new ArrayList<>();
        threads.add(start("receive", pull::receive));
        threads.add(start("send", () -> push.send("3")));
        threads.add(start("reply", req::receive));
        threads.add(start("poll", () -> poller.poll(null)));
        threads.add(start("proxy", () -> Proxy.run(front, back)));

        ctx.close();
        for (Thread thread : threads) {
            thread.join(10_000);
            assertFalse(thread.isAlive(), thread.getName() + " was released");
        }
        for (String name : List.of("receive", "send", "reply", "poll")) {
            assertTrue(outcomes.get(name) instanceof SocketClosedException, name + ": " + outcomes.get(name));
        }
        assertTrue(outcomes.get("proxy") instanceof Returned, "proxy: " + outcomes.get("proxy"));

        Set<Thread> leftBehind = new HashSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        do {
            leftBehind = liveThreads();
            leftBehind.removeAll(before);
            leftBehind.removeIf(thread -> thread.getName().startsWith("junit-"));
        } while (!leftBehind.isEmpty() && System.nanoTime() < deadline && pause());
        assertEquals(Set.of(), leftBehind, "no thread left behind by the context");
    }

    @Test
    void closingOneSocketReleasesTheThreadBlockedInIt() throws Exception {
        try (Context ctx = new Context()) {
            Socket push = ctx.socket(SocketType.PUSH);
            Socket pull = ctx.socket(SocketType.PULL);
            push.setSendHighWaterMark(1);
            pull.setReceiveHighWaterMark(1);
            pull.bind("inproc://one-socket");
            push.connect("inproc://one-socket");
            push.send("1");
            push.send("2");
            Thread sender = start("blocked-send", () -> push.send("3"));
            push.close();
            sender.join(10_000);
            assertFalse(sender.isAlive());
            assertTrue(outcomes.get("blocked-send") instanceof SocketClosedException, String.valueOf(outcomes.get("blocked-send")));

            Thread receiver = start("blocked-receive", () -> {
                pull.receive();
                pull.receive();
                pull.receive(); // the third waits: the PUSH is closed, nothing more comes
            });
            pull.close();
            receiver.join(10_000);
            assertFalse(receiver.isAlive());
            assertTrue(outcomes.get("blocked-receive") instanceof SocketClosedException,
                    String.valueOf(outcomes.get("blocked-receive")));
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
