package dev.zeno;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PushPullInprocTest {
    @Test
    void connectBeforeBindQueuesAndDelivers() {
        try (Context ctx = new Context();
             Socket push = ctx.socket(SocketType.PUSH);
             Socket pull = ctx.socket(SocketType.PULL)) {
            push.connect("inproc://pipeline");
            assertTrue(push.send("early"));
            pull.bind("inproc://pipeline");
            pull.setReceiveTimeout(Duration.ofSeconds(5));
            assertEquals("early", pull.receiveString());
        }
    }

    /** As in libzmq: unbinding an inproc name frees the name; peers already connected stay. */
    @Test
    void unbindKeepsPeersAlreadyConnectedButRefusesNewOnes() {
        try (Context ctx = new Context();
             Socket push = ctx.socket(SocketType.PUSH);
             Socket late = ctx.socket(SocketType.PUSH);
             Socket pull = ctx.socket(SocketType.PULL)) {
            pull.setReceiveTimeout(Duration.ofSeconds(5));
            pull.bind("inproc://unbound");
            push.connect("inproc://unbound");
            assertTrue(push.send("before"));
            assertEquals("before", pull.receiveString());
            pull.unbind("inproc://unbound");
            assertTrue(push.send("after"));
            assertEquals("after", pull.receiveString());
            late.connect("inproc://unbound"); // waits for a bind that does not come
            assertTrue(late.send("late"));
            pull.setReceiveTimeout(Duration.ofMillis(300));
            assertNull(pull.receiveString(), "a peer connected after unbind");
        }
    }

    @Test
    void multipartArrivesWhole() {
        try (Context ctx = new Context();
             Socket push = ctx.socket(SocketType.PUSH);
             Socket pull = ctx.socket(SocketType.PULL)) {
            pull.bind("inproc://parts");
            push.connect("inproc://parts");
            push.sendMore("a");
            push.sendMore("b");
            push.send("c");
            Message message = pull.receive();
            assertEquals(java.util.List.of("a", "b", "c"), message.toStrings());
        }
    }

    @Test
    void blocksAtHighWaterMarkThenTimesOut() {
        try (Context ctx = new Context();
             Socket push = ctx.socket(SocketType.PUSH);
             Socket pull = ctx.socket(SocketType.PULL)) {
            push.setSendHighWaterMark(3);
            pull.setReceiveHighWaterMark(2);
            pull.bind("inproc://hwm");
            push.connect("inproc://hwm");
            push.setSendTimeout(Duration.ofMillis(100));
            for (int i = 0; i < 5; i++) {
                assertTrue(push.send("m" + i), "message " + i + " fits within 3 + 2");
            }
            assertFalse(push.send("overflow"));
            assertEquals("m0", pull.receiveString());
            assertTrue(push.send("fits again"));
        }
    }

    @Test
    void roundRobinsAcrossPullers() {
        try (Context ctx = new Context();
             Socket push = ctx.socket(SocketType.PUSH);
             Socket a = ctx.socket(SocketType.PULL);
             Socket b = ctx.socket(SocketType.PULL)) {
            push.bind("inproc://rr");
            a.connect("inproc://rr");
            b.connect("inproc://rr");
            a.setReceiveTimeout(Duration.ofSeconds(2));
            b.setReceiveTimeout(Duration.ofSeconds(2));
            for (int i = 0; i < 4; i++) {
                push.send("m" + i);
            }
            Set<String> got = new HashSet<>();
            got.add(a.receiveString());
            got.add(a.receiveString());
            got.add(b.receiveString());
            got.add(b.receiveString());
            assertEquals(Set.of("m0", "m1", "m2", "m3"), got);
            a.setReceiveTimeout(Duration.ZERO);
            assertNull(a.receiveString());
        }
    }

    @Test
    void blockingReceiveWakesOnSendFromOtherThread() throws Exception {
        try (Context ctx = new Context();
             Socket push = ctx.socket(SocketType.PUSH);
             Socket pull = ctx.socket(SocketType.PULL)) {
            pull.bind("inproc://wake");
            push.connect("inproc://wake");
            Thread sender = new Thread(() -> {
                for (int i = 0; i < 100_000; i++) {
                    push.send(Integer.toString(i));
                }
            });
            sender.start();
            for (int i = 0; i < 100_000; i++) {
                assertEquals(Integer.toString(i), pull.receiveString());
            }
            sender.join();
        }
    }

    @Test
    void closeReleasesBlockedReceiver() throws Exception {
        Context ctx = new Context();
        Socket pull = ctx.socket(SocketType.PULL);
        pull.bind("inproc://blocked");
        Throwable[] thrown = new Throwable[1];
        Thread receiver = new Thread(() -> {
            try {
                pull.receive();
            } catch (Throwable t) {
                thrown[0] = t;
            }
        });
        receiver.start();
        Thread.sleep(100);
        ctx.close();
        receiver.join(5000);
        assertFalse(receiver.isAlive());
        assertTrue(thrown[0] instanceof SocketClosedException, String.valueOf(thrown[0]));
    }

    @Test
    void badEndpointsNameTheInput() {
        try (Context ctx = new Context(); Socket push = ctx.socket(SocketType.PUSH)) {
            InvalidEndpointException e = assertThrows(InvalidEndpointException.class, () -> push.bind("nonsense"));
            assertTrue(e.getMessage().contains("nonsense"));
            e = assertThrows(InvalidEndpointException.class, () -> push.connect("carrier-pigeon://x"));
            assertTrue(e.getMessage().contains("carrier-pigeon"));
            push.bind("inproc://taken");
            try (Socket other = ctx.socket(SocketType.PULL)) {
                assertThrows(AddressInUseException.class, () -> other.bind("inproc://taken"));
            }
            assertThrows(IllegalSocketStateException.class, push::receive);
        }
    }
}
