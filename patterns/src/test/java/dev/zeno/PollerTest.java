package dev.zeno;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PollerTest {
    private static final Duration LONG = Duration.ofSeconds(10);

    @Test
    void reportsWhichSocketIsReadable() {
        try (Context ctx = new Context()) {
            Socket pullA = ctx.socket(SocketType.PULL);
            Socket pullB = ctx.socket(SocketType.PULL);
            Socket push = ctx.socket(SocketType.PUSH);
            pullA.bind("inproc://poll-a");
            pullB.bind("inproc://poll-b");
            push.connect("inproc://poll-b");
            Poller poller = new Poller();
            poller.register(pullA, Poller.IN);
            poller.register(pullB, Poller.IN);
            assertEquals(0, poller.poll(Duration.ZERO));
            assertEquals(0, poller.poll(Duration.ofMillis(20)), "times out with nothing ready");
            push.send("x");
            assertEquals(1, poller.poll(LONG));
            assertFalse(poller.isReadable(pullA));
            assertTrue(poller.isReadable(pullB));
            assertEquals("x", pullB.receiveString());
            assertEquals(0, poller.poll(Duration.ZERO));
        }
    }

    @Test
    void wakesWhenAnotherThreadSends() throws Exception {
        try (Context ctx = new Context()) {
            Socket pull = ctx.socket(SocketType.PULL);
            Socket push = ctx.socket(SocketType.PUSH);
            pull.bind("inproc://poll-wake");
            push.connect("inproc://poll-wake");
            Poller poller = new Poller();
            poller.register(pull, Poller.IN);
            Thread me = Thread.currentThread();
            Thread helper = new Thread(() -> {
                waitUntilParked(me);
                push.send("wake up");
            });
            helper.start();
            assertEquals(1, poller.poll(LONG));
            assertTrue(poller.isReadable(pull));
            helper.join(10_000);
            assertEquals("wake up", pull.receiveString());
        }
    }

    @Test
    void reportsWritableUntilTheHighWaterMark() {
        try (Context ctx = new Context()) {
            Socket push = ctx.socket(SocketType.PUSH);
            Socket pull = ctx.socket(SocketType.PULL);
            push.setSendHighWaterMark(1);
            pull.setReceiveHighWaterMark(1);
            pull.bind("inproc://poll-out");
            push.connect("inproc://poll-out");
            Poller poller = new Poller();
            poller.register(push, Poller.OUT);
            assertEquals(1, poller.poll(Duration.ZERO));
            assertTrue(poller.isWritable(push));
            push.send("1");
            push.send("2");
            assertEquals(0, poller.poll(Duration.ZERO));
            assertFalse(poller.isWritable(push));
            pull.receiveString();
            pull.receiveString();
            assertEquals(1, poller.poll(LONG), "room again once the reader has read");
        }
    }

    @Test
    void followsTheRequestReplyState() {
        try (Context ctx = new Context()) {
            Socket req = ctx.socket(SocketType.REQ);
            Socket rep = ctx.socket(SocketType.REP);
            rep.bind("inproc://poll-req");
            req.connect("inproc://poll-req");
            Poller poller = new Poller();
            poller.register(req, Poller.IN | Poller.OUT);
            poller.register(rep, Poller.IN | Poller.OUT);
            assertEquals(1, poller.poll(Duration.ZERO));
            assertTrue(poller.isWritable(req));
            assertFalse(poller.isReadable(rep));
            assertFalse(poller.isWritable(rep), "a REP cannot send before a request");
            req.send("q");
            assertEquals(1, poller.poll(LONG));
            assertFalse(poller.isWritable(req), "a REQ cannot send again before the reply");
            assertTrue(poller.isReadable(rep));
            assertEquals("q", rep.receiveString());
            assertEquals(1, poller.poll(Duration.ZERO));
            assertTrue(poller.isWritable(rep));
            rep.send("a");
            assertEquals(1, poller.poll(LONG));
            assertTrue(poller.isReadable(req));
        }
    }

    @Test
    void aClosedSocketFailsThePoll() {
        try (Context ctx = new Context()) {
            Socket pull = ctx.socket(SocketType.PULL);
            Poller poller = new Poller();
            poller.register(pull, Poller.IN);
            pull.close();
            assertThrows(SocketClosedException.class, () -> poller.poll(Duration.ZERO));
            assertThrows(SocketClosedException.class, () -> new Poller().register(pull, Poller.IN));
        }
    }

    @Test
    void closingASocketReleasesAThreadWaitingInPoll() throws Exception {
        try (Context ctx = new Context()) {
            Socket pull = ctx.socket(SocketType.PULL);
            Socket other = ctx.socket(SocketType.SUB);
            pull.bind("inproc://poll-close");
            Poller poller = new Poller();
            poller.register(pull, Poller.IN);
            poller.register(other, Poller.IN);
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread waiter = new Thread(() -> {
                try {
                    poller.poll(null);
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            waiter.start();
            waitUntilParked(waiter);
            pull.close();
            waiter.join(10_000);
            assertFalse(waiter.isAlive());
            assertTrue(thrown.get() instanceof SocketClosedException, String.valueOf(thrown.get()));
        }
    }

    @Test
    void badRegistrationsFailAtOnce() {
        try (Context ctx = new Context(); Socket pull = ctx.socket(SocketType.PULL)) {
            Poller poller = new Poller();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> poller.register(pull, 4));
            assertTrue(e.getMessage().contains("4"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> poller.isReadable(pull));
            assertThrows(IllegalSocketStateException.class, () -> poller.poll(null));
            poller.register(pull, Poller.IN);
            assertTrue(poller.unregister(pull));
            assertFalse(poller.unregister(pull));
        }
    }

    /** Waits (bounded) until {@code thread} is parked, so a test acts on a blocked thread. */
    static void waitUntilParked(Thread thread) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                return;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
