package dev.zeno.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.transport.Msg;
import dev.zeno.transport.TransportContext;
import dev.zeno.transport.engine.IoThreadPool;
import dev.zeno.transport.tcp.TcpTransport;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A PUB that finds a subscriber's pipe full writes it out on its own thread before it drops
 * (PublisherBase's Distributor): shown here with the publisher's only I/O thread held busy,
 * so that nothing but the publisher's own thread can put a message on the wire.
 */
class PubWriteOutOnOwnThreadTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final IoThreadPool publisherThreads = new IoThreadPool(1);
    private final TransportContext publisherTransports = new TransportContext(1);
    private final TransportContext subscriberTransports = new TransportContext(1);
    private final CountDownLatch releaseIoThread = new CountDownLatch(1);

    @AfterEach
    void shutDown() {
        releaseIoThread.countDown();
        publisherTransports.shutdown();
        subscriberTransports.shutdown();
    }

    @Test
    void aFullPipeGoesOutOnThePublishersThreadWhileItsIoThreadIsBusy() throws Exception {
        publisherTransports.register(new TcpTransport(publisherThreads)); // its one I/O thread is ours to hold
        PubSocket pub = new PubSocket(publisherTransports);
        pub.options().sendHighWaterMark = 16;
        SubSocket sub = new SubSocket(subscriberTransports);
        sub.subscribe(new byte[0]);
        sub.connect(pub.bind("tcp://127.0.0.1:0"));
        long probe = 0;
        Msg received = null;
        while (received == null && probe < 1000) { // until the subscription is in: the connection is up
            assertTrue(pub.send(numbered(probe++), 0));
            received = sub.receive(10_000_000);
        }
        assertTrue(received != null, "the subscriber is connected");
        while (sub.receive(100_000_000) != null) {
            // the rest of the probes: the publisher's output is idle from here on
        }

        CountDownLatch ioThreadHeld = new CountDownLatch(1);
        publisherThreads.next().execute(() -> {
            ioThreadHeld.countDown();
            awaitQuietly(releaseIoThread);
        });
        assertTrue(ioThreadHeld.await(5, TimeUnit.SECONDS));
        long first = 1_000_000;
        for (long n = first; n < first + 1000; n++) {
            assertTrue(pub.send(numbered(n), 0), "a PUB never blocks: it drops");
        }

        long last = -1;
        int whileHeld = 0;
        Msg message;
        while ((message = sub.receive(SECOND)) != null) {
            assertEquals(2, message.frameCount(), "whole messages");
            long number = ByteBuffer.wrap(message.frame(1)).getLong();
            assertTrue(number >= first && number > last, "new messages, in order: " + number + " after " + last);
            last = number;
            whileHeld++;
        }
        releaseIoThread.countDown();
        // with the I/O thread held only the publisher's own thread can write; more than the
        // pipe's 16 means it wrote the pipe out more than once
        assertTrue(whileHeld > 16, "written out by the publisher: " + whileHeld);
        sub.close();
        pub.close();
    }

    private static Msg numbered(long number) {
        return Msg.of("D".getBytes(), ByteBuffer.allocate(8).putLong(0, number).array());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
