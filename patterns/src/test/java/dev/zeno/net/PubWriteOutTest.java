package dev.zeno.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.Context;
import dev.zeno.Message;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A PUB that finds a subscriber's pipe full writes it out on its own thread before it drops
 * (see {@code Distributor}): with small high-water marks and a publisher that never pauses,
 * that path runs all the time. What subscribers get must still be whole messages in order,
 * and subscribers that go away mid-stream must not disturb the publisher or the others.
 */
class PubWriteOutTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int COUNT = 200_000;

    /** A subscriber thread that checks each message: two frames, numbered in increasing order. */
    private static CompletableFuture<Long> checkingSubscriber(Socket sub) {
        CompletableFuture<Long> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                long received = 0;
                long last = -1;
                Message message;
                while ((message = sub.receive()) != null) {
                    assertEquals(2, message.size(), "a whole message");
                    long number = ByteBuffer.wrap(message.frame(1)).getLong();
                    assertTrue(number > last, "in order: " + number + " after " + last);
                    last = number;
                    received++;
                    if (number == COUNT - 1) {
                        break;
                    }
                }
                result.complete(received);
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "checking-sub");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    private static Message numbered(long number) {
        return new Message("D".getBytes(), ByteBuffer.allocate(64).putLong(0, number).array());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void subscribersGetWholeMessagesInOrderWhileThePublisherWritesOut(String transport) throws Exception {
        String endpoint = Endpoints.fresh(transport);
        try (Context ctx = new Context(); Socket pub = ctx.socket(SocketType.PUB)) {
            pub.setSendHighWaterMark(16);
            pub.bind(endpoint);
            List<CompletableFuture<Long>> results = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Socket sub = ctx.socket(SocketType.SUB);
                sub.setReceiveHighWaterMark(16);
                sub.setReceiveTimeout(Duration.ofSeconds(2));
                sub.subscribe("D");
                sub.connect(endpoint);
                results.add(checkingSubscriber(sub));
            }
            Thread.sleep(200); // the subscriptions arrive
            for (long n = 0; n < COUNT; n++) {
                assertTrue(pub.send(numbered(n)));
            }
            for (int i = 0; i < 200; i++) { // the last one, until every subscriber has it
                assertTrue(pub.send(numbered(COUNT - 1)));
                Thread.sleep(5);
                if (results.stream().allMatch(CompletableFuture::isDone)) {
                    break;
                }
            }
            for (CompletableFuture<Long> result : results) {
                assertTrue(result.get(WAIT.toMillis(), TimeUnit.MILLISECONDS) > 0);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void subscribersLeavingMidStreamDoNotDisturbThePublisher(String transport) throws Exception {
        String endpoint = Endpoints.fresh(transport);
        try (Context pubContext = new Context(); Socket pub = pubContext.socket(SocketType.PUB);
             Context subContext = new Context()) {
            pub.setSendHighWaterMark(16);
            pub.bind(endpoint);
            List<Socket> leaving = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Socket sub = subContext.socket(SocketType.SUB);
                sub.setReceiveHighWaterMark(16);
                sub.subscribe("D");
                sub.connect(endpoint);
                leaving.add(sub); // never read: their pipes and buffers fill, then they close
            }
            Socket staying = subContext.socket(SocketType.SUB);
            staying.setReceiveHighWaterMark(16);
            staying.setReceiveTimeout(Duration.ofSeconds(2));
            staying.subscribe("D");
            staying.connect(endpoint);
            CompletableFuture<Long> result = checkingSubscriber(staying);
            Thread.sleep(200);
            for (long n = 0; n < COUNT; n++) {
                assertTrue(pub.send(numbered(n)));
                if (n % (COUNT / 4) == COUNT / 8 && !leaving.isEmpty()) { // at 1/8, 3/8 and 5/8
                    leaving.remove(0).close(); // a connection goes away under the publisher
                }
            }
            assertTrue(leaving.isEmpty());
            for (int i = 0; i < 200 && !result.isDone(); i++) {
                assertTrue(pub.send(numbered(COUNT - 1)));
                Thread.sleep(5);
            }
            assertTrue(result.get(WAIT.toMillis(), TimeUnit.MILLISECONDS) > 0);
        }
    }
}
