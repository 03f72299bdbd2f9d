package dev.zeno;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DealerInprocTest {
    private final InprocSockets sockets = new InprocSockets();

    @AfterEach
    void closeSockets() {
        sockets.close();
    }

    @Test
    void receivesFairlyFromPeersThatAreBothFull() {
        Socket dealer = sockets.bound(SocketType.DEALER, "inproc://fair");
        Socket a = sockets.connected(SocketType.DEALER, "inproc://fair");
        Socket b = sockets.connected(SocketType.DEALER, "inproc://fair");
        for (int i = 0; i < 5; i++) {
            a.send("a" + i);
        }
        for (int i = 0; i < 5; i++) {
            b.send("b" + i);
        }
        List<String> got = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            got.add(dealer.receiveString());
        }
        for (int i = 1; i < 10; i++) {
            assertNotEquals(got.get(i - 1).charAt(0), got.get(i).charAt(0), "interleaved, not one peer drained first: " + got);
        }
        assertEquals(List.of("a0", "a1", "a2", "a3", "a4"), got.stream().filter(s -> s.startsWith("a")).toList());
    }

    @Test
    void sendsRoundRobin() {
        Socket dealer = sockets.bound(SocketType.DEALER, "inproc://spread");
        List<Socket> peers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Socket peer = sockets.open(SocketType.DEALER);
            peer.setReceiveTimeout(Duration.ZERO);
            peer.connect("inproc://spread");
            peers.add(peer);
        }
        for (int i = 0; i < 6; i++) {
            dealer.send("m" + i);
        }
        for (Socket peer : peers) {
            assertTrue(peer.receiveString() != null && peer.receiveString() != null, "two each");
            assertNull(peer.receiveString(), "no more than two each");
        }
    }

    @Test
    void multipartPassesUntouchedBothWays() {
        Socket left = sockets.bound(SocketType.DEALER, "inproc://dealer-parts");
        Socket right = sockets.connected(SocketType.DEALER, "inproc://dealer-parts");
        left.send(new Message("", "x", "", "y"));
        assertEquals(List.of("", "x", "", "y"), right.receive().toStrings());
        right.sendMore("1");
        right.send("2");
        assertEquals(List.of("1", "2"), left.receive().toStrings());
    }

    @Test
    void waitsWhenThePeerIsAtItsHighWaterMark() {
        Socket dealer = sockets.open(SocketType.DEALER);
        Socket peer = sockets.open(SocketType.DEALER);
        dealer.setSendHighWaterMark(1);
        peer.setReceiveHighWaterMark(1);
        peer.bind("inproc://dealer-hwm");
        dealer.connect("inproc://dealer-hwm");
        dealer.setSendTimeout(Duration.ofMillis(50));
        assertTrue(dealer.send("1"));
        assertTrue(dealer.send("2"));
        assertFalse(dealer.send("3"));
        assertEquals("1", peer.receiveString());
        assertEquals("2", peer.receiveString());
    }

    @Test
    void messagesSentBeforeThePeerClosedAreStillReceived() {
        Socket dealer = sockets.bound(SocketType.DEALER, "inproc://dealer-gone");
        Socket peer = sockets.connected(SocketType.DEALER, "inproc://dealer-gone");
        peer.send("last words");
        peer.close();
        dealer.setSendTimeout(Duration.ZERO);
        assertFalse(dealer.send("nobody left"), "the peer is gone: nothing to send to");
        assertEquals("last words", dealer.receiveString());
    }
}
