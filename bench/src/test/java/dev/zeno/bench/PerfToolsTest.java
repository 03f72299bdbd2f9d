package dev.zeno.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.bench.perf.PerfTools;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The perf tools' arguments and output lines, as libzmq's perf tools have them. No timing asserted. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PerfToolsTest {
    private static final String THROUGHPUT_LINES =
            "message size: 16 \\[B\\]\n"
            + "message count: 2000\n"
            + "mean throughput: \\d+ \\[msg/s\\]\n"
            + "mean throughput: \\d+\\.\\d{3} \\[Mb/s\\]\n";

    private static final String LATENCY_LINES =
            "message size: 16 \\[B\\]\n"
            + "roundtrip count: 200\n"
            + "average latency: \\d+\\.\\d{3} \\[us\\]\n";

    private static final String PERCENTILE_LINES =
            "roundtrip p50: \\d+\\.\\d{3} \\[us\\]\n"
            + "roundtrip p99: \\d+\\.\\d{3} \\[us\\]\n"
            + "roundtrip p99.9: \\d+\\.\\d{3} \\[us\\]\n"
            + "roundtrip max: \\d+\\.\\d{3} \\[us\\]\n";

    /** What a tool printed and returned. */
    private static final class Result {
        final int rc;
        final String out;
        final String err;

        Result(int rc, String out, String err) {
            this.rc = rc;
            this.out = out.replace("\r\n", "\n");
            this.err = err;
        }
    }

    private static Result run(String tool, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = PerfTools.run(tool, List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void zenoInprocThroughputPrintsLibzmqLines() {
        Result r = run("inproc_thr", "16", "2000");
        assertEquals(0, r.rc, r.err);
        assertTrue(r.out.matches(THROUGHPUT_LINES), r.out);
    }

    @Test
    void jeromqInprocThroughputViaImplOptionAndPrefix() {
        Result a = run("inproc_thr", "--impl", "jeromq", "16", "2000");
        assertEquals(0, a.rc, a.err);
        assertTrue(a.out.matches(THROUGHPUT_LINES), a.out);
        Result b = run("jeromq_inproc_thr", "16", "2000");
        assertEquals(0, b.rc, b.err);
        assertTrue(b.out.matches(THROUGHPUT_LINES), b.out);
    }

    @Test
    void jeromqInprocLatencyPrintsLibzmqLinesAndPercentiles() {
        Result plain = run("jeromq_inproc_lat", "16", "200");
        assertEquals(0, plain.rc, plain.err);
        assertTrue(plain.out.matches(LATENCY_LINES), plain.out);
        Result withPercentiles = run("inproc_lat", "--impl=jeromq", "--percentiles", "--warmup", "50", "16", "200");
        assertEquals(0, withPercentiles.rc, withPercentiles.err);
        assertTrue(withPercentiles.out.matches(LATENCY_LINES + PERCENTILE_LINES), withPercentiles.out);
    }

    @Test
    void zenoInprocLatency() {
        Result r = run("inproc_lat", "16", "200", "--percentiles");
        assertEquals(0, r.rc, r.err);
        assertTrue(r.out.matches(LATENCY_LINES + PERCENTILE_LINES), r.out);
    }

    @Test
    void jeromqPubSubOverInproc() {
        Result r = run("pubsub_thr", "--impl", "jeromq", "inproc://pubsub-test", "64", "1000", "2", "--lossless");
        assertEquals(0, r.rc, r.err);
        assertTrue(r.out.startsWith("message size: 64 [B]\nmessage count: 1000\nsubscribers: 2\nmode: lossless\n"), r.out);
        assertTrue(r.out.contains("subscriber 2: received 1000 (0.00% dropped)"), r.out);
        assertTrue(r.out.matches("(?s).*all subscribers complete: \\d+ \\[msg/s\\]\n"), r.out);
    }

    @Test
    void soakOverInprocReportsNoStall() {
        Result r = run("soak", "inproc://soak-test", "16", "3");
        assertEquals(0, r.rc, r.err + r.out);
        assertTrue(r.out.startsWith("ok: 30000 messages of 16 B in 3 batches, no stall ("), r.out);
    }

    @Test
    void wrongArgumentCountPrintsLibzmqUsage() {
        Result r = run("local_thr", "tcp://127.0.0.1:5555", "16");
        assertEquals(1, r.rc);
        assertEquals("usage: local_thr <bind-to> <message-size> <message-count>\n", r.out);
        Result inproc = run("inproc_lat", "16");
        assertEquals(1, inproc.rc);
        assertEquals("usage: inproc_lat <message-size> <roundtrip-count>\n", inproc.out);
    }

    @Test
    void badNumbersAndImplementationsAreNamed() {
        Result size = run("remote_thr", "tcp://127.0.0.1:5555", "big", "10");
        assertEquals(1, size.rc);
        assertTrue(size.err.contains("message size must be an integer, was 'big'"), size.err);
        Result count = run("inproc_thr", "16", "0");
        assertEquals(1, count.rc);
        assertTrue(count.err.contains("message count must be between 1"), count.err);
        Result impl = run("inproc_thr", "--impl", "netmq", "16", "10");
        assertEquals(1, impl.rc);
        assertTrue(impl.err.contains("unknown implementation 'netmq'"), impl.err);
    }

    @Test
    void mainDispatchesAndRejectsUnknownCommands() throws Exception {
        assertTrue(PerfTools.isTool("local_lat"));
        assertTrue(PerfTools.isTool("jeromq_remote_thr"));
        assertEquals(1, Main.run(new String[] {"no_such_tool"}));
    }
}
