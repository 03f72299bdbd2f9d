package dev.zeno;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PairInprocTest {
    private final InprocSockets sockets = new InprocSockets();

    @AfterEach
    void closeSockets() {
        sockets.close();
    }

    @Test
    void messagesFlowBothWaysWhole() {
        Socket left = sockets.bound(SocketType.PAIR, "inproc://pair");
        Socket right = sockets.connected(SocketType.PAIR, "inproc://pair");
        left.send("ping");
        assertEquals("ping", right.receiveString());
        right.sendMore("p");
        right.sendMore("o");
        right.send("ng");
        assertEquals(List.of("p", "o", "ng"), left.receive().toStrings());
    }

    @Test
    void aSecondPeerIsRefused() {
        Socket owner = sockets.bound(SocketType.PAIR, "inproc://exclusive");
        Socket first = sockets.connected(SocketType.PAIR, "inproc://exclusive");
        Socket intruder = sockets.connected(SocketType.PAIR, "inproc://exclusive");
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

    @Test
    void sendWaitsForAPeer() {
        Socket lonely = sockets.bound(SocketType.PAIR, "inproc://lonely");
        lonely.setSendTimeout(Duration.ofMillis(20));
        assertFalse(lonely.send("nobody"));
        Socket peer = sockets.connected(SocketType.PAIR, "inproc://lonely");
        assertTrue(lonely.send("somebody"));
        assertEquals("somebody", peer.receiveString());
    }

    @Test
    void aNewPeerIsAcceptedAfterTheFirstHasGone() {
        Socket owner = sockets.bound(SocketType.PAIR, "inproc://successor");
        Socket first = sockets.connected(SocketType.PAIR, "inproc://successor");
        first.send("bye");
        assertEquals("bye", owner.receiveString());
        first.close();
        Socket second = sockets.connected(SocketType.PAIR, "inproc://successor");
        second.send("hello");
        assertEquals("hello", owner.receiveString());
        owner.send("welcome");
        assertEquals("welcome", second.receiveString());
    }
}
