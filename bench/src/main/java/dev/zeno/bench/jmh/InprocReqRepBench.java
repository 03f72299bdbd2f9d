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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Inproc REQ/REP round trip: the benchmark thread sends a request and waits for the reply of
 * an echoing REP thread. Score: microseconds per round trip (two hand-offs, two wake-ups).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class InprocReqRepBench {
    /** A JMH parameter (override with -p). */
    @Param({"16"})
    public int size;

    /** A JMH parameter (override with -p). */
    @Param({"zeno", "jeromq"})
    public String lib;

    private BenchContext ctx;
    private BenchSocket req;
    private byte[] payload;
    private Thread echo;
    private volatile boolean stop;

    /** Builds the state measured (sockets, threads, buffers). */
    @Setup(Level.Trial)
    public void setUp() {
        ctx = Impl.parse(lib).open();
        BenchSocket rep = ctx.socket(Kind.REP);
        rep.bind("inproc://jmh-req-rep");
        rep.setReceiveTimeoutMillis(100);
        req = ctx.socket(Kind.REQ);
        req.connect("inproc://jmh-req-rep");
        payload = new byte[size];
        echo = new Thread(() -> {
            try {
                while (!stop) {
                    byte[] m = rep.receive();
                    if (m != null) {
                        rep.send(m);
                    }
                }
            } catch (RuntimeException e) {
                if (!stop) {
                    throw e;
                }
            } finally {
                rep.close();
            }
        }, "jmh-rep");
        echo.setDaemon(true);
        echo.start();
    }

    /** One invocation: see the class comment for what it measures. */
    @Benchmark
    public byte[] roundTrip() {
        req.send(payload);
        return req.receive();
    }

    /** Stops the threads and closes what setUp opened. */
    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        stop = true;
        echo.join(5_000);
        req.close();
        ctx.close();
    }
}
