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
 * Fan-out of one publisher to several subscribers, each seeing every message: one JCTools
 * SPSC queue per subscriber (as a Zeno PUB has one pipe per subscriber), one Zeno Pipe per
 * subscriber, or one LMAX Disruptor ring read by N event processors. The benchmark thread
 * publishes a batch, then waits until every consumer has it all. Score: messages published
 * per second (each delivered {@code consumers} times).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(FanOutBench.BATCH)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class FanOutBench {
    static final int BATCH = 5_000;

    /** A JMH parameter (override with -p). */
    @Param({"jctools-spsc", "zeno-pipe", "disruptor"})
    public String kind;

    /** A JMH parameter (override with -p). */
    @Param({"2", "4"})
    public int consumers;

    private Handoff handoff;
    private final Msg msg = new Msg(new byte[16]);
    private long sent;

    /** Builds the state measured (sockets, threads, buffers). */
    @Setup(Level.Trial)
    public void setUp() {
        handoff = Handoff.create(kind, consumers);
    }

    /** One invocation: see the class comment for what it measures. */
    @Benchmark
    public void fanOut() {
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
