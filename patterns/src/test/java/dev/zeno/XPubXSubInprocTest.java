package dev.zeno;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class XPubXSubInprocTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private static byte[] subscription(int kind, String topic) {
        byte[] text = topic.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[text.length + 1];
        frame[0] = (byte) kind;
        System.arraycopy(text, 0, frame, 1, text.length);
        return frame;
    }

    /** Every message queued for {@code socket} now, each as its frames' text. */
    private static List<List<String>> drain(Socket socket) {
        socket.setReceiveTimeout(Duration.ZERO);
        List<List<String>> got = new ArrayList<>();
        Message message;
        while ((message = socket.receive()) != null) {
            got.add(message.toStrings());
        }
        socket.setReceiveTimeout(WAIT);
        return got;
    }

    private static List<String> one(String text) {
        return List.of(text);
    }

    private static Socket sub(Context ctx, String endpoint) {
        Socket sub = ctx.socket(SocketType.SUB);
        sub.setReceiveTimeout(WAIT);
        sub.connect(endpoint);
        return sub;
    }

    @Test
    void xpubReceivesEachNewTopicOnce() {
        try (Context ctx = new Context()) {
            Socket xpub = ctx.socket(SocketType.XPUB);
            xpub.setReceiveTimeout(WAIT);
            xpub.bind("inproc://xpub");
            Socket s1 = sub(ctx, "inproc://xpub");
            Socket s2 = sub(ctx, "inproc://xpub");
            s1.subscribe("A");
            s2.subscribe("A");
            s1.subscribe("A");
            s2.subscribe("B");
            assertArrayEquals(subscription(1, "A"), xpub.receiveBytes());
            assertArrayEquals(subscription(1, "B"), xpub.receiveBytes());
            assertEquals(List.of(), drain(xpub), "duplicates of A are not passed up");
        }
    }

    @Test
    void verboseXpubReceivesEverySubscription() {
        try (Context ctx = new Context()) {
            Socket xpub = ctx.socket(SocketType.XPUB);
            xpub.setXpubVerbose(true);
            xpub.bind("inproc://verbose");
            Socket s1 = sub(ctx, "inproc://verbose");
            Socket s2 = sub(ctx, "inproc://verbose");
            s1.subscribe("A");
            s2.subscribe("A");
            s1.unsubscribe("A");
            String a = "\u0001A";
            assertEquals(List.of(one(a), one(a)), drain(xpub), "verbose passes every subscribe, but a cancel only when no one holds the topic");
        }
    }

    @Test
    void xpubReceivesACancelWhenTheLastHolderUnsubscribesOrLeaves() {
        try (Context ctx = new Context()) {
            Socket xpub = ctx.socket(SocketType.XPUB);
            xpub.setReceiveTimeout(WAIT);
            xpub.bind("inproc://cancels");
            Socket s1 = sub(ctx, "inproc://cancels");
            Socket s2 = sub(ctx, "inproc://cancels");
            s1.subscribe("A");
            s2.subscribe("A");
            s1.subscribe("only-s1");
            assertEquals(List.of(one("\u0001A"), one("\u0001only-s1")), drain(xpub));
            s1.unsubscribe("A");
            assertEquals(List.of(), drain(xpub), "s2 still holds A");
            s1.close();
            assertArrayEquals(subscription(0, "only-s1"), xpub.receiveBytes(), "s1 left holding only-s1");
            s2.close();
            assertArrayEquals(subscription(0, "A"), xpub.receiveBytes(), "the last holder of A left");
            assertEquals(List.of(), drain(xpub));
        }
    }

    @Test
    void xpubFiltersAndSendsLikeAPub() {
        try (Context ctx = new Context()) {
            Socket xpub = ctx.socket(SocketType.XPUB);
            xpub.bind("inproc://xpub-sends");
            Socket sub = sub(ctx, "inproc://xpub-sends");
            sub.subscribe("A");
            xpub.send("B1");
            xpub.send(new Message("A1", "part"));
            assertEquals(List.of("A1", "part"), sub.receive().toStrings());
            assertEquals(List.of(), drain(sub));
        }
    }

    @Test
    void xsubSendsRawSubscriptionsAndOtherMessagesUpstream() {
        try (Context ctx = new Context()) {
            Socket xpub = ctx.socket(SocketType.XPUB);
            xpub.setReceiveTimeout(WAIT);
            xpub.bind("inproc://raw");
            Socket xsub = ctx.socket(SocketType.XSUB);
            xsub.setReceiveTimeout(WAIT);
            xsub.connect("inproc://raw");
            xsub.send(subscription(1, "A"));
            assertArrayEquals(subscription(1, "A"), xpub.receiveBytes());
            xpub.send("B1");
            xpub.send("A1");
            assertEquals("A1", xsub.receiveString(), "the XPUB filtered B1 out");
            xsub.send("not a subscription");
            assertEquals("not a subscription", xpub.receiveString());
            xsub.send(subscription(0, "A"));
            assertArrayEquals(subscription(0, "A"), xpub.receiveBytes());
            xpub.send("A2");
            assertEquals(List.of(), drain(xsub));
        }
    }

    @Test
    void xsubFiltersWhatItReceivesAndResendsItsSubscriptionsToNewPublishers() {
        try (Context ctx = new Context()) {
            Socket xsub = ctx.socket(SocketType.XSUB);
            xsub.setReceiveTimeout(WAIT);
            xsub.send(subscription(1, "A"));
            try (Socket pub = ctx.socket(SocketType.PUB)) {
                pub.bind("inproc://xsub-late");
                xsub.connect("inproc://xsub-late");
                pub.send("B1");
                pub.send("A1");
                assertEquals("A1", xsub.receiveString());
                assertEquals(List.of(), drain(xsub));
            }
        }
    }

    @Test
    void multipartThroughXpubAndXsub() {
        try (Context ctx = new Context()) {
            Socket xpub = ctx.socket(SocketType.XPUB);
            xpub.bind("inproc://x-parts");
            Socket xsub = ctx.socket(SocketType.XSUB);
            xsub.setReceiveTimeout(WAIT);
            xsub.connect("inproc://x-parts");
            xsub.send(subscription(1, ""));
            xpub.sendMore("t");
            xpub.sendMore("2");
            xpub.send("3");
            assertEquals(List.of("t", "2", "3"), xsub.receive().toStrings());
            xsub.sendMore("up");
            xsub.send("stream");
            xpub.setReceiveTimeout(WAIT);
            assertArrayEquals(subscription(1, ""), xpub.receiveBytes());
            assertEquals(List.of("up", "stream"), xpub.receive().toStrings());
            assertEquals(List.of(), drain(xpub));
        }
    }

    @Test
    void cancelForATopicNeverSubscribedIsNotPassedUpstream() {
        try (Context ctx = new Context()) {
            Socket xpub = ctx.socket(SocketType.XPUB);
            xpub.bind("inproc://no-cancel");
            Socket xsub = ctx.socket(SocketType.XSUB);
            xsub.connect("inproc://no-cancel");
            assertTrue(xsub.send(subscription(0, "never")));
            assertEquals(List.of(), drain(xpub));
        }
    }
}
