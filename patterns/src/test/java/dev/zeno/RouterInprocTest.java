package dev.zeno;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.socket.SocketBase;
import dev.zeno.transport.Msg;
import dev.zeno.transport.Peer;
import dev.zeno.transport.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RouterInprocTest {
    private final InprocSockets sockets = new InprocSockets();

    @AfterEach
    void closeSockets() {
        sockets.close();
    }

    private static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void announcedIdentityIsTheFirstFrameAndRoutesReplies() {
        Socket router = sockets.open(SocketType.ROUTER);
        Socket alice = sockets.open(SocketType.DEALER);
        Socket bob = sockets.open(SocketType.DEALER);
        alice.setIdentity("alice");
        bob.setIdentity("bob");
        router.bind("inproc://ids");
        alice.connect("inproc://ids");
        bob.connect("inproc://ids");
        alice.send(new Message("hi", "from alice"));
        assertEquals(List.of("alice", "hi", "from alice"), router.receive().toStrings());
        router.send(new Message("bob", "for", "bob"));
        router.send(new Message("alice", "for alice"));
        assertEquals(List.of("for", "bob"), bob.receive().toStrings());
        assertEquals(List.of("for alice"), alice.receive().toStrings());
    }

    @Test
    void peersWithoutIdentityGetDistinctGeneratedOnes() {
        Socket router = sockets.bound(SocketType.ROUTER, "inproc://anon");
        Socket first = sockets.connected(SocketType.DEALER, "inproc://anon");
        Socket second = sockets.connected(SocketType.DEALER, "inproc://anon");
        first.send("1");
        second.send("2");
        Message m1 = router.receive();
        Message m2 = router.receive();
        byte[] id1 = m1.frameString(1).equals("1") ? m1.first() : m2.first();
        byte[] id2 = m1.frameString(1).equals("1") ? m2.first() : m1.first();
        assertEquals(5, id1.length);
        assertEquals(0, id1[0]);
        assertEquals(5, id2.length);
        assertEquals(0, id2[0]);
        assertFalse(Arrays.equals(id1, id2));
        router.send(new Message(id2, b("to second")));
        router.send(new Message(id1, b("to first")));
        assertEquals("to first", first.receiveString());
        assertEquals("to second", second.receiveString());
    }

    @Test
    void aDuplicateIdentityGetsAGeneratedOne() {
        Socket router = sockets.open(SocketType.ROUTER);
        Socket first = sockets.open(SocketType.DEALER);
        Socket copycat = sockets.open(SocketType.DEALER);
        first.setIdentity("same");
        copycat.setIdentity("same");
        router.bind("inproc://dup");
        first.connect("inproc://dup");
        copycat.connect("inproc://dup");
        copycat.send("copycat");
        first.send("first");
        Message a = router.receive();
        Message b = router.receive();
        Message fromCopycat = a.frameString(1).equals("copycat") ? a : b;
        Message fromFirst = a == fromCopycat ? b : a;
        assertEquals("same", fromFirst.frameString(0));
        assertEquals(5, fromCopycat.first().length);
        assertEquals(0, fromCopycat.first()[0]);
        router.send(new Message("same", "for the first"));
        assertEquals("for the first", first.receiveString());
    }

    @Test
    void identityAnnouncedByALateBinderIsUsed() {
        Socket router = sockets.connected(SocketType.ROUTER, "inproc://late");
        Socket dealer = sockets.open(SocketType.DEALER);
        dealer.setIdentity("late-binder");
        dealer.bind("inproc://late");
        dealer.send("x");
        assertEquals(List.of("late-binder", "x"), router.receive().toStrings());
    }

    @Test
    void unknownIdentityIsDroppedSilently() {
        Socket router = sockets.open(SocketType.ROUTER);
        Socket dealer = sockets.open(SocketType.DEALER);
        dealer.setIdentity("known");
        router.bind("inproc://drop");
        dealer.connect("inproc://drop");
        assertTrue(router.send(new Message("unknown", "lost")));
        assertTrue(router.send(new Message("known", "kept")));
        assertEquals("kept", dealer.receiveString());
        dealer.setReceiveTimeout(Duration.ZERO);
        assertNull(dealer.receive());
    }

    @Test
    void mandatoryRoutingFailsNamingTheIdentity() {
        Socket router = sockets.open(SocketType.ROUTER);
        router.setRouterMandatory(true);
        router.bind("inproc://mandatory");
        UnroutableMessageException e = assertThrows(UnroutableMessageException.class,
                () -> router.send(new Message("nobody", "x")));
        assertTrue(e.getMessage().contains("'nobody'"), e.getMessage());
        e = assertThrows(UnroutableMessageException.class,
                () -> router.send(new Message(new byte[] {0, 1, 2, 3, 4}, b("x"))));
        assertTrue(e.getMessage().contains("0x0001020304"), e.getMessage());
    }

    @Test
    void atTheHighWaterMarkMandatoryWaitsAndDefaultDrops() {
        Socket router = sockets.open(SocketType.ROUTER);
        Socket dealer = sockets.open(SocketType.DEALER);
        router.setSendHighWaterMark(1);
        dealer.setReceiveHighWaterMark(1);
        dealer.setIdentity("d");
        dealer.bind("inproc://router-hwm");
        router.connect("inproc://router-hwm");
        router.setSendTimeout(Duration.ofMillis(50));
        assertTrue(router.send(new Message("d", "1")));
        assertTrue(router.send(new Message("d", "2")));
        assertTrue(router.send(new Message("d", "dropped")), "default: dropped, not waited for");
        router.setRouterMandatory(true);
        assertFalse(router.send(new Message("d", "3")), "mandatory: waits, then the timeout");
        assertEquals("1", dealer.receiveString());
        assertEquals("2", dealer.receiveString());
        assertTrue(router.send(new Message("d", "3")));
        assertEquals("3", dealer.receiveString());
    }

    @Test
    void aReconnectWithANewIdentityReKeysThePeer() {
        Socket router = sockets.open(SocketType.ROUTER);
        router.setRouterMandatory(true);
        SocketBase base = router.base();
        Pipe toRouter = new Pipe(0);
        Pipe fromRouter = new Pipe(0);
        Peer peer = new Peer(toRouter, fromRouter, "tcp://engine:1", true);
        peer.setRemoteSocketType("DEALER");
        peer.setRoutingId(b("old"));
        base.attach(peer);
        toRouter.send(Msg.ofString("hello"));
        assertEquals(List.of("old", "hello"), router.receive().toStrings());

        peer.setRoutingId(b("new"));
        base.reconnected(peer);
        router.send(new Message("new", "after reconnect"));
        assertArrayEquals(b("after reconnect"), fromRouter.read().first());
        assertThrows(UnroutableMessageException.class, () -> router.send(new Message("old", "x")));
        toRouter.send(Msg.ofString("again"));
        assertEquals(List.of("new", "again"), router.receive().toStrings());
    }

    @Test
    void multipartArrivesWholeBehindTheIdentity() {
        Socket router = sockets.open(SocketType.ROUTER);
        Socket dealer = sockets.open(SocketType.DEALER);
        dealer.setIdentity("d");
        router.bind("inproc://router-parts");
        dealer.connect("inproc://router-parts");
        dealer.sendMore("a");
        dealer.sendMore("");
        dealer.send("c");
        assertEquals(List.of("d", "a", "", "c"), router.receive().toStrings());
        router.sendMore("d");
        router.sendMore("x");
        router.send("y");
        assertEquals(List.of("x", "y"), dealer.receive().toStrings());
    }
}
