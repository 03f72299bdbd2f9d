package dev.zeno;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.transport.Msg;
import dev.zeno.transport.Peer;
import dev.zeno.transport.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PubSubInprocTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private static Socket sub(Context ctx, String endpoint, String... topics) {
        Socket sub = ctx.socket(SocketType.SUB);
        sub.setReceiveTimeout(WAIT);
        sub.connect(endpoint);
        for (String topic : topics) {
            sub.subscribe(topic);
        }
        return sub;
    }

    /** Everything queued for {@code sub} now (inproc delivers synchronously). */
    private static List<String> drain(Socket sub) {
        sub.setReceiveTimeout(Duration.ZERO);
        List<String> got = new ArrayList<>();
        String text;
        while ((text = sub.receiveString()) != null) {
            got.add(text);
        }
        sub.setReceiveTimeout(WAIT);
        return got;
    }

    @Test
    void eachSubscriberGetsWhatMatchesItsPrefixes() {
        try (Context ctx = new Context(); Socket pub = ctx.socket(SocketType.PUB)) {
            pub.bind("inproc://weather");
            Socket a = sub(ctx, "inproc://weather", "A");
            Socket ab = sub(ctx, "inproc://weather", "AB", "C");
            Socket all = sub(ctx, "inproc://weather", "");
            Socket overlapping = sub(ctx, "inproc://weather", "A", "AB");
            for (String text : new String[] {"A1", "AB1", "B1", "C1", "ABC", "X"}) {
                assertTrue(pub.send(text));
            }
            assertEquals(List.of("A1", "AB1", "ABC"), drain(a));
            assertEquals(List.of("AB1", "C1", "ABC"), drain(ab));
            assertEquals(List.of("A1", "AB1", "B1", "C1", "ABC", "X"), drain(all));
            assertEquals(List.of("A1", "AB1", "ABC"), drain(overlapping), "once each, though two filters match");
        }
    }

    @Test
    void subscribingBeforeConnectingWorks() {
        try (Context ctx = new Context(); Socket pub = ctx.socket(SocketType.PUB)) {
            Socket sub = ctx.socket(SocketType.SUB);
            sub.setReceiveTimeout(WAIT);
            sub.subscribe("T");
            pub.bind("inproc://early-sub");
            sub.connect("inproc://early-sub");
            pub.send("U: not for us");
            pub.send("T: for us");
            assertEquals("T: for us", sub.receiveString());
        }
    }

    @Test
    void subscriptionsReachAPublisherThatConnectsLater() {
        try (Context ctx = new Context(); Socket pub = ctx.socket(SocketType.PUB)) {
            Socket sub = ctx.socket(SocketType.SUB);
            sub.setReceiveTimeout(Duration.ofMillis(20));
            sub.subscribe("T");
            sub.bind("inproc://sub-binds");
            pub.connect("inproc://sub-binds");
            String got = null;
            for (int attempt = 0; attempt < 250 && got == null; attempt++) {
                pub.send("U: not for us");
                pub.send("T: for us");
                got = sub.receiveString(); // the SUB's attach, and so its subscriptions, are async
            }
            assertEquals("T: for us", got);
        }
    }

    @Test
    void unsubscribingOneOfTwoIdenticalFiltersKeepsTheOther() {
        try (Context ctx = new Context(); Socket pub = ctx.socket(SocketType.PUB)) {
            pub.bind("inproc://twice");
            Socket sub = sub(ctx, "inproc://twice", "A", "A");
            sub.unsubscribe("A");
            pub.send("A1");
            assertEquals(List.of("A1"), drain(sub));
            sub.unsubscribe("A");
            pub.send("A2");
            assertEquals(List.of(), drain(sub));
        }
    }

    @Test
    void aSlowSubscriberAtItsHighWaterMarkLosesMessagesButThePublisherNeverBlocks() {
        try (Context ctx = new Context(); Socket pub = ctx.socket(SocketType.PUB)) {
            pub.setSendHighWaterMark(2);
            pub.setSendTimeout(Duration.ZERO); // a send that had to wait would return false
            pub.bind("inproc://slow");
            Socket slow = ctx.socket(SocketType.SUB);
            slow.setReceiveHighWaterMark(3);
            slow.connect("inproc://slow");
            slow.subscribe("");
            Socket fast1 = ctx.socket(SocketType.SUB);
            fast1.setReceiveHighWaterMark(0);
            fast1.connect("inproc://slow");
            fast1.subscribe("");
            Socket fast2 = ctx.socket(SocketType.SUB);
            fast2.setReceiveHighWaterMark(0);
            fast2.connect("inproc://slow");
            fast2.subscribe("m");
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                sent.add("m" + i);
                assertTrue(pub.send("m" + i), "the publisher never waits");
            }
            assertEquals(sent, drain(fast1));
            assertEquals(sent, drain(fast2));
            List<String> slowGot = drain(slow);
            assertTrue(!slowGot.isEmpty() && slowGot.size() < 100, "the slow one lost some: " + slowGot.size());
            assertEquals(sent.subList(0, slowGot.size()), slowGot, "it got the first ones, then missed the rest");
            pub.send("after");
            assertEquals(List.of("after"), drain(slow), "once drained it receives again");
        }
    }

    @Test
    void thePublisherFiltersSoUnwantedTrafficDoesNotFillASubscribersPipe() {
        try (Context ctx = new Context(); Socket pub = ctx.socket(SocketType.PUB)) {
            pub.setSendHighWaterMark(1);
            pub.bind("inproc://pub-filters");
            Socket sub = ctx.socket(SocketType.SUB);
            sub.setReceiveHighWaterMark(1);
            sub.connect("inproc://pub-filters");
            sub.subscribe("wanted");
            for (int i = 0; i < 50; i++) {
                pub.send("unwanted " + i);
            }
            pub.send("wanted");
            assertEquals(List.of("wanted"), drain(sub));
        }
    }

    @Test
    void aSubscriberOnAnotherThreadGetsEveryMatchingMessageInOrder() throws Exception {
        try (Context ctx = new Context(); Socket pub = ctx.socket(SocketType.PUB)) {
            pub.setSendHighWaterMark(0);
            pub.bind("inproc://threads");
            Socket sub = ctx.socket(SocketType.SUB);
            sub.setReceiveHighWaterMark(0);
            sub.setReceiveTimeout(WAIT);
            sub.connect("inproc://threads");
            sub.subscribe("even");
            int count = 50_000;
            List<String> got = new ArrayList<>();
            Thread subscriber = new Thread(() -> {
                String text;
                while (got.size() < count / 2 && (text = sub.receiveString()) != null) {
                    got.add(text);
                }
            });
            subscriber.start();
            for (int i = 0; i < count; i++) {
                pub.send((i % 2 == 0 ? "even " : "odd ") + i);
            }
            subscriber.join(30_000);
            assertEquals(count / 2, got.size());
            for (int i = 0; i < count / 2; i++) {
                assertEquals("even " + (2 * i), got.get(i));
            }
        }
    }

    @Test
    void multipartMessagesArriveWhole() {
        try (Context ctx = new Context(); Socket pub = ctx.socket(SocketType.PUB)) {
            pub.bind("inproc://pub-parts");
            Socket sub = sub(ctx, "inproc://pub-parts", "topic");
            pub.sendMore("other");
            pub.send("ignored");
            pub.sendMore("topic");
            pub.sendMore("");
            pub.send("body");
            assertEquals(List.of("topic", "", "body"), sub.receive().toStrings());
            sub.setReceiveTimeout(Duration.ZERO);
            assertNull(sub.receive());
        }
    }

    @Test
    void subscriptionsAreSentAgainAfterAReconnect() {
        try (Context ctx = new Context()) {
            Socket sub = ctx.socket(SocketType.SUB);
            sub.setReceiveTimeout(Duration.ZERO);
            sub.subscribe("A");
            sub.subscribe("B");
            sub.subscribe("B");
            Pipe fromSub = new Pipe(0);
            Pipe toSub = new Pipe(0);
            Peer peer = new Peer(toSub, fromSub, "tcp://engine:1", true);
            sub.base().attach(peer);
            sub.receive(); // handles the attach
            assertEquals(List.of("\u0001A", "\u0001B"), readAll(fromSub), "one subscribe per topic on attach");
            sub.base().reconnected(peer);
            sub.receive();
            assertEquals(List.of("\u0001A", "\u0001B"), readAll(fromSub), "and again after the reconnect");
            sub.unsubscribe("B");
            assertEquals(List.of(), readAll(fromSub), "B is still held once");
            sub.unsubscribe("B");
            assertEquals(List.of("\u0000B"), readAll(fromSub));
        }
    }

    private static List<String> readAll(Pipe pipe) {
        List<String> texts = new ArrayList<>();
        Msg msg;
        while ((msg = pipe.read()) != null) {
            assertEquals(1, msg.frameCount());
            texts.add(new String(msg.first(), StandardCharsets.ISO_8859_1));
        }
        return texts;
    }
}
