package dev.zeno.bench.perf;

import dev.zeno.bench.peer.BenchContext;
import dev.zeno.bench.peer.BenchContext.Kind;
import dev.zeno.bench.peer.BenchSocket;
import dev.zeno.bench.peer.Impl;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The libzmq perf tools, for Zeno or JeroMQ: the same arguments, socket types and output
 * lines as libzmq's {@code perf/} programs, so either side of a pair may be Zeno, JeroMQ or
 * libzmq.
 *
 * <pre>
 * local_thr  ENDPOINT SIZE COUNT   PULL, binds; receives COUNT messages, prints the throughput
 * remote_thr ENDPOINT SIZE COUNT   PUSH, connects; sends COUNT messages of SIZE bytes
 * local_lat  ENDPOINT SIZE COUNT   REP, binds; echoes COUNT messages
 * remote_lat ENDPOINT SIZE COUNT   REQ, connects; COUNT round trips, prints the latency
 * inproc_thr SIZE COUNT            both ends in one process over inproc
 * inproc_lat SIZE COUNT            both ends in one process over inproc
 * </pre>
 *
 * <p>Options, anywhere among the arguments: {@code --impl zeno|jeromq} (or the tool name
 * prefixed with {@code jeromq_}); {@code --percentiles} makes remote_lat and inproc_lat also
 * print round-trip percentiles from a histogram of every round trip (extra lines after
 * libzmq's); {@code --warmup N} makes them do N unmeasured round trips first (the local_lat
 * peer must then be given COUNT + N).
 *
 * <p>Two tools beyond libzmq's: {@code pubsub_thr ENDPOINT SIZE COUNT SUBS [--lossless]}, a
 * PUB and SUBS subscribers in one process, reporting each subscriber's delivered rate and drops;
 * {@code soak ENDPOINT SIZE BATCHES}, PUSH/PULL in one process in batches of 10,000, which
 * reports a stall (a batch not delivered within 5 s) and exits with status 2.
 */
public final class PerfTools {
    /** The tools and their libzmq usage lines. */
    public static final Map<String, String> USAGE = Map.of(
            "local_thr", "usage: local_thr <bind-to> <message-size> <message-count>",
            "remote_thr", "usage: remote_thr <connect-to> <message-size> <message-count>",
            "local_lat", "usage: local_lat <bind-to> <message-size> <roundtrip-count>",
            "remote_lat", "usage: remote_lat <connect-to> <message-size> <roundtrip-count>",
            "inproc_thr", "usage: inproc_thr <message-size> <message-count>",
            "inproc_lat", "usage: inproc_lat <message-size> <roundtrip-count>",
            "pubsub_thr", "usage: pubsub_thr <bind-to> <message-size> <message-count> <subscribers> [--lossless]",
            "soak", "usage: soak <bind-to> <message-size> <batches-of-10000>");

    private PerfTools() {
    }

    /** True if {@code name} (with or without a {@code jeromq_}/{@code zeno_} prefix) is a perf tool. */
    public static boolean isTool(String name) {
        return USAGE.containsKey(stripPrefix(name));
    }

    private static String stripPrefix(String name) {
        if (name.startsWith("jeromq_")) {
            return name.substring("jeromq_".length());
        }
        if (name.startsWith("zeno_")) {
            return name.substring("zeno_".length());
        }
        return name;
    }

    /**
     * Runs a tool. {@code args} are what follows the tool's name on the command line.
     *
     * @return the process exit code: 0 on success, 1 for bad arguments, 255 (libzmq's -1) on a
     *     run-time error
     */
    public static int run(String toolName, List<String> args, PrintStream out, PrintStream err) {
        String tool = stripPrefix(toolName);
        String usage = USAGE.get(tool);
        if (usage == null) {
            err.println("unknown perf tool '" + toolName + "'");
            return 1;
        }
        Impl impl = toolName.startsWith("jeromq_") ? Impl.JEROMQ : Impl.ZENO;
        boolean percentiles = false;
        boolean lossless = false;
        int warmup = 0;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--impl")) {
                if (i + 1 >= args.size()) {
                    err.println("--impl needs a value: zeno or jeromq");
                    return 1;
                }
                try {
                    impl = Impl.parse(args.get(++i));
                } catch (IllegalArgumentException e) {
                    err.println(e.getMessage());
                    return 1;
                }
            } else if (a.startsWith("--impl=")) {
                try {
                    impl = Impl.parse(a.substring("--impl=".length()));
                } catch (IllegalArgumentException e) {
                    err.println(e.getMessage());
                    return 1;
                }
            } else if (a.equals("--percentiles")) {
                percentiles = true;
            } else if (a.equals("--lossless")) {
                lossless = true;
            } else if (a.equals("--warmup")) {
                if (i + 1 >= args.size()) {
                    err.println("--warmup needs a number of round trips");
                    return 1;
                }
                try {
                    warmup = parseCount("warmup", args.get(++i), 0);
                } catch (IllegalArgumentException e) {
                    err.println(e.getMessage());
                    return 1;
                }
            } else {
                positional.add(a);
            }
        }
        boolean inproc = tool.startsWith("inproc_");
        int expected = inproc ? 2 : tool.equals("pubsub_thr") ? 4 : 3;
        if (positional.size() != expected) {
            out.println(usage);
            return 1;
        }
        int at = 0;
        String endpoint = inproc ? null : positional.get(at++);
        int size;
        int count;
        int subscribers = 0;
        try {
            size = parseCount("message size", positional.get(at++), 0);
            count = parseCount(tool.endsWith("_lat") ? "roundtrip count" : tool.equals("soak") ? "batch count"
                    : "message count", positional.get(at++), 1);
            if (tool.equals("pubsub_thr")) {
                subscribers = parseCount("subscriber count", positional.get(at), 1);
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            out.println(usage);
            return 1;
        }
        try {
            switch (tool) {
                case "local_thr":
                    return localThr(impl, endpoint, size, count, out);
                case "remote_thr":
                    return remoteThr(impl, endpoint, size, count);
                case "local_lat":
                    return localLat(impl, endpoint, size, count, out);
                case "remote_lat":
                    return remoteLat(impl, endpoint, size, count, warmup, percentiles, out);
                case "inproc_thr":
                    return inprocThr(impl, size, count, out);
                case "inproc_lat":
                    return inprocLat(impl, size, count, warmup, percentiles, out);
                case "pubsub_thr":
                    return PubSubTool.run(impl, endpoint, size, count, subscribers, lossless, out);
                case "soak":
                    return SoakTool.run(impl, endpoint, size, count, out);
                default:
                    throw new AssertionError(tool);
            }
        } catch (RuntimeException e) {
            err.println("error in " + tool + " (" + impl.displayName() + "): " + e);
            return 255;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("interrupted");
            return 255;
        }
    }

    private static int parseCount(String what, String text, int min) {
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be an integer, was '" + text + "'");
        }
        if (value < min || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " must be between " + min + " and " + Integer.MAX_VALUE
                    + ", was " + text);
        }
        return (int) value;
    }

    // ------------------------------------------------------------------------------ throughput

    static int localThr(Impl impl, String endpoint, int size, int count, PrintStream out) {
        try (BenchContext ctx = impl.open()) {
            BenchSocket pull = ctx.socket(Kind.PULL);
            pull.bind(endpoint);
            int rc = receiveAndReport(pull, size, count, out);
            pull.close();
            return rc;
        }
    }

    static int remoteThr(Impl impl, String endpoint, int size, int count) {
        try (BenchContext ctx = impl.open()) {
            BenchSocket push = ctx.socket(Kind.PUSH);
            push.setLingerMillis(-1);
            push.connect(endpoint);
            sendAll(push, size, count);
            push.close();
        }
        return 0;
    }

    static int inprocThr(Impl impl, int size, int count, PrintStream out) {
        try (BenchContext ctx = impl.open()) {
            BenchSocket pull = ctx.socket(Kind.PULL);
            pull.bind("inproc://thr_test");
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread worker = new Thread(() -> {
                try {
                    BenchSocket push = ctx.socket(Kind.PUSH);
                    push.setLingerMillis(-1);
                    push.connect("inproc://thr_test");
                    sendAll(push, size, count);
                    push.close();
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "inproc_thr-push");
            worker.setDaemon(true);
            worker.start();
            int rc = receiveAndReport(pull, size, count, out);
            join(worker);
            rethrow(failure);
            pull.close();
            return rc;
        }
    }

    private static void sendAll(BenchSocket push, int size, int count) {
        byte[] payload = new byte[size];
        for (int i = 0; i < count; i++) {
            push.send(payload);
        }
    }

    private static int receiveAndReport(BenchSocket pull, int size, int count, PrintStream out) {
        byte[] first = pull.receive();
        if (first == null || first.length != size) {
            out.println("message of incorrect size received");
            return 255;
        }
        long start = System.nanoTime();
        for (int i = 0; i != count - 1; i++) {
            byte[] m = pull.receive();
            if (m == null || m.length != size) {
                out.println("message of incorrect size received");
                return 255;
            }
        }
        long elapsedNanos = System.nanoTime() - start;
        printThroughput(out, size, count, elapsedNanos);
        return 0;
    }

    /** Prints libzmq's four throughput lines. */
    public static void printThroughput(PrintStream out, int size, long count, long elapsedNanos) {
        double elapsedMicros = Math.max(1.0, elapsedNanos / 1000.0);
        double throughput = count / elapsedMicros * 1_000_000;
        double megabits = throughput * size * 8 / 1_000_000;
        out.println("message size: " + size + " [B]");
        out.println("message count: " + count);
        out.println("mean throughput: " + (long) throughput + " [msg/s]");
        out.println(String.format(Locale.ROOT, "mean throughput: %.3f [Mb/s]", megabits));
    }

    // ------------------------------------------------------------------------------ latency

    static int localLat(Impl impl, String endpoint, int size, int count, PrintStream out) {
        try (BenchContext ctx = impl.open()) {
            BenchSocket rep = ctx.socket(Kind.REP);
            rep.setLingerMillis(-1);
            rep.bind(endpoint);
            int rc = echo(rep, size, count, out);
            rep.close();
            return rc;
        }
    }

    static int remoteLat(Impl impl, String endpoint, int size, int count, int warmup, boolean percentiles,
                         PrintStream out) {
        try (BenchContext ctx = impl.open()) {
            BenchSocket req = ctx.socket(Kind.REQ);
            req.connect(endpoint);
            int rc = roundTrips(req, size, count, warmup, percentiles, out);
            req.close();
            return rc;
        }
    }

    static int inprocLat(Impl impl, int size, int count, int warmup, boolean percentiles, PrintStream out) {
        try (BenchContext ctx = impl.open()) {
            BenchSocket rep = ctx.socket(Kind.REP);
            rep.bind("inproc://lat_test");
            AtomicReference<Throwable> failure = new AtomicReference<>();
            int[] rc = new int[1];
            Thread worker = new Thread(() -> {
                try {
                    BenchSocket req = ctx.socket(Kind.REQ);
                    req.connect("inproc://lat_test");
                    rc[0] = roundTrips(req, size, count, warmup, percentiles, out);
                    req.close();
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "inproc_lat-req");
            worker.setDaemon(true);
            worker.start();
            int echoed = echo(rep, size, count + warmup, out);
            join(worker);
            rethrow(failure);
            rep.close();
            return echoed != 0 ? echoed : rc[0];
        }
    }

    private static int echo(BenchSocket rep, int size, int count, PrintStream out) {
        for (int i = 0; i != count; i++) {
            byte[] m = rep.receive();
            if (m == null || m.length != size) {
                out.println("message of incorrect size received");
                return 255;
            }
            rep.send(m);
        }
        return 0;
    }

    /**
     * {@code warmup} unmeasured round trips first (the REP side must then echo count + warmup:
     * give local_lat that sum), then {@code count} measured ones.
     */
    private static int roundTrips(BenchSocket req, int size, int count, int warmup, boolean percentiles,
                                  PrintStream out) {
        byte[] payload = new byte[size];
        for (int i = 0; i < warmup; i++) {
            req.send(payload);
            byte[] m = req.receive();
            if (m == null || m.length != size) {
                out.println("message of incorrect size received");
                return 255;
            }
        }
        Histogram histogram = percentiles ? new Histogram() : null;
        long start = System.nanoTime();
        if (histogram == null) {
            for (int i = 0; i != count; i++) {
                req.send(payload);
                byte[] m = req.receive();
                if (m == null || m.length != size) {
                    out.println("message of incorrect size received");
                    return 255;
                }
            }
        } else {
            long t0 = start;
            for (int i = 0; i != count; i++) {
                req.send(payload);
                byte[] m = req.receive();
                long t1 = System.nanoTime();
                if (m == null || m.length != size) {
                    out.println("message of incorrect size received");
                    return 255;
                }
                histogram.record(t1 - t0);
                t0 = t1;
            }
        }
        long elapsedNanos = System.nanoTime() - start;
        printLatency(out, size, count, elapsedNanos, histogram);
        return 0;
    }

    /** Prints libzmq's three latency lines, then the round-trip percentiles if there is a histogram. */
    public static void printLatency(PrintStream out, int size, long count, long elapsedNanos, Histogram histogram) {
        double latencyMicros = elapsedNanos / 1000.0 / (count * 2.0);
        out.println("message size: " + size + " [B]");
        out.println("roundtrip count: " + count);
        out.println(String.format(Locale.ROOT, "average latency: %.3f [us]", latencyMicros));
        if (histogram != null) {
            out.println(String.format(Locale.ROOT, "roundtrip p50: %.3f [us]", histogram.percentile(50) / 1000.0));
            out.println(String.format(Locale.ROOT, "roundtrip p99: %.3f [us]", histogram.percentile(99) / 1000.0));
            out.println(String.format(Locale.ROOT, "roundtrip p99.9: %.3f [us]", histogram.percentile(99.9) / 1000.0));
            out.println(String.format(Locale.ROOT, "roundtrip max: %.3f [us]", histogram.max() / 1000.0));
        }
    }

    // ------------------------------------------------------------------------------ helpers

    static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void rethrow(AtomicReference<Throwable> failure) {
        Throwable t = failure.get();
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }
}
