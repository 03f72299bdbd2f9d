package dev.zeno;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InterruptTest {
    @Test
    void interruptingABlockedReceiveThrowsAndKeepsTheInterruptStatus() throws Exception {
        try (Context ctx = new Context(); Socket pull = ctx.socket(SocketType.PULL)) {
            pull.bind("inproc://interrupt");
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
            Thread receiver = new Thread(() -> {
                try {
                    pull.receive();
                } catch (Throwable t) {
                    thrown.set(t);
                    stillInterrupted.set(Thread.currentThread().isInterrupted());
                }
            });
            receiver.start();
            Thread.sleep(100);
            receiver.interrupt();
            receiver.join(5000);
            assertFalse(receiver.isAlive());
            assertTrue(thrown.get() instanceof InterruptedOperationException, String.valueOf(thrown.get()));
            assertTrue(stillInterrupted.get());
        }
    }
}
