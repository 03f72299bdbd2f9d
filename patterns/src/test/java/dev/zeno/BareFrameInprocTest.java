package dev.zeno;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.transport.Msg;
import dev.zeno.transport.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A single-frame message sent with send(byte[]) travels bare (no Msg around it) on PUSH, PULL,
 * DEALER and PAIR, and every other reader still sees an ordinary message.
 */
class BareFrameInprocTest {
    private final InprocSockets sockets = new InprocSockets();

    @AfterEach
    void closeSockets() {
        sockets.close();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void pipeKeepsBareFramesAndMessagesInOrder() {
        Pipe pipe = new Pipe(10);
        byte[] bare = bytes("bare");
        Msg whole = Msg.of(bytes("a"), bytes("b"));
        assertTrue(pipe.writeFrame(bare));
        assertTrue(pipe.write(whole));
        assertTrue(pipe.writeFrame(bytes("wrapped on read")));
        pipe.flush();

        assertSame(bare, pipe.readElement(), "a bare frame comes out as written");
        assertSame(whole, pipe.readElement());
        Msg wrapped = pipe.read();
        assertEquals(1, wrapped.frameCount());
        assertArrayEquals(bytes("wrapped on read"), wrapped.first());
        assertNull(pipe.readElement());
    }

    @Test
    void bareFramesCountAgainstTheHighWaterMark() {
        Pipe pipe = new Pipe(2);
        assertTrue(pipe.writeFrame(bytes("1")));
        assertTrue(pipe.writeFrame(bytes("2")));
        assertTrue(!pipe.writeFrame(bytes("3")), "the third frame is over the mark");
    }

    @Test
    void pushToPullHandsOverTheSameArray() {
        Socket pull = sockets.bound(SocketType.PULL, "inproc://bare-push");
        Socket push = sockets.connected(SocketType.PUSH, "inproc://bare-push");
        byte[] frame = bytes("no copy, no wrapper");
        assertTrue(push.send(frame));
        assertSame(frame, pull.receiveBytes());
    }

    @Test
    void bareAndMultipartMessagesInterleaveOnOnePipe() {
        Socket pull = sockets.bound(SocketType.PULL, "inproc://bare-mixed");
        Socket push = sockets.connected(SocketType.PUSH, "inproc://bare-mixed");
        push.send("one");
        push.sendMore("two-a");
        push.send("two-b");
        push.send("three");

        assertEquals("one", pull.receiveString());
        assertEquals("two-a", pull.receiveString());
        assertTrue(pull.hasReceiveMore());
        assertEquals("two-b", pull.receiveString());
        assertEquals(List.of("three"), pull.receive().toStrings(), "the Message API wraps a bare frame");
    }

    @Test
    void dealerBareFrameReachesRouterWithItsIdentity() {
        Socket router = sockets.bound(SocketType.ROUTER, "inproc://bare-router");
        Socket dealer = sockets.open(SocketType.DEALER);
        dealer.setIdentity(bytes("D1"));
        dealer.connect("inproc://bare-router");

        assertTrue(dealer.send(bytes("hello")));
        assertEquals(List.of("D1", "hello"), router.receive().toStrings());
        router.sendMore(bytes("D1"));
        router.send(bytes("world"));
        assertEquals("world", dealer.receiveString());
        assertTrue(!dealer.hasReceiveMore());
    }

    @Test
    void pairPassesBareFramesBothWays() {
        Socket left = sockets.bound(SocketType.PAIR, "inproc://bare-pair");
        Socket right = sockets.connected(SocketType.PAIR, "inproc://bare-pair");
        byte[] ping = bytes("ping");
        assertTrue(left.send(ping));
        assertSame(ping, right.receiveBytes());
        assertTrue(right.send(bytes("pong")));
        assertEquals(List.of("pong"), left.receive().toStrings());
    }

    @Test
    void publisherFansABareFrameOutToMatchingSubscribersOnly() {
        Socket pub = sockets.bound(SocketType.PUB, "inproc://bare-pub");
        Socket weather = sockets.connected(SocketType.SUB, "inproc://bare-pub");
        Socket news = sockets.connected(SocketType.SUB, "inproc://bare-pub");
        weather.subscribe("W");
        news.subscribe("N");
        byte[] update = bytes("W 21C");
        pub.send(bytes("N first")); // subscriptions are read before the fan-out: no slow joiner inproc
        pub.send(update);
        pub.sendMore("W");
        pub.send("multipart");

        assertEquals("N first", news.receiveString());
        assertSame(update, weather.receiveBytes(), "each subscriber gets the same array, unwrapped");
        assertEquals(List.of("W", "multipart"), weather.receive().toStrings());
    }

    @Test
    void bareFrameGoesOutOverTcpAsAnOrdinaryFrame() {
        Socket pull = sockets.open(SocketType.PULL);
        Socket push = sockets.connected(SocketType.PUSH, pull.bind("tcp://127.0.0.1:*"));
        for (int i = 0; i < 100; i++) {
            assertTrue(push.send(bytes("tcp-" + i)));
        }
        for (int i = 0; i < 100; i++) {
            assertEquals("tcp-" + i, pull.receiveString());
        }
    }
}
