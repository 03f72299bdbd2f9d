package dev.zeno.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.Context;
import dev.zeno.Message;
import dev.zeno.Poller;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A PUSH with one peer over tcp whose send finds the pipe full writes the pipe out on its own
 * thread and keeps the writing while it streams; its I/O thread, left out, takes the writing
 * back when the socket stops (see ZmtpEngine, and LoadBalancer, which a DEALER shares; a PAIR
 * does the same). A
 * PUSH that never pauses is in that state most of the time. What must still hold: every
 * message arrives whole and in order, the last ones of a burst arrive although nothing
 * follows them, a PING is answered, a receiver that stalls holds the sender back, a poller
 * sees room, and a close delivers what was sent.
 */
class PushStreamTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int MESSAGES = 200_000;
    /**
     * The sender's high-water mark: a full pipe of these messages (160 B on average) fits in one
     * write batch (64 KiB at least), so the socket's thread writes it, whatever the machine's
     * socket buffers.
     */
    private static final int HWM = 300;

    /**
     * Receives messages {@code from} to {@code to} (excluded) on another thread, checking each;
     * a ROUTER's routing id frame is dropped first.
     */
    private static CompletableFuture<Void> receiving(Socket receiver, int from, int to) {
        return CompletableFuture.runAsync(() -> {
            for (int i = from; i < to; i++) {
                Message received = receiver.receive();
                assertTrue(received != null, "message " + i + " within " + WAIT);
                if (receiver.type() == SocketType.ROUTER) {
                    received.pop();
                }
                NumberedBodies.assertMessage(received, i);
            }
        });
    }

    /**
     * Sends message {@code i}, waiting up to the send timeout. A send that times out because
     * the receiving thread has failed (and stopped receiving) reports that failure instead.
     */
    private static void send(Socket sender, int i, CompletableFuture<Void> received) {
        if (!sender.send(NumberedBodies.message(i))) {
            if (received.isCompletedExceptionally()) {
                received.join(); // throws the receiver's failure
            }
            throw new AssertionError("send " + i + " within " + WAIT);
        }
    }

    /** What a test does with a sender (PUSH, DEALER, PAIR) connected to a receiver over tcp. */
    private interface Pair {
        void run(Socket sender, Socket receiver) throws Exception;
    }

    private static void withPushAndPull(Pair pair) {
        withSenderAndReceiver(SocketType.PUSH, SocketType.PULL, pair);
    }

    private static void withSenderAndReceiver(SocketType senderType, SocketType receiverType, Pair pair) {
        TimeLimit.within(LIMIT, () -> {
            try (Context ctx = new Context();
                    Socket receiver = ctx.socket(receiverType);
                    Socket sender = ctx.socket(senderType)) {
                receiver.setReceiveTimeout(WAIT);
                sender.setSendTimeout(WAIT);
                sender.setSendHighWaterMark(HWM);
                sender.connect(receiver.bind("tcp://127.0.0.1:*"));
                pair.run(sender, receiver);
            }
        });
    }

    /**
     * Bursts with nothing after them until the receiver has had the whole burst: the tail of
     * each, which does not fill the pipe, must go out without a later send or a close.
     */
    private static void everyBurstArrivesWithItsTail(Socket sender, Socket receiver) throws Exception {
        int bursts = 8;
        int perBurst = MESSAGES / bursts;
        for (int burst = 0; burst < bursts; burst++) {
            int from = burst * perBurst;
            CompletableFuture<Void> received = receiving(receiver, from, from + perBurst);
            for (int i = from; i < from + perBurst; i++) {
                send(sender, i, received);
            }
            received.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void everyBurstArrivesWholeAndInOrderWithItsTail() {
        withPushAndPull(PushStreamTest::everyBurstArrivesWithItsTail);
    }

    /** A DEALER with one peer shares the PUSH's load balancer, and streams the same way. */
    @Test
    void aDealersBurstsReachARouterWithTheirTails() {
        withSenderAndReceiver(SocketType.DEALER, SocketType.ROUTER, PushStreamTest::everyBurstArrivesWithItsTail);
    }

    /** A PAIR writes its full pipe out the same way. */
    @Test
    void aPairsBurstsReachItsPeerWithTheirTails() {
        withSenderAndReceiver(SocketType.PAIR, SocketType.PAIR, PushStreamTest::everyBurstArrivesWithItsTail);
    }

    /** With a linger, a close is a last flush: the end of the pipe wakes the I/O thread, left out or not. */
    @Test
    void closingRightAfterAStreamDeliversItAllWithinTheLinger() {
        TimeLimit.within(LIMIT, () -> {
            try (Context ctx = new Context(); Socket pull = ctx.socket(SocketType.PULL)) {
                pull.setReceiveTimeout(WAIT);
                String endpoint = pull.bind("tcp://127.0.0.1:*");
                CompletableFuture<Void> received = receiving(pull, 0, MESSAGES);
                try (Socket push = ctx.socket(SocketType.PUSH)) {
                    push.setLinger(WAIT);
                    push.setSendHighWaterMark(HWM);
                    push.connect(endpoint);
                    for (int i = 0; i < MESSAGES; i++) {
                        push.send(NumberedBodies.message(i));
                    }
                }
                received.get(30, TimeUnit.SECONDS);
            }
        });
    }

    /**
     * The receiver stops: the connection fills, the PUSH's writes fall short (the output goes
     * back to its I/O thread) and then its sends run out of room. The receiver resumes and gets
     * everything, and the stream goes on.
     */
    @Test
    void aReceiverThatStallsHoldsTheSenderBackThenGetsEverything() {
        withPushAndPull((push, pull) -> {
            push.setSendTimeout(Duration.ZERO);
            int sent = 0;
            boolean fullBefore = false;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                if (push.send(NumberedBodies.message(sent))) {
                    sent++;
                    fullBefore = false;
                } else if (fullBefore) {
                    break; // full twice in a row: the connection and the pipe hold all they can
                } else {
                    fullBefore = true;
                }
            }
            assertTrue(sent < MESSAGES, "the sender was held back, after " + sent);
            CompletableFuture<Void> received = receiving(pull, 0, MESSAGES);
            push.setSendTimeout(WAIT);
            for (int i = sent; i < MESSAGES; i++) {
                send(push, i, received);
            }
            received.get(30, TimeUnit.SECONDS);
        });
    }

    @Test
    void aPollerDrivenPushDeliversEverything() {
        withPushAndPull((push, pull) -> {
            Poller poller = new Poller();
            poller.register(push, Poller.OUT);
            push.setSendTimeout(Duration.ZERO);
            CompletableFuture<Void> received = receiving(pull, 0, MESSAGES);
            for (int i = 0; i < MESSAGES; i++) {
                assertEquals(1, poller.poll(WAIT), "room for message " + i);
                assertTrue(push.send(NumberedBodies.message(i)), "a send after the poll saw room: " + i);
            }
            received.get(30, TimeUnit.SECONDS);
        });
    }

    /** A hand-driven PULL sends PINGs while the PUSH streams to it: each gets its PONG. */
    @Test
    void aPingDuringAStreamIsAnswered() {
        TimeLimit.within(LIMIT, () -> {
            try (Context ctx = new Context(); Socket push = ctx.socket(SocketType.PUSH)) {
                push.setSendTimeout(WAIT);
                push.setSendHighWaterMark(HWM);
                try (RawPeer raw = new RawPeer(push.bind("tcp://127.0.0.1:*")).handshake("PULL")) {
                    AtomicBoolean streamed = new AtomicBoolean();
                    CompletableFuture<Integer> pings = CompletableFuture.supplyAsync(() -> {
                        int sent = 0;
                        while (!streamed.get()) {
                            raw.write(RawPeer.ping(0));
                            sent++;
                            sleepMillis(1);
                        }
                        return sent;
                    });
                    CompletableFuture<Integer> pongs = CompletableFuture.supplyAsync(() -> {
                        int messages = 0;
                        int pongsRead = 0;
                        while (messages < MESSAGES) {
                            RawPeer.Frame frame = raw.readFrame();
                            if (frame.isCommand()) {
                                assertEquals("PONG", frame.commandName());
                                pongsRead++;
                            } else if ((frame.flags() & 0x01) == 0) {
                                messages++; // the last frame of a message
                            }
                        }
                        return pongsRead;
                    });
                    for (int i = 0; i < MESSAGES; i++) {
                        assertTrue(push.send(NumberedBodies.message(i)), "send " + i);
                    }
                    int pongsInStream = pongs.get(30, TimeUnit.SECONDS);
                    streamed.set(true);
                    int pingsSent = pings.get(30, TimeUnit.SECONDS);
                    for (int i = pongsInStream; i < pingsSent; i++) {
                        assertEquals("PONG", raw.readFrame().commandName(), "PONG " + i + " of " + pingsSent);
                    }
                    assertTrue(pingsSent > 0);
                }
            }
        });
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
