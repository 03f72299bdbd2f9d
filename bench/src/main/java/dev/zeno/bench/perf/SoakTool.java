package dev.zeno.bench.perf;

import dev.zeno.bench.peer.BenchContext;
import dev.zeno.bench.peer.BenchContext.Kind;
import dev.zeno.bench.peer.BenchSocket;
import dev.zeno.bench.peer.Impl;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code soak ENDPOINT SIZE BATCHES}: PUSH and PULL in one process (PULL binds, a receiver
 * thread counts), the sender sends batches of 10,000 messages and waits for each batch to
 * arrive. A batch that has not fully arrived within 5 s is a stall (messages lost or stuck
 * without a wake-up): the tool says where, checks whether one more message gets things
 * moving, and exits with status 2. Not a throughput figure: a correctness check under load,
 * the pattern the JMH throughput benchmarks use.
 */
final class SoakTool {
    static final int BATCH = 10_000;

    private SoakTool() {
    }

    static int run(Impl impl, String endpoint, int size, int batches, PrintStream out) throws InterruptedException {
        try (BenchContext ctx = impl.open()) {
            BenchSocket pull = ctx.socket(Kind.PULL);
            String bound = pull.bind(endpoint);
            BenchSocket push = ctx.socket(Kind.PUSH);
            push.connect(bound.contains("*") ? endpoint : bound);
            pull.setReceiveTimeoutMillis(100);
            AtomicLong received = new AtomicLong();
            Thread receiver = new Thread(() -> {
                long count = 0;
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        if (pull.receive() != null) {
                            received.lazySet(++count);
                        }
                    }
                } catch (RuntimeException e) {
                    // closed
                }
            }, "soak-pull");
            receiver.setDaemon(true);
            receiver.start();
            byte[] payload = new byte[size];
            long sent = 0;
            long start = System.nanoTime();
            for (int b = 0; b < batches; b++) {
                for (int i = 0; i < BATCH; i++) {
                    push.send(payload);
                }
                sent += BATCH;
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (received.get() < sent) {
                    if (System.nanoTime() > deadline) {
                        long got = received.get();
                        out.println("STALL in batch " + (b + 1) + " of " + batches + ": sent " + sent + ", received " + got
                                + " (" + (sent - got) + " missing after 5 s)");
                        push.send(payload);
                        sent++;
                        Thread.sleep(2_000);
                        out.println("one more message sent: received " + received.get() + " of " + sent
                                + (received.get() > got ? " (it moved again: a missed wake-up)" : " (still stuck)"));
                        out.flush();
                        // the context may not close cleanly with messages stuck: leave at once
                        Runtime.getRuntime().halt(2);
                    }
                    Thread.yield();
                }
            }
            long elapsed = System.nanoTime() - start;
            out.println("ok: " + sent + " messages of " + size + " B in " + batches + " batches, no stall ("
                    + (long) (sent / (elapsed / 1e9)) + " msg/s)");
            receiver.interrupt();
            return 0;
        }
    }
}
