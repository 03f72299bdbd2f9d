package dev.zeno.transport.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.transport.Endpoint;
import dev.zeno.transport.Peer;
import dev.zeno.transport.TransportContext;
import dev.zeno.transport.engine.StreamTransportTest.Owner;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Peer#writeQueuedNow()} over tcp: the socket's thread encodes and writes what the
 * outbound pipe holds, leaves a channel that cannot take more to the I/O thread, and the
 * I/O thread goes on afterwards as if it had written the messages itself.
 */
class WriteQueuedTest {
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private final TransportContext sending = new TransportContext(1);
    private final TransportContext receiving = new TransportContext(1);

    @AfterEach
    void tearDown() {
        sending.shutdown();
        receiving.shutdown();
    }

    /** A PUSH peer connected to a PULL peer in another context, with a probe through. */
    private Peer[] connectedPair(int receiveHighWaterMark) throws InterruptedException {
        Owner pull = new Owner("PULL");
        pull.options.receiveHighWaterMark = receiveHighWaterMark;
        Owner push = new Owner("PUSH");
        push.options.sendHighWaterMark = 0;
        Endpoint bind = Endpoint.parse("tcp://127.0.0.1:*");
        String endpoint = receiving.transportFor(bind).bind(bind, pull).resolvedEndpoint();
        Endpoint connect = Endpoint.parse(endpoint);
        sending.transportFor(connect).connect(connect, push);
        Peer pushSide = push.nextAttached();
        Peer pullSide = pull.nextAttached();
        assertTrue(pushSide.outbound().writeFrame(frame(-1)));
        pushSide.outbound().flush();
        assertArrayEquals(frame(-1), receive(pullSide), "the probe: the connection is in its data phase");
        return new Peer[] {pushSide, pullSide};
    }

    private static byte[] frame(int index) {
        return ByteBuffer.allocate(8).putInt(index).putInt(~index).array();
    }

    private static byte[] receive(Peer peer) {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (System.nanoTime() - deadline < 0) {
            Object element = peer.inbound().readElement();
            if (element != null) {
                return (byte[]) element;
            }
            LockSupport.parkNanos(100_000);
        }
        return null;
    }

    /**
     * {@link Peer#writeQueuedNow()}, again while it finds the output taken: the I/O thread that
     * wrote the probe may hold it a moment longer than the probe takes to arrive.
     */
    private static boolean writeQueuedSoon(Peer peer) {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (!peer.writeQueuedNow()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(100_000);
        }
        return true;
    }

    @Test
    void queuedMessagesGoOutOnTheCallingThreadWithoutWakingTheIoThread() throws Exception {
        Peer[] pair = connectedPair(1000);
        Peer push = pair[0];
        Peer pull = pair[1];
        for (int i = 0; i < 100; i++) {
            assertTrue(push.outbound().writeFrame(frame(i))); // written, never flushed: nobody is woken
        }
        assertTrue(writeQueuedSoon(push));
        assertEquals(0, push.outbound().size());
        for (int i = 0; i < 100; i++) {
            byte[] got = receive(pull);
            assertNotNull(got, "message " + i);
            assertArrayEquals(frame(i), got);
        }
        // the I/O thread still writes what comes next
        assertTrue(push.outbound().writeFrame(frame(100)));
        push.outbound().flush();
        assertArrayEquals(frame(100), receive(pull));
    }

    @Test
    void aChannelThatCannotTakeMoreIsLeftToTheIoThread() throws Exception {
        Peer[] pair = connectedPair(1);
        Peer push = pair[0];
        Peer pull = pair[1];
        // 48 MiB: more than the socket buffers hold while the receiver does not read
        byte[] big = new byte[64 * 1024];
        int count = 768;
        for (int i = 0; i < count; i++) {
            big = big.clone();
            ByteBuffer.wrap(big).putInt(i);
            assertTrue(push.outbound().writeFrame(big));
            push.outbound().flush();
        }
        int queued = awaitSteadySize(push);
        assertTrue(queued > 0, "the socket buffers took everything: send more");
        assertFalse(push.writeQueuedNow(), "wrote to a channel that was full");
        assertEquals(queued, push.outbound().size());
        for (int i = 0; i < count; i++) {
            byte[] got = receive(pull);
            assertNotNull(got, "message " + i + " of " + count);
            assertEquals(i, ByteBuffer.wrap(got).getInt(), "in order");
        }
    }

    /** Waits until the I/O thread has stopped taking from the outbound pipe; its size then. */
    private static int awaitSteadySize(Peer peer) {
        long deadline = System.nanoTime() + WAIT_NANOS;
        int last = -1;
        while (System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            int size = peer.outbound().size();
            if (size == last) {
                return size;
            }
            last = size;
        }
        throw new AssertionError("the outbound pipe kept draining");
    }
}
