package dev.zeno.bench.jmh;

import dev.zeno.bench.peer.BenchContext;
import dev.zeno.bench.peer.BenchContext.Kind;
import dev.zeno.bench.peer.BenchSocket;
import dev.zeno.bench.peer.Impl;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Inproc PUB fan-out to 1, 4 and 16 SUBs, each with nine prefix filters (eight that never
 * match, one that matches every message). The benchmark thread publishes a batch, then waits
 * until every subscriber has the whole batch: high-water marks are off (0), so nothing is
 * dropped and the score, published messages per second, is the lossless rate (each message
 * delivered {@code subs} times).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(PubSubFanOutBench.BATCH)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PubSubFanOutBench {
    static final int BATCH = 2_000;

    /** A JMH parameter (override with -p). */
    @Param({"1", "4", "16"})
    public int subs;

    /** A JMH parameter (override with -p). */
    @Param({"64"})
    public int size;

    /** A JMH parameter (override with -p). */
    @Param({"zeno", "jeromq"})
    public String lib;

    private BenchContext ctx;
    private BenchSocket pub;
    private Drainer[] drainers;
    private byte[] payload;
    private long sent;
    private long[] baseline;

    /** Builds the state measured (sockets, threads, buffers). */
    @Setup(Level.Trial)
    public void setUp() {
        ctx = Impl.parse(lib).open();
        pub = ctx.socket(Kind.PUB);
        pub.setHighWaterMarks(0, 0);
        pub.bind("inproc://jmh-fan-out");
        drainers = new Drainer[subs];
        for (int i = 0; i < subs; i++) {
            BenchSocket sub = ctx.socket(Kind.SUB);
            sub.setHighWaterMarks(0, 0);
            for (int f = 0; f < 8; f++) {
                sub.subscribe(("X" + f + "-never").getBytes(StandardCharsets.US_ASCII));
            }
            sub.subscribe(new byte[] {'D'});
            sub.connect("inproc://jmh-fan-out");
            drainers[i] = new Drainer(sub, "jmh-sub-" + i);
        }
        for (Drainer d : drainers) {
            d.start();
        }
        payload = new byte[size];
        payload[0] = 'D';
        // slow joiner: publish until every subscriber has had one message, then count from there
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!allAtLeast(1)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("subscribers did not join");
            }
            pub.send(payload);
            Thread.yield();
        }
        // let the joining traffic drain, then count each subscriber from where it stands
        sleep(200);
        baseline = new long[subs];
        for (int i = 0; i < subs; i++) {
            baseline[i] = drainers[i].received.get();
        }
        sent = 0;
    }

    private boolean allAtLeast(long n) {
        for (Drainer d : drainers) {
            if (d.received.get() < n) {
                return false;
            }
        }
        return true;
    }

    /** One invocation: see the class comment for what it measures. */
    @Benchmark
    public void publish() {
        for (int i = 0; i < BATCH; i++) {
            pub.send(payload);
        }
        sent += BATCH;
        for (int i = 0; i < drainers.length; i++) {
            drainers[i].await(baseline[i] + sent);
        }
    }

    /** Stops the threads and closes what setUp opened. */
    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        for (Drainer d : drainers) {
            d.stop();
        }
        pub.close();
        ctx.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
