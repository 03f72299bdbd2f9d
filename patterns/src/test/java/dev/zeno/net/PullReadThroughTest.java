package dev.zeno.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zeno.Context;
import dev.zeno.Poller;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A PULL with one peer over tcp reads a steady stream off the connection itself (read-through),
 * and its I/O thread, finding it reading, stops watching the connection until the PULL stops
 * (see ZmtpEngine). A hand-driven PUSH streams to it. What must still hold: every message
 * arrives whole and in order, a PING among them is answered, and once the PULL stops receiving
 * its I/O thread reads again: a PING is answered, a poller and a non-blocking receive see the
 * messages that come later.
 */
class PullReadThroughTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final int MESSAGES = 200_000;
    private static final int CHUNK = 1_000;
    /** Rounds of streaming and stopping: see {@link #afterEachOfRounds}. */
    private static final int ROUNDS = 40;

    /** A multipart message every 7th: its number frame, then the body. */
    private static byte[] encoded(int i) {
        byte[] body = NumberedBodies.body(i);
        if (!NumberedBodies.isMultipart(i)) {
            return RawPeer.frame(0x00, body);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(RawPeer.frame(0x01, Integer.toString(i).getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(RawPeer.frame(0x00, body));
        return out.toByteArray();
    }

    /** Writes the stream in chunks, with a PING in front of every chunk if {@code pings}; returns the PINGs sent. */
    private static CompletableFuture<Integer> stream(RawPeer raw, int messages, boolean pings) {
        return CompletableFuture.supplyAsync(() -> {
            int sent = 0;
            for (int start = 0; start < messages; start += CHUNK) {
                ByteArrayOutputStream chunk = new ByteArrayOutputStream();
                if (pings) {
                    chunk.writeBytes(RawPeer.ping(0));
                    sent++;
                }
                for (int i = start; i < start + CHUNK; i++) {
                    chunk.writeBytes(encoded(i));
                }
                raw.write(chunk.toByteArray());
            }
            return sent;
        });
    }

    private static void receiveStream(Socket pull, int messages) {
        for (int i = 0; i < messages; i++) {
            NumberedBodies.assertMessage(pull.receive(), i);
        }
    }

    /** What a test does with the PULL and the hand-driven PUSH connected to it. */
    private interface Exchange {
        void run(Socket pull, RawPeer raw) throws Exception;
    }

    private static void withHandDrivenPush(Exchange exchange) {
        TimeLimit.within(LIMIT, () -> {
            try (Context ctx = new Context(); Socket pull = ctx.socket(SocketType.PULL)) {
                pull.setReceiveTimeout(Duration.ofSeconds(10));
                String endpoint = pull.bind("tcp://127.0.0.1:*");
                try (RawPeer raw = new RawPeer(endpoint).handshake("PUSH")) {
                    exchange.run(pull, raw);
                }
            }
        });
    }

    @Test
    void everyMessageOfAStreamArrivesWholeAndInOrderAndEveryPingIsAnswered() {
        withHandDrivenPush((pull, raw) -> {
            CompletableFuture<Integer> pings = stream(raw, MESSAGES, true);
            receiveStream(pull, MESSAGES);
            int sent = pings.get(30, TimeUnit.SECONDS);
            for (int i = 0; i < sent; i++) {
                assertEquals("PONG", raw.readFrame().commandName(), "PONG " + i + " of " + sent);
            }
        });
    }

    /**
     * The peer closes its connection while the PULL reads its stream itself: the end of the
     * stream goes back to the I/O thread, which closes the connection, and the next peer's
     * stream is read the same way.
     */
    @Test
    void aStreamFromTheNextPeerArrivesAfterTheFirstClosed() {
        TimeLimit.within(LIMIT, () -> {
            try (Context ctx = new Context(); Socket pull = ctx.socket(SocketType.PULL)) {
                pull.setReceiveTimeout(Duration.ofSeconds(10));
                String endpoint = pull.bind("tcp://127.0.0.1:*");
                for (int peer = 0; peer < 3; peer++) {
                    try (RawPeer raw = new RawPeer(endpoint).handshake("PUSH")) {
                        CompletableFuture<Integer> streamed = stream(raw, MESSAGES / 4, false);
                        receiveStream(pull, MESSAGES / 4);
                        streamed.get(30, TimeUnit.SECONDS);
                    }
                }
            }
        });
    }

    /** What a test checks once the PULL has received a stream and stopped. */
    private interface AfterStream {
        void check(Socket pull, RawPeer raw, int round) throws Exception;
    }

    /**
     * {@link #ROUNDS} times: streams to the PULL, which receives it all and stops, then runs
     * {@code check}. About one round in three ends with the I/O thread having left the reading
     * to the PULL, so some rounds test the hand-back.
     */
    private static void afterEachOfRounds(AfterStream check) {
        withHandDrivenPush((pull, raw) -> {
            for (int round = 0; round < ROUNDS; round++) {
                CompletableFuture<Integer> streamed = stream(raw, MESSAGES / ROUNDS, false);
                receiveStream(pull, MESSAGES / ROUNDS);
                streamed.get(30, TimeUnit.SECONDS);
                check.check(pull, raw, round);
            }
        });
    }

    /**
     * Nobody hands the input back: the I/O thread takes it back within milliseconds, so a
     * PING still gets its PONG (here within the raw peer's 10 s read timeout).
     */
    @Test
    void aPullThatStopsReceivingStillAnswersAPing() {
        afterEachOfRounds((pull, raw, round) -> {
            raw.write(RawPeer.ping(0));
            assertEquals("PONG", raw.readFrame().commandName(), "round " + round);
        });
    }

    @Test
    void aPollerSeesAMessageThatComesAfterAStream() {
        Poller poller = new Poller();
        afterEachOfRounds((pull, raw, round) -> {
            if (round == 0) {
                poller.register(pull, Poller.IN);
            }
            assertEquals(0, poller.poll(Duration.ZERO), "nothing more yet");
            raw.write(RawPeer.frame(0x00, ("later " + round).getBytes(StandardCharsets.UTF_8)));
            assertEquals(1, poller.poll(Duration.ofSeconds(10)), "round " + round);
            assertEquals("later " + round, pull.receiveString());
        });
    }

    @Test
    void aNonBlockingReceiveSeesAMessageThatComesAfterAStream() {
        afterEachOfRounds((pull, raw, round) -> {
            pull.setReceiveTimeout(Duration.ZERO);
            raw.write(RawPeer.frame(0x00, ("later " + round).getBytes(StandardCharsets.UTF_8)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            String received = null;
            while (received == null && System.nanoTime() < deadline) {
                received = pull.receiveString();
            }
            assertEquals("later " + round, received);
            pull.setReceiveTimeout(Duration.ofSeconds(10));
        });
    }
}
