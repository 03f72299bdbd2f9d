package dev.zeno.socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.transport.Pipe;
import dev.zeno.transport.TransportContext;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Writers to a socket with an inproc peer skip the fence before their wake, and a receiver
 * closes the gap that leaves by re-checking once its arm has settled (see SocketWaker).
 */
class SettlingWakeTest {
    private final TransportContext transports = new TransportContext(1);

    @AfterEach
    void shutDown() {
        transports.shutdown();
    }

    @Test
    void writersSkipTheFenceOnceTheSocketHasHadAnInprocPeer() {
        PullSocket pull = new PullSocket(transports);
        PushSocket remote = new PushSocket(transports);
        remote.connect(pull.bind("tcp://127.0.0.1:0"));
        assertTrue(pull.waker().needsFence(), "tcp peers only: I/O threads fence, no settling");
        assertTrue(pull.waker().unsettledNanos(System.nanoTime()) <= 0, "no settling without an inproc peer");

        pull.bind("inproc://settling");
        PushSocket local = new PushSocket(transports);
        local.connect("inproc://settling");
        pull.receiveElement(0); // the binder attaches its side at its next operation
        assertFalse(pull.waker().needsFence(), "an inproc peer: writers skip the fence");
        assertFalse(local.waker().needsFence(), "on both sides");

        local.close();
        pull.receiveElement(0);
        assertFalse(pull.waker().needsFence(), "never undone: a writer may read it late");
        remote.close();
        pull.close();
    }

    @Test
    void reArmingAnArmNoWakeConsumedKeepsItsTime() throws InterruptedException {
        SocketWaker waker = new SocketWaker();
        waker.settleArms();
        long beforeArm = System.nanoTime();
        waker.arm();
        assertTrue(waker.unsettledNanos(beforeArm) >= SocketWaker.SETTLE_NANOS, "a fresh arm settles");
        Thread.sleep(1);
        waker.arm();
        assertTrue(waker.unsettledNanos(System.nanoTime()) <= 0, "the same arm, settled after 1 ms");
        waker.wake(); // consumes the arm, and leaves this thread a permit
        LockSupport.parkNanos(1); // takes the permit back
        long beforeRearm = System.nanoTime();
        waker.arm();
        assertTrue(waker.unsettledNanos(beforeRearm) >= SocketWaker.SETTLE_NANOS, "a new arm after a wake settles afresh");
        waker.disarm();
    }

    /**
     * A message written while the receiver is parked, with no wake at all (what a writer that
     * read the arm too early does), is still received: the receiver's park after a fresh arm
     * is timed, it ends when the arm has settled, and the re-check then finds the message.
     * Without settling the receiver would sleep until the next wake. Rounds in which this test
     * thread saw the receiver only after its timed park had ended (descheduled for 100 us) are
     * woken normally and prove nothing; a message written during a timed park but found only by
     * a wake sent 200 ms later is a miss, allowed only rarely (the writer can be descheduled
     * between seeing the park and writing).
     */
    @Test
    void aMessageWhoseWakeWasLostIsFoundOnceTheArmSettles() throws Exception {
        PullSocket pull = new PullSocket(transports);
        PushSocket push = new PushSocket(transports);
        pull.bind("inproc://lost-wake");
        push.connect("inproc://lost-wake");
        Pipe toPull = push.peers().get(0).outbound();
        BlockingQueue<Object> received = new ArrayBlockingQueue<>(1);
        int rounds = 100;
        Thread receiver = new Thread(() -> {
            while (true) {
                received.add(pull.receiveElement(SocketBase.FOREVER));
            }
        }, "settling-receiver");
        receiver.setDaemon(true);
        receiver.start();

        int settlingParks = 0;
        int misses = 0;
        for (int i = 0; i < rounds && misses <= rounds / 10; i++) {
            boolean timedPark = awaitParked(receiver) == Thread.State.TIMED_WAITING;
            byte[] frame = {(byte) i};
            assertTrue(toPull.writeFrame(frame));
            Object got;
            if (timedPark) {
                settlingParks++;
                got = received.poll(200, TimeUnit.MILLISECONDS); // no flush: nobody is woken
                if (got == null) {
                    misses++;
                }
            } else {
                got = null;
            }
            if (got == null) {
                toPull.flush();
                got = received.poll(5, TimeUnit.SECONDS);
            }
            assertArrayEquals(frame, (byte[]) got, "round " + i);
        }
        assertTrue(settlingParks >= rounds / 2, "the receiver's parks after a fresh arm are timed: " + settlingParks);
        assertTrue(misses <= rounds / 10, misses + " of " + settlingParks + " messages written during a timed park were found only by a wake");
        pull.close(); // releases the receiver with SocketClosedException
        push.close();
        receiver.join(5_000);
    }

    /** Waits until {@code thread} parks (timed or not) and returns the state it was seen in. */
    private static Thread.State awaitParked(Thread thread) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            Thread.State state = thread.getState();
            if (state == Thread.State.TIMED_WAITING || state == Thread.State.WAITING) {
                return state;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the receiver never parked");
    }
}
