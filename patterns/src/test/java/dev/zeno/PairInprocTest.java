package dev.zeno;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairInprocTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private static Socket open(Context ctx, SocketType type) {
        Socket socket = ctx.socket(type);
        socket.setReceiveTimeout(WAIT);
        socket.setSendTimeout(WAIT);
        return socket;
    }

    @Test
    void messagesFlowBothWaysWhole() {
        try (Context ctx = new Context()) {
            Socket left = open(ctx, SocketType.PAIR);
            Socket right = open(ctx, SocketType.PAIR);
            left.bind("inproc://pair");
            right.connect("inproc://pair");
            left.send("ping");
            assertEquals("ping", right.receiveString());
            right.sendMore("p");
            right.sendMore("o");
            right.send("ng");
            assertEquals(List.of("p", "o", "ng"), left.receive().toStrings());
        }
    }

    @Test
    void aSecondPeerIsRefused() {
        try (Context ctx = new Context()) {
            Socket owner = open(ctx, SocketType.PAIR);
            Socket first = open(ctx, SocketType.PAIR);
            Socket intruder = open(ctx, SocketType.PAIR);
            owner.bind("inproc://exclusive");
            first.connect("inproc://exclusive");
            intruder.connect("inproc://exclusive");
            first.send("from first");
            intruder.send("from intruder"); // queued before the owner saw the intruder
            assertEquals("from first", owner.receiveString());
            owner.setReceiveTimeout(Duration.ZERO);
            assertNull(owner.receive(), "the intruder's message never reaches the owner");
            intruder.setSendTimeout(Duration.ofMillis(50));
            assertFalse(intruder.send("again"), "the refused side has no peer");
            owner.send("to first");
            assertEquals("to first", first.receiveString());
        }
    }

    @Test
    void sendWaitsForAPeer() {
        try (Context ctx = new Context()) {
            Socket lonely = open(ctx, SocketType.PAIR);
            lonely.bind("inproc://lonely");
            lonely.setSendTimeout(Duration.ofMillis(20));
            assertFalse(lonely.send("nobody"));
            Socket peer = open(ctx, SocketType.PAIR);
            peer.connect("inproc://lonely");
            assertTrue(lonely.send("somebody"));
            assertEquals("somebody", peer.receiveString());
        }
    }

    @Test
    void aNewPeerIsAcceptedAfterTheFirstHasGone() {
        try (Context ctx = new Context()) {
            Socket owner = open(ctx, SocketType.PAIR);
            owner.bind("inproc://successor");
            Socket first = open(ctx, SocketType.PAIR);
            first.connect("inproc://successor");
            first.send("bye");
            assertEquals("bye", owner.receiveString());
            first.close();
            Socket second = open(ctx, SocketType.PAIR);
            second.connect("inproc://successor");
            second.send("hello");
            assertEquals("hello", owner.receiveString());
            owner.send("welcome");
            assertEquals("welcome", second.receiveString());
        }
    }
}
