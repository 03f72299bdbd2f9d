package dev.zeno.transport.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The output lock shared by an I/O thread and a REQ or REP socket's thread. */
class HandoffLockTest {

    @Test
    void socketThreadTakesAFreeLockOnly() {
        HandoffLock lock = new HandoffLock();
        assertTrue(lock.tryAcquire());
        assertTrue(lock.isHeld());
        assertFalse(lock.tryAcquire(), "held");
        assertFalse(lock.releaseBySocketThread(), "nobody left work");
        assertFalse(lock.isHeld());
    }

    @Test
    void ioThreadLeavesANoteThatTheSocketThreadReportsOnce() {
        HandoffLock lock = new HandoffLock();
        assertTrue(lock.tryAcquire());
        assertFalse(lock.acquireOrDefer(), "the socket thread holds it: defer");
        assertFalse(lock.acquireOrDefer(), "a second note is the same note");
        assertTrue(lock.releaseBySocketThread(), "the deferred work must be handed back");
        assertTrue(lock.acquireOrDefer(), "free again");
        assertFalse(lock.tryAcquire(), "the I/O thread holds it");
        lock.releaseByIoThread();
        assertTrue(lock.tryAcquire());
        assertFalse(lock.releaseBySocketThread(), "the note was reported already");
    }

    /**
     * Two threads race for the lock: they never hold it together, and every time the I/O side
     * defers, the holder hands the work back (counted here), so no deferred work is lost.
     */
    @Test
    void neverHeldTwiceAndNoDeferredWorkLost() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            HandoffLock lock = new HandoffLock();
            AtomicInteger inside = new AtomicInteger();
            AtomicLong deferred = new AtomicLong();
            AtomicLong handedBack = new AtomicLong();
            int rounds = 200_000;
            Thread socketThread = new Thread(() -> {
                for (int i = 0; i < rounds; i++) {
                    if (lock.tryAcquire()) {
                        assertEquals(1, inside.incrementAndGet());
                        inside.decrementAndGet();
                        if (lock.releaseBySocketThread()) {
                            handedBack.incrementAndGet();
                        }
                    }
                }
            });
            socketThread.start();
            for (int i = 0; i < rounds; i++) {
                if (lock.acquireOrDefer()) {
                    assertEquals(1, inside.incrementAndGet());
                    inside.decrementAndGet();
                    lock.releaseByIoThread();
                } else {
                    // a note on the socket thread's hold: it must hand the work back on release
                    long expected = deferred.incrementAndGet();
                    while (handedBack.get() != expected) {
                        Thread.onSpinWait();
                    }
                }
            }
            socketThread.join();
            assertEquals(deferred.get(), handedBack.get(), "every deferral handed back");
        });
    }
}
