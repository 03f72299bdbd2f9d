package dev.zeno.bench.jmh;

import dev.zeno.transport.Msg;
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
 * The inproc hand-off between two threads: a JCTools SPSC queue (what Zeno's Pipe is built
 * on), Zeno's Pipe itself (the queue plus high-water mark and wake-up bookkeeping) and an LMAX
 * Disruptor ring with one consumer. The benchmark thread publishes a batch, then waits until
 * the consumer has it all. Score: messages per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(HandoffBench.BATCH)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class HandoffBench {
    static final int BATCH = 10_000;

    /** A JMH parameter (override with -p). */
    @Param({"jctools-spsc", "zeno-pipe", "disruptor"})
    public String kind;

    private Handoff handoff;
    private final Msg msg = new Msg(new byte[16]);
    private long sent;

    /** Builds the state measured (sockets, threads, buffers). */
    @Setup(Level.Trial)
    public void setUp() {
        handoff = Handoff.create(kind, 1);
    }

    /** One invocation: see the class comment for what it measures. */
    @Benchmark
    public void handOff() {
        Handoff h = handoff;
        for (int i = 0; i < BATCH; i++) {
            h.publish(msg);
        }
        sent += BATCH;
        h.await(sent);
    }

    /** Stops the threads and closes what setUp opened. */
    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        handoff.stop();
    }
}
