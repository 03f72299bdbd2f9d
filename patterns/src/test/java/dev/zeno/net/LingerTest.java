package dev.zeno.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.Context;
import dev.zeno.InterruptedOperationException;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Linger over tcp and ipc, as the README states it: queued messages for a live connection go
 * out after close for up to the linger (negative: without limit, and {@code Context.close()}
 * waits for them), 0 drops them and does not wait, and messages queued for an endpoint that
 * was never connected are not waited for.
 *
 * <p>The receiver is a PULL with a receive high-water mark of 1 that does not read until told:
 * once the kernel buffers are full, what the sender queued can only go out when it reads.
 */
class LingerTest {
    private static final Duration WAIT = PushPull.WAIT;
    /** More than loopback and Unix socket buffers hold: 2000 x 64 KiB = 128 MiB. */
    private static final int BIG_COUNT = 2_000;
    private static final byte[] BIG = new byte[64 * 1024];

    /** A PULL bound to {@code endpoint} in its own context that reads one message at a time. */
    private static Socket slowReceiver(Context ctx, String endpoint) {
        Socket pull = ctx.socket(SocketType.PULL);
        pull.setReceiveTimeout(WAIT);
        pull.setReceiveHighWaterMark(1);
        pull.bind(endpoint);
        return pull;
    }

    /** A PUSH with {@code linger} and no send limit, connected to {@code endpoint} and known to be up. */
    private static Socket connectedPusher(Context ctx, Duration linger, String endpoint, Socket pull) {
        Socket push = ctx.socket(SocketType.PUSH);
        push.setLinger(linger);
        push.setSendHighWaterMark(0);
        push.connect(endpoint);
        assertTrue(push.send("probe"));
        assertEquals("probe", pull.receiveString()); // the connection is up
        return push;
    }

    /** A PUSH with {@code linger} and one message queued for an endpoint nobody binds. */
    private static void pusherWithNoPeer(Context ctx, Duration linger, String transport) {
        Socket push = ctx.socket(SocketType.PUSH);
        push.setLinger(linger);
        push.connect(Endpoints.fresh(transport));
        assertTrue(push.send("for nobody"));
    }

    /** Reads until nothing arrives for {@code quiet}; returns how many messages came. */
    private static int drain(Socket pull, Duration quiet) {
        pull.setReceiveTimeout(quiet);
        int received = 0;
        while (pull.receiveBytes() != null) {
            received++;
        }
        return received;
    }

    /** Closes {@code ctx} on a thread of its own; the future completes when close returns. */
    private static FutureTask<Void> closeInBackground(Context ctx) {
        FutureTask<Void> closing = new FutureTask<>(ctx::close, null);
        Thread thread = new Thread(closing, "context-close");
        thread.setDaemon(true);
        thread.start();
        return closing;
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void socketCloseReturnsAtOnceAndQueuedMessagesGoOutWithinTheLinger(String transport) {
        try (PushPull p = PushPull.over(transport)) {
            p.pull.setReceiveHighWaterMark(10); // a slow receiver: most messages wait in the pusher
            p.push.setLinger(Duration.ofSeconds(30));
            p.push.setSendHighWaterMark(0);
            p.up();
            int count = 5_000;
            byte[] payload = new byte[1024];
            for (int i = 0; i < count; i++) {
                payload[0] = (byte) i;
                assertTrue(p.push.send(payload.clone()));
            }
            p.push.close(); // returns at once; the queued messages still go out within the linger
            assertTrue(p.push.isClosed());
            for (int i = 0; i < count; i++) {
                byte[] got = p.pull.receiveBytes();
                assertNotNull(got, "message " + i + " of " + count);
                assertEquals((byte) i, got[0]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void negativeLingerMakesContextCloseWaitUntilTheReceiverHasEverything(String transport) throws Exception {
        String endpoint = Endpoints.fresh(transport);
        try (Context receiving = new Context(); Socket pull = slowReceiver(receiving, endpoint)) {
            Context sending = new Context();
            Socket push = connectedPusher(sending, Duration.ofMillis(-1), endpoint, pull);
            pusherWithNoPeer(sending, Duration.ofMillis(-1), transport); // not waited for
            for (int i = 0; i < BIG_COUNT; i++) {
                assertTrue(push.send(BIG));
            }
            assertTrue(push.send("last"));
            FutureTask<Void> closing = closeInBackground(sending);
            // nothing has been read, so what is queued cannot all be out: the close still waits
            assertThrows(TimeoutException.class, () -> closing.get(500, TimeUnit.MILLISECONDS),
                    "Context.close() returned with messages still queued and a linger of -1");
            for (int i = 0; i < BIG_COUNT; i++) {
                byte[] got = pull.receiveBytes();
                assertNotNull(got, "message " + i + " of " + BIG_COUNT);
                assertEquals(BIG.length, got.length);
            }
            assertEquals("last", pull.receiveString(), "every message, in order");
            closing.get(WAIT.toMillis(), TimeUnit.MILLISECONDS); // and now the close returns
            assertTrue(push.isClosed());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void anInterruptedContextCloseReturnsAndAnotherCloseWaitsAgain(String transport) throws Exception {
        String endpoint = Endpoints.fresh(transport);
        try (Context receiving = new Context(); Socket pull = slowReceiver(receiving, endpoint)) {
            Context sending = new Context();
            Socket push = connectedPusher(sending, Duration.ofMillis(-1), endpoint, pull);
            for (int i = 0; i < BIG_COUNT; i++) {
                assertTrue(push.send(BIG));
            }
            CompletableFuture<Throwable> thrown = new CompletableFuture<>();
            Thread closer = new Thread(() -> {
                try {
                    sending.close();
                    thrown.complete(null);
                } catch (Throwable t) {
                    thrown.complete(Thread.currentThread().isInterrupted() ? t : new AssertionError(
                            "the interrupt status was cleared", t));
                }
            }, "context-close");
            closer.setDaemon(true);
            closer.start();
            // nothing is read, so only the interrupt can end this wait (zmq_ctx_term's EINTR)
            assertThrows(TimeoutException.class, () -> thrown.get(300, TimeUnit.MILLISECONDS));
            closer.interrupt();
            Throwable failure = thrown.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertTrue(failure instanceof InterruptedOperationException, "close should throw "
                    + "InterruptedOperationException, not " + failure);
            assertTrue(push.isClosed());

            FutureTask<Void> closingAgain = closeInBackground(sending);
            assertThrows(TimeoutException.class, () -> closingAgain.get(300, TimeUnit.MILLISECONDS),
                    "the second close should wait for the linger like the first");
            for (int i = 0; i < BIG_COUNT; i++) {
                assertNotNull(pull.receiveBytes(), "message " + i + " of " + BIG_COUNT
                        + ": the I/O thread went on sending after the interrupt");
            }
            closingAgain.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void aConnectionLostDuringTheLingerEndsItWithoutAReconnect(String transport) throws Exception {
        // libzmq's behaviour: a session being terminated does not reconnect, so what was
        // queued is dropped with the connection and zmq_ctx_term returns
        String endpoint = Endpoints.fresh(transport);
        Context receiving = new Context();
        Socket pull = slowReceiver(receiving, endpoint);
        Context sending = new Context();
        Socket push = connectedPusher(sending, Duration.ofMillis(-1), endpoint, pull);
        for (int i = 0; i < BIG_COUNT; i++) {
            assertTrue(push.send(BIG));
        }
        FutureTask<Void> closing = closeInBackground(sending);
        assertThrows(TimeoutException.class, () -> closing.get(300, TimeUnit.MILLISECONDS),
                "nothing was read, so an infinite linger still waits");
        receiving.close(); // the receiver goes away for good
        closing.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertTrue(push.isClosed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void aMessageSentRightAfterConnectGoesOutThoughTheContextClosesAtOnce(String transport) {
        // connect, send, close: the close may come while the connect is still under way
        for (int round = 0; round < 50; round++) {
            String endpoint = Endpoints.fresh(transport);
            try (Context receiving = new Context(); Socket pull = receiving.socket(SocketType.PULL)) {
                pull.setReceiveTimeout(WAIT);
                pull.bind(endpoint);
                Context sending = new Context();
                Socket push = sending.socket(SocketType.PUSH);
                push.setLinger(Duration.ofSeconds(5));
                push.connect(endpoint);
                assertTrue(push.send("round " + round));
                sending.close();
                assertEquals("round " + round, pull.receiveString(), "lost in round " + round);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void contextCloseWaitsForQueuedMessagesWithinAFiniteLinger(String transport) throws Exception {
        String endpoint = Endpoints.fresh(transport);
        int count = 20_000;
        try (Context receiving = new Context(); Socket pull = receiving.socket(SocketType.PULL)) {
            pull.setReceiveTimeout(WAIT);
            pull.bind(endpoint);
            // the receiver must keep reading while the sender's context closes: the close waits
            // until the queued messages are out, which takes a reader once buffers are full
            CompletableFuture<Integer> received = CompletableFuture.supplyAsync(() -> {
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
            assertEquals(count, received.get(60, TimeUnit.SECONDS));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void zeroLingerDropsQueuedMessagesAndCloseDoesNotWait(String transport) {
        String endpoint = Endpoints.fresh(transport);
        try (Context receiving = new Context(); Socket pull = slowReceiver(receiving, endpoint)) {
            Context sending = new Context();
            Socket push = connectedPusher(sending, Duration.ZERO, endpoint, pull);
            pusherWithNoPeer(sending, Duration.ZERO, transport);
            for (int i = 0; i < BIG_COUNT; i++) {
                assertTrue(push.send(BIG));
            }
            // nobody reads, so a close that waited for the queue could not return
            assertTimeoutPreemptively(WAIT, sending::close, "Context.close() waited with a linger of 0");
            assertTrue(push.isClosed());
            int received = drain(pull, Duration.ofSeconds(2));
            assertTrue(received < BIG_COUNT, "a linger of 0 should drop what the connection had not taken, "
                    + "yet all " + received + " messages arrived");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void zeroLingerOnDisconnectDropsWhatIsQueuedForThatEndpoint(String transport) {
        try (PushPull p = PushPull.over(transport)) {
            p.pull.setReceiveHighWaterMark(1);
            p.push.setLinger(Duration.ZERO);
            p.push.setSendHighWaterMark(0);
            p.up();
            for (int i = 0; i < BIG_COUNT; i++) {
                assertTrue(p.push.send(BIG));
            }
            p.push.disconnect(p.endpoint);
            int received = drain(p.pull, Duration.ofSeconds(2));
            assertTrue(received < BIG_COUNT, "all " + received + " messages arrived after a disconnect with linger 0");
            assertFalse(p.push.isClosed());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void messagesForAnEndpointNeverConnectedAreNotWaitedFor(String transport) {
        Context ctx = new Context();
        pusherWithNoPeer(ctx, Duration.ofMillis(-1), transport);
        // a linger of -1 would wait forever if it applied to them
        assertTimeoutPreemptively(WAIT, ctx::close, "Context.close() waited for an endpoint never connected");
        assertTrue(ctx.isClosed());
    }
}
