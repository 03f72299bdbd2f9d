package dev.zeno;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Issue 2, point 5: bad use fails at once, with an exception that names the input. */
class BadUseTest {
    private static <T extends Throwable> void fails(Class<T> type, Executable call, String... named) {
        T e = assertThrows(type, call);
        for (String text : named) {
            assertTrue(e.getMessage().contains(text), "'" + e.getMessage() + "' names " + text);
        }
    }

    @Test
    void operationsThePatternForbids() {
        try (Context ctx = new Context()) {
            Socket pub = ctx.socket(SocketType.PUB);
            Socket sub = ctx.socket(SocketType.SUB);
            Socket pull = ctx.socket(SocketType.PULL);
            Socket push = ctx.socket(SocketType.PUSH);
            fails(IllegalSocketStateException.class, pub::receive, "PUB", "receive");
            fails(IllegalSocketStateException.class, () -> sub.send("x"), "SUB", "send");
            fails(IllegalSocketStateException.class, () -> pull.send("x"), "PULL", "send");
            fails(IllegalSocketStateException.class, push::receive, "PUSH", "receive");
            fails(IllegalSocketStateException.class, () -> pub.subscribe("x"), "subscribe", "PUB");
            fails(IllegalSocketStateException.class, () -> ctx.socket(SocketType.REQ).subscribe("x"), "subscribe", "REQ");
            fails(IllegalSocketStateException.class, () -> push.unsubscribe("x"), "unsubscribe", "PUSH");
            fails(IllegalSocketStateException.class, () -> ctx.socket(SocketType.XPUB).subscribe("x"), "XPUB");
        }
    }

    @Test
    void optionsOutOfRangeOrForAnotherType() {
        try (Context ctx = new Context(); Socket dealer = ctx.socket(SocketType.DEALER)) {
            fails(InvalidOptionException.class, () -> dealer.setSendHighWaterMark(-1), "send high-water mark", "-1");
            fails(InvalidOptionException.class, () -> dealer.setReceiveHighWaterMark(-5), "receive high-water mark", "-5");
            fails(InvalidOptionException.class, () -> dealer.setIdentity(new byte[0]), "identity");
            fails(InvalidOptionException.class, () -> dealer.setIdentity(new byte[] {0, 1}), "identity", "zero");
            fails(InvalidOptionException.class, () -> dealer.setHeartbeatInterval(Duration.ofMillis(-1)), "heartbeat interval");
            fails(InvalidOptionException.class, () -> dealer.setMaxMessageSize(-2), "maximum message size", "-2");
            fails(InvalidOptionException.class, () -> dealer.setRouterMandatory(true), "routerMandatory", "DEALER");
            fails(InvalidOptionException.class, () -> dealer.setXpubVerbose(true), "xpubVerbose", "DEALER");
            fails(InvalidOptionException.class, () -> new Context(0), "ioThreads", "0");
        }
    }

    @Test
    void aSocketClosedByAnotherThreadRefusesEvenWhenItsPipesAreReady() throws Exception {
        try (Context ctx = new Context()) {
            Socket pull = ctx.socket(SocketType.PULL);
            Socket push = ctx.socket(SocketType.PUSH);
            pull.bind("inproc://ready");
            push.connect("inproc://ready");
            assertTrue(push.send("before"));
            assertTrue(push.send("queued"));
            assertEquals("before", pull.receiveString()); // both have done an operation since attaching
            Thread closer = new Thread(() -> {
                push.close();
                pull.close();
            });
            closer.start();
            closer.join();
            // the pipe has room and a message is queued: only the close stops these
            fails(SocketClosedException.class, () -> push.send("after"), "PUSH", "closed");
            fails(SocketClosedException.class, pull::receiveString, "PULL", "closed");
        }
    }

    @Test
    void everyOperationOnAClosedSocket() {
        try (Context ctx = new Context()) {
            Socket push = ctx.socket(SocketType.PUSH);
            Socket sub = ctx.socket(SocketType.SUB);
            push.close();
            sub.close();
            push.close(); // idempotent
            fails(SocketClosedException.class, () -> push.send("x"), "PUSH", "closed");
            fails(SocketClosedException.class, () -> push.sendMore("x"), "PUSH", "closed");
            fails(SocketClosedException.class, () -> push.bind("inproc://closed"), "PUSH", "closed");
            fails(SocketClosedException.class, () -> push.connect("inproc://closed"), "PUSH", "closed");
            fails(SocketClosedException.class, sub::receive, "SUB", "closed");
            fails(SocketClosedException.class, () -> sub.subscribe("x"), "SUB", "closed");
        }
        Context closed = new Context();
        closed.close();
        fails(SocketClosedException.class, () -> closed.socket(SocketType.PAIR), "context", "PAIR");
    }
}
