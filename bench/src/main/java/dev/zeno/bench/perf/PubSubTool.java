package dev.zeno.bench.perf;

import dev.zeno.bench.peer.BenchContext;
import dev.zeno.bench.peer.BenchContext.Kind;
import dev.zeno.bench.peer.BenchSocket;
import dev.zeno.bench.peer.Impl;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code pubsub_thr ENDPOINT SIZE COUNT SUBS [--lossless]}: one PUB (binds) and SUBS
 * subscribers (connect), each in its own thread of one process.
 *
 * <p>Every subscriber subscribes to the data prefix {@code "D"}, the control prefixes
 * {@code "W"} and {@code "E"}, and eight prefixes that never match (so the filter has some
 * work). The publisher sends {@code "W"} probes until every subscriber has one (the slow-joiner
 * handshake), then COUNT data messages of SIZE bytes as fast as it can, then {@code "E"}
 * markers until every subscriber has seen one (or 10 s pass).
 *
 * <p>Default (drop) mode keeps the default high-water marks (1000), so a PUB that outruns a
 * subscriber drops, as ZeroMQ's PUB does. {@code --lossless} sets both high-water marks to 0
 * (no limit): nothing is dropped, so the run lasts as long as the slowest subscriber needs.
 *
 * <p>Output: the publisher's send rate; per subscriber the messages received, the share
 * dropped and its delivered rate (received / time from the publisher's first data message to
 * that subscriber's last, the clock read every 64th message); their means; and in lossless mode the rate at which the slowest
 * subscriber had everything.
 */
final class PubSubTool {
    private static final byte[][] NEVER_MATCH = new byte[8][];

    static {
        for (int i = 0; i < NEVER_MATCH.length; i++) {
            NEVER_MATCH[i] = ("X" + i + "-never").getBytes(StandardCharsets.US_ASCII);
        }
    }

    private PubSubTool() {
    }

    static int run(Impl impl, String endpoint, int size, int count, int subscribers, boolean lossless, PrintStream out) {
        int hwm = lossless ? 0 : 1000;
        byte[] data = payload('D', Math.max(1, size));
        byte[] probe = payload('W', 1);
        byte[] end = payload('E', 1);
        Sub[] subs = new Sub[subscribers];
        try (BenchContext ctx = impl.open()) {
            BenchSocket pub = ctx.socket(Kind.PUB);
            pub.setHighWaterMarks(hwm, hwm);
            pub.setLingerMillis(0);
            String bound = pub.bind(endpoint);
            String connectTo = bound.contains("*") ? endpoint : bound;
            AtomicInteger ready = new AtomicInteger();
            AtomicInteger done = new AtomicInteger();
            long[] startHolder = new long[1];
            for (int i = 0; i < subscribers; i++) {
                BenchSocket s = ctx.socket(Kind.SUB);
                s.setHighWaterMarks(hwm, hwm);
                s.setLingerMillis(0);
                for (byte[] never : NEVER_MATCH) {
                    s.subscribe(never);
                }
                s.subscribe(new byte[] {'D'});
                s.subscribe(new byte[] {'W'});
                s.subscribe(new byte[] {'E'});
                s.setReceiveTimeoutMillis(100);
                s.connect(connectTo);
                subs[i] = new Sub(s, ready, done, size, count);
            }
            for (Sub s : subs) {
                s.thread.start();
            }
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (ready.get() < subscribers) {
                if (System.nanoTime() > deadline) {
                    out.println("error: subscribers did not join within 20 s (" + ready.get() + " of " + subscribers + ")");
                    stopAll(subs);
                    return 255;
                }
                pub.send(probe);
                sleepMillis(5);
            }
            long start = System.nanoTime();
            startHolder[0] = start;
            for (int i = 0; i < count; i++) {
                pub.send(data);
            }
            long pubEnd = System.nanoTime();
            long endDeadline = System.nanoTime() + (lossless ? 120_000_000_000L : 10_000_000_000L);
            while (done.get() < subscribers && System.nanoTime() < endDeadline) {
                pub.send(end);
                sleepMillis(1);
            }
            stopAll(subs);
            printReport(out, size, count, subscribers, lossless, start, pubEnd, subs);
            return 0;
        }
    }

    private static void printReport(PrintStream out, int size, int count, int subscribers, boolean lossless,
                                    long start, long pubEnd, Sub[] subs) {
        out.println("message size: " + size + " [B]");
        out.println("message count: " + count);
        out.println("subscribers: " + subscribers);
        out.println("mode: " + (lossless ? "lossless" : "drop"));
        out.println("publisher rate: " + (long) (count / secs(pubEnd - start)) + " [msg/s]");
        double rateSum = 0;
        double dropSum = 0;
        long slowestEnd = start;
        boolean allComplete = true;
        for (int i = 0; i < subs.length; i++) {
            Sub s = subs[i];
            long last = s.stampedCount == 0 ? start : s.stampedNanos;
            double rate = s.stampedCount == 0 ? 0 : s.stampedCount / secs(Math.max(1, last - start));
            double drop = 100.0 * (count - s.received) / count;
            rateSum += rate;
            dropSum += drop;
            slowestEnd = Math.max(slowestEnd, last);
            allComplete &= s.received == count;
            out.println(String.format(Locale.ROOT, "subscriber %d: received %d (%.2f%% dropped), %d [msg/s]%s",
                    i + 1, s.received, drop, (long) rate, s.wrongSize ? " (WRONG SIZES)" : ""));
        }
        out.println("mean delivered rate per subscriber: " + (long) (rateSum / subs.length) + " [msg/s]");
        out.println(String.format(Locale.ROOT, "mean drop: %.2f [%%]", dropSum / subs.length));
        if (lossless) {
            if (allComplete) {
                out.println("all subscribers complete: " + (long) (count / secs(slowestEnd - start)) + " [msg/s]");
            } else {
                out.println("all subscribers complete: incomplete (messages lost in lossless mode)");
            }
        }
    }

    private static double secs(long nanos) {
        return Math.max(1, nanos) / 1e9;
    }

    private static byte[] payload(char kind, int size) {
        byte[] b = new byte[size];
        b[0] = (byte) kind;
        return b;
    }

    private static void stopAll(Sub[] subs) {
        for (Sub s : subs) {
            if (s != null) {
                s.stop = true;
            }
        }
        for (Sub s : subs) {
            if (s != null) {
                PerfTools.join(s.thread);
            }
        }
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One subscriber's thread and tallies. */
    private static final class Sub implements Runnable {
        final BenchSocket socket;
        final AtomicInteger ready;
        final AtomicInteger done;
        final int size;
        final int count;
        final Thread thread;
        volatile boolean stop;
        long received;
        /** A data message's arrival time and how many had arrived then: see {@link #STAMP_EVERY}. */
        long stampedNanos;
        long stampedCount;
        boolean wrongSize;

        /**
         * Data messages between two clock readings (and the first and the COUNTth): reading the
         * clock per message was a quarter of a subscriber thread's CPU on this VM, taken from
         * the I/O thread it shares the cores with. The rate is the count at the last reading
         * over its time, so the sampling costs no accuracy.
         */
        private static final int STAMP_EVERY = 64;

        Sub(BenchSocket socket, AtomicInteger ready, AtomicInteger done, int size, int count) {
            this.socket = socket;
            this.ready = ready;
            this.done = done;
            this.size = size;
            this.count = count;
            this.thread = new Thread(this, "pubsub_thr-sub");
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            boolean sawProbe = false;
            boolean sawEnd = false;
            // one reused buffer, as a C subscriber reuses one zmq_msg_t; a byte to spare shows a
            // longer message in the size received
            byte[] buffer = new byte[Math.max(1, size) + 1];
            try {
                while (!stop) {
                    int length = socket.receiveInto(buffer);
                    if (length < 0) {
                        continue;
                    }
                    byte kind = length == 0 ? 0 : buffer[0];
                    if (kind == 'D') {
                        received++;
                        if (received % STAMP_EVERY == 0 || received == 1 || received == count) {
                            stampedNanos = System.nanoTime();
                            stampedCount = received;
                        }
                        if (length != Math.max(1, size)) {
                            wrongSize = true;
                        }
                    } else if (kind == 'W') {
                        if (!sawProbe) {
                            sawProbe = true;
                            ready.incrementAndGet();
                        }
                    } else if (kind == 'E') {
                        if (!sawEnd) {
                            sawEnd = true;
                            done.incrementAndGet();
                        }
                    }
                }
            } finally {
                socket.close();
            }
        }
    }
}
