package dev.zeno.bench.jmh;

import dev.zeno.bench.peer.BenchContext;
import dev.zeno.bench.peer.BenchContext.Kind;
import dev.zeno.bench.peer.BenchSocket;
import dev.zeno.bench.peer.Impl;
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
 * PUSH/PULL throughput between two threads of one process, over the endpoint a subclass
 * names: the benchmark thread sends a batch of messages to a PUSH socket, a background thread
 * receives them from the PULL socket, and each invocation ends when the whole batch has
 * arrived. Score: messages per second, end to end; with {@code -prof gc},
 * {@code gc.alloc.rate.norm} is bytes allocated per message by all threads (sender, receiver
 * and I/O threads).
 *
 * <p>{@code lib}: {@code zeno} sends {@code byte[]} (a new message object per send, what most
 * code does) and receives each frame as its array; {@code zeno-prepared} re-sends one
 * {@code Message} and receives into one reused buffer ({@code receive(byte[])}): the
 * allocation floor, what the library itself allocates per message; {@code jeromq} sends and
 * receives {@code byte[]} through {@code org.zeromq.ZMQ.Socket}. Default high-water marks
 * (1000).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(PushPullBase.BATCH)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public abstract class PushPullBase {
    static final int BATCH = 10_000;

    /** A JMH parameter (override with -p). */
    @Param({"16", "256", "4096"})
    public int size;

    /** A JMH parameter (override with -p). */
    @Param({"zeno", "zeno-prepared", "jeromq"})
    public String lib;

    private BenchContext ctx;
    private BenchSocket push;
    private Drainer drainer;
    private byte[] payload;
    private Object prepared;
    private boolean usePrepared;
    private long sent;

    /** Builds the state measured (sockets, threads, buffers). */
    @Setup(Level.Trial)
    public void setUp() {
        Impl impl = lib.startsWith("zeno") ? Impl.ZENO : Impl.JEROMQ;
        usePrepared = lib.endsWith("-prepared");
        ctx = impl.open();
        BenchSocket pull = ctx.socket(Kind.PULL);
        String bound = pull.bind(endpoint());
        push = ctx.socket(Kind.PUSH);
        push.connect(bound);
        payload = new byte[size];
        prepared = push.prepare(payload);
        drainer = new Drainer(pull, "jmh-pull", usePrepared ? size : 0).start();
    }

    /** Where the PULL socket binds (the PUSH socket connects to what the bind returns). */
    protected abstract String endpoint();

    /** One invocation: see the class comment for what it measures. */
    @Benchmark
    public void pushPull() {
        if (usePrepared) {
            for (int i = 0; i < BATCH; i++) {
                push.sendPrepared(prepared);
            }
        } else {
            for (int i = 0; i < BATCH; i++) {
                push.send(payload);
            }
        }
        sent += BATCH;
        drainer.await(sent);
    }

    /** Stops the threads and closes what setUp opened. */
    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        drainer.stop();
        push.close();
        ctx.close();
    }
}
