package dev.zeno.bench.compare;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code compare}: a fixed suite run back to back, Zeno against JeroMQ and libzmq, each pair
 * of the same library in its own processes, and a Markdown table plus an SVG bar chart
 * written to {@code bench/results/}.
 *
 * <p>The suite: inproc PUSH/PULL 16 B throughput; tcp PUSH/PULL 16 B and 4 KiB throughput
 * between two processes; tcp and ipc REQ/REP round trips (p50, p99 from a histogram of every
 * round trip); PUB to 4 SUBs at 64 B over tcp, once with the default high-water marks (delivered
 * rate per subscriber and drops) and once lossless (no high-water mark: the rate at which the
 * slowest subscriber has everything); then two mixed pairs (Zeno with libzmq) as an
 * interoperability check. Only loopback and Unix sockets. Every child process has a time limit
 * and is killed by its PID when it overruns; the whole run stays under ten minutes.
 */
public final class Compare {
    /** The libraries compared. */
    enum Peer {
        ZENO("Zeno"), JEROMQ("JeroMQ"), LIBZMQ("libzmq");

        final String label;

        Peer(String label) {
            this.label = label;
        }
    }

    /**
     * The same for every library's Java child. AlwaysPreTouch maps the heap before the run: a
     * 10 M-message run is too short to get past the kernel zeroing each new heap page on first
     * use (clear_page was 12-33 % of both processes' CPU in a tcp 16 B profile), which would
     * measure the JVM's start-up rather than the library; it speeds JeroMQ up as much as Zeno.
     */
    static final List<String> CHILD_JVM_OPTIONS = List.of("-Xms1g", "-Xmx2g", "-XX:+AlwaysPreTouch");

    private static final Pattern MSG_PER_S = Pattern.compile("mean throughput: (\\d+) \\[msg/s\\]");
    private static final Pattern MBIT_PER_S = Pattern.compile("mean throughput: ([\\d.]+) \\[Mb/s\\]");
    private static final Pattern AVG_LAT = Pattern.compile("average latency: ([\\d.]+) \\[us\\]");
    private static final Pattern P50 = Pattern.compile("roundtrip p50: ([\\d.]+) \\[us\\]");
    private static final Pattern P99 = Pattern.compile("roundtrip p99: ([\\d.]+) \\[us\\]");
    private static final Pattern DELIVERED = Pattern.compile("mean delivered rate per subscriber: (\\d+) \\[msg/s\\]");
    private static final Pattern DROP = Pattern.compile("mean drop: ([\\d.]+) \\[%\\]");
    private static final Pattern COMPLETE = Pattern.compile("all subscribers complete: (\\d+) \\[msg/s\\]");
    private static final Pattern PUB_RATE = Pattern.compile("publisher rate: (\\d+) \\[msg/s\\]");

    private final PrintStream log;
    private final boolean quick;
    private final int repeat;
    private final Path outDir;
    private final Set<String> only;
    private final long deadline;
    private final long childTimeoutMillis;
    private final List<String> javaCommand;
    private final List<Row> rows = new ArrayList<>();
    private final StringBuilder raw = new StringBuilder();
    private final List<String> notes = new ArrayList<>();
    private LibzmqPeer libzmq;
    private String libzmqProblem;
    private int ipcCounter;

    private Compare(PrintStream log, boolean quick, int repeat, Path outDir, Set<String> only, long budgetMillis,
                    long childTimeoutMillis) {
        this.log = log;
        this.quick = quick;
        this.repeat = repeat;
        this.outDir = outDir;
        this.only = only;
        this.deadline = System.currentTimeMillis() + budgetMillis;
        this.childTimeoutMillis = childTimeoutMillis;
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(CHILD_JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.zeno.bench.Main"));
        this.javaCommand = List.copyOf(command);
    }

    /**
     * {@code compare [--quick] [--repeat N] [--out DIR] [--no-libzmq] [--only ID,...]
     * [--budget-s S] [--child-timeout-s S]}.
     */
    public static int main(List<String> args) throws Exception {
        boolean quick = false;
        boolean noLibzmq = false;
        int repeat = 3;
        Path out = null;
        Set<String> only = new HashSet<>();
        long budget = 540;
        long childTimeout = 45;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--quick":
                    quick = true;
                    break;
                case "--no-libzmq":
                    noLibzmq = true;
                    break;
                case "--repeat":
                    repeat = Integer.parseInt(args.get(++i));
                    break;
                case "--out":
                    out = Path.of(args.get(++i));
                    break;
                case "--only":
                    only.addAll(Arrays.asList(args.get(++i).split(",")));
                    break;
                case "--budget-s":
                    budget = Long.parseLong(args.get(++i));
                    break;
                case "--child-timeout-s":
                    childTimeout = Long.parseLong(args.get(++i));
                    break;
                default:
                    System.err.println("compare: unknown option '" + a + "'");
                    System.err.println("usage: compare [--quick] [--repeat N (3)] [--out DIR] [--no-libzmq] "
                            + "[--only inproc_thr,tcp_thr,tcp_lat,ipc_lat,pubsub,interop] [--budget-s S] [--child-timeout-s S]");
                    return 1;
            }
        }
        if (out == null) {
            out = defaultResultsDir();
        }
        Compare c = new Compare(System.out, quick, Math.max(1, repeat), out, only, budget * 1000, childTimeout * 1000);
        if (!noLibzmq) {
            c.buildLibzmq();
        } else {
            c.libzmqProblem = "disabled with --no-libzmq";
        }
        return c.runSuite();
    }

    /** bench/results when run from the repository or with the jar in bench/target; else ./results. */
    static Path defaultResultsDir() {
        Path cwd = Path.of("").toAbsolutePath();
        if (Files.isRegularFile(cwd.resolve("bench/pom.xml"))) {
            return cwd.resolve("bench/results");
        }
        if (cwd.getFileName() != null && cwd.getFileName().toString().equals("bench") && Files.isRegularFile(cwd.resolve("pom.xml"))) {
            return cwd.resolve("results");
        }
        Path jar = Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0]).toAbsolutePath();
        Path target = jar.getParent();
        if (target != null && target.getFileName() != null && target.getFileName().toString().equals("target")
                && target.getParent() != null && Files.isRegularFile(target.getParent().resolve("pom.xml"))) {
            return target.getParent().resolve("results");
        }
        return cwd.resolve("results");
    }

    private void buildLibzmq() {
        Path jar = Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0]).toAbsolutePath();
        Path dir = jar.getParent() != null && Files.isWritable(jar.getParent())
                ? jar.getParent().resolve("zmqperf")
                : Path.of(System.getProperty("java.io.tmpdir"), "zeno-bench-zmqperf");
        try {
            libzmq = LibzmqPeer.build(dir);
            log.println("libzmq peer: " + libzmq.binary + " (" + libzmq.version + ")");
        } catch (IOException e) {
            libzmqProblem = e.getMessage();
            log.println("libzmq peer unavailable: " + libzmqProblem);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            libzmqProblem = "interrupted";
        }
    }

    // ================================================================================ suite

    private boolean selected(String id) {
        return only.isEmpty() || only.contains(id);
    }

    private int runSuite() throws Exception {
        long started = System.currentTimeMillis();
        String loadBefore = loadAverage();
        // Each Java run must last seconds, not half a second: the JIT's C2 thread spends about
        // 0.3-0.7 s of CPU compiling the hot path, on one of the two cores, and a 0.5 s run
        // measured that more than the library (inproc 10 M: Zeno 16-19 M, JeroMQ 5.7-7.6 M
        // msg/s; 40 M: 28.6 M and 7.6 M). The same counts apply to every library. The same
        // held for tcp at 20 M messages and 500 k of 4 KiB, about 1.3 s of Zeno: its rate per
        // million messages rose from 4-11 M msg/s to 25-32 M only 1-1.5 s into a run, JeroMQ's
        // from 1.5-4.5 M to 6-7.5 M after 1.5 s (bench/BENCH.md, "Eighth session", which also
        // has that session's figures at 20 M).
        int inprocCount = quick ? 1_000_000 : 50_000_000;
        int tcpSmallCount = quick ? 500_000 : 60_000_000;
        int tcpLargeCount = quick ? 50_000 : 1_500_000;
        int interopCount = quick ? 250_000 : 10_000_000;
        int latCount = quick ? 2_000 : 20_000;
        int latWarmup = quick ? 1_000 : 5_000;
        int pubDropCount = quick ? 200_000 : 10_000_000;
        int pubLosslessCount = quick ? 100_000 : 1_000_000;

        if (selected("inproc_thr")) {
            Row row = row("inproc PUSH/PULL 16 B", "msg/s", true, 5.0, 2.0, "Zeno >= 5x JeroMQ, >= 2x libzmq");
            rounds(p -> measure(row, p, () -> single(p, "inproc_thr", "16", String.valueOf(inprocCount)), MSG_PER_S));
        }
        if (selected("tcp_thr")) {
            Row small = row("tcp PUSH/PULL 16 B", "msg/s", true, 3.0, 1.3, "Zeno >= 3x JeroMQ, >= 1.3x libzmq");
            rounds(p -> measure(small, p, () -> throughputPair(p, p, 16, tcpSmallCount), MSG_PER_S));
            Row large = row("tcp PUSH/PULL 4 KiB", "MB/s", true, null, 1.5, "Zeno >= 1.5x libzmq bytes/s");
            rounds(p -> measureScaled(large, p, () -> throughputPair(p, p, 4096, tcpLargeCount), MBIT_PER_S, 1.0 / 8));
        }
        if (selected("tcp_lat")) {
            latency("tcp", latCount, latWarmup, true);
        }
        if (selected("ipc_lat")) {
            latency("ipc", latCount, latWarmup, false);
        }
        if (selected("pubsub")) {
            Row delivered = row("PUB to 4 SUBs 64 B, delivered per SUB (tcp)", "msg/s", true, 5.0, null,
                    "Zeno >= 5x JeroMQ");
            Row drops = row("PUB to 4 SUBs 64 B, dropped (default HWM)", "%", false, null, null, "");
            Row pubRate = row("PUB to 4 SUBs 64 B, publisher send rate", "msg/s", true, null, null, "");
            Row lossless = row("PUB to 4 SUBs 64 B, lossless (slowest SUB has all)", "msg/s", true, null, null, "");
            Map<Pattern, Row> targets = new LinkedHashMap<>();
            targets.put(DELIVERED, delivered);
            targets.put(DROP, drops);
            targets.put(PUB_RATE, pubRate);
            rounds(p -> {
                measureMany(p, () -> single(p, "pubsub_thr", tcpEndpoint(), "64", String.valueOf(pubDropCount), "4"),
                        targets);
                measure(lossless, p, () -> single(p, "pubsub_thr", tcpEndpoint(), "64",
                        String.valueOf(pubLosslessCount), "4", "--lossless"), COMPLETE);
            });
        }
        if (selected("interop") && libzmq != null) {
            // one run each: a check that either side of a pair may be libzmq, not a figure to compare
            Row a = row("interop: Zeno PULL <- libzmq PUSH, tcp 16 B", "msg/s", true, null, null, "");
            measure(a, Peer.ZENO, () -> throughputPair(Peer.ZENO, Peer.LIBZMQ, 16, interopCount), MSG_PER_S);
            Row b = row("interop: libzmq PULL <- Zeno PUSH, tcp 16 B", "msg/s", true, null, null, "");
            measure(b, Peer.ZENO, () -> throughputPair(Peer.LIBZMQ, Peer.ZENO, 16, interopCount), MSG_PER_S);
        }

        long elapsed = System.currentTimeMillis() - started;
        String counts = String.format(Locale.ROOT,
                "inproc %,d msgs; tcp 16 B %,d msgs; tcp 4 KiB %,d msgs; REQ/REP %,d round trips after"
                        + " %,d warm-up; PUB/SUB %,d msgs (drop mode), %,d msgs (lossless); interop %,d msgs",
                inprocCount, tcpSmallCount, tcpLargeCount, latCount, latWarmup, pubDropCount,
                pubLosslessCount, interopCount);
        Report report = new Report(rows, environment(loadBefore, loadAverage(), elapsed, counts), notes, raw.toString());
        Files.createDirectories(outDir);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path md = outDir.resolve("compare-" + stamp + ".md");
        Path svg = outDir.resolve("compare-" + stamp + ".svg");
        Files.writeString(md, report.markdown(svg.getFileName().toString()));
        Files.writeString(svg, report.svg());
        Files.writeString(outDir.resolve("latest.md"), report.markdown("latest.svg"));
        Files.writeString(outDir.resolve("latest.svg"), report.svg());
        log.println();
        log.println(report.table());
        log.println("wrote " + md + " and " + svg + " (also latest.md, latest.svg) in "
                + String.format(Locale.ROOT, "%.1f s", elapsed / 1000.0));
        return 0;
    }

    private void latency(String transport, int count, int warmup, boolean withTargets) throws Exception {
        String name = transport + " REQ/REP 16 B";
        Row p50 = row(name + ", round trip p50", "us", false, null, withTargets ? 0.7 : null,
                withTargets ? "Zeno <= 0.7x libzmq" : "");
        Row p99 = row(name + ", round trip p99", "us", false, null, withTargets ? 1.0 : null,
                withTargets ? "Zeno <= libzmq" : "");
        Row avg = row(name + ", average latency (half a round trip)", "us", false, null, null, "");
        Map<Pattern, Row> targets = new LinkedHashMap<>();
        targets.put(P50, p50);
        targets.put(P99, p99);
        targets.put(AVG_LAT, avg);
        rounds(p -> measureMany(p, () -> latencyPair(p, transport, count, warmup), targets));
    }

    @FunctionalInterface
    interface PeerTask {
        void run(Peer p) throws Exception;
    }

    /** Runs {@code task} for every library, {@code repeat} rounds, interleaved (Z J L Z J L ...). */
    private void rounds(PeerTask task) throws Exception {
        for (int round = 0; round < repeat; round++) {
            for (Peer p : Peer.values()) {
                task.run(p);
            }
        }
    }

    // ================================================================================ rows

    /** One line of the results: a figure per library, with the target if it has one. */
    static final class Row {
        final String title;
        final String unit;
        final boolean higherIsBetter;
        final Double minVsJeromq;
        final Double vsLibzmq;
        final String target;
        final Map<Peer, List<Double>> samples = new EnumMap<>(Peer.class);
        final Map<Peer, String> problems = new EnumMap<>(Peer.class);
        /** Libraries whose run failed: no more rounds for them, and no figure. */
        final Set<Peer> failed = java.util.EnumSet.noneOf(Peer.class);

        Row(String title, String unit, boolean higherIsBetter, Double minVsJeromq, Double vsLibzmq, String target) {
            this.title = title;
            this.unit = unit;
            this.higherIsBetter = higherIsBetter;
            this.minVsJeromq = minVsJeromq;
            this.vsLibzmq = vsLibzmq;
            this.target = target;
        }

        /** The median of the samples, or null. */
        Double value(Peer p) {
            List<Double> s = samples.get(p);
            if (s == null || s.isEmpty()) {
                return null;
            }
            double[] sorted = s.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }

    private Row row(String title, String unit, boolean higherIsBetter, Double minVsJeromq, Double vsLibzmq, String target) {
        Row r = new Row(title, unit, higherIsBetter, minVsJeromq, vsLibzmq, target);
        rows.add(r);
        return r;
    }

    /** What a run printed, or why there is nothing. */
    static final class Outcome {
        final String stdout;
        final String problem;

        Outcome(String stdout, String problem) {
            this.stdout = stdout;
            this.problem = problem;
        }
    }

    @FunctionalInterface
    interface Run {
        Outcome run() throws Exception;
    }

    private void measure(Row row, Peer p, Run run, Pattern pattern) throws Exception {
        measureScaled(row, p, run, pattern, 1.0);
    }

    private void measureScaled(Row row, Peer p, Run run, Pattern pattern, double scale) throws Exception {
        Map<Pattern, Row> one = new LinkedHashMap<>();
        one.put(pattern, row);
        measureMany(p, run, one, scale);
    }

    private void measureMany(Peer p, Run run, Map<Pattern, Row> targets) throws Exception {
        measureMany(p, run, targets, 1.0);
    }

    private void measureMany(Peer p, Run run, Map<Pattern, Row> targets, double scale) throws Exception {
        if (p == Peer.LIBZMQ && libzmq == null) {
            for (Row r : targets.values()) {
                r.problems.put(p, "no libzmq peer: " + libzmqProblem);
            }
            return;
        }
        for (Row r : targets.values()) {
            if (r.failed.contains(p)) {
                return;   // a failing tool fails again: do not burn the budget on repeats
            }
        }
        String title = targets.values().iterator().next().title;
        if (System.currentTimeMillis() + childTimeoutMillis > deadline) {
            for (Row r : targets.values()) {
                if (!r.samples.containsKey(p)) {
                    r.problems.putIfAbsent(p, "skipped: time budget used up");
                }
            }
            log.println("== " + title + " — " + p.label + ": skipped, time budget used up");
            return;
        }
        log.println("== " + title + " — " + p.label);
        Outcome o = run.run();
        raw.append("### ").append(title).append(" — ").append(p.label).append("\n\n```\n")
                .append(o.stdout == null ? "" : o.stdout.trim()).append(o.problem == null ? "" : "\n[" + o.problem + "]")
                .append("\n```\n\n");
        if (o.stdout != null) {
            log.print(o.stdout);
        }
        if (o.problem != null) {
            log.println("   -> " + o.problem);
        }
        for (Map.Entry<Pattern, Row> e : targets.entrySet()) {
            Row r = e.getValue();
            Matcher m = o.stdout == null ? null : e.getKey().matcher(o.stdout);
            if (o.problem == null && m != null && m.find()) {
                r.samples.computeIfAbsent(p, k -> new ArrayList<>()).add(Double.parseDouble(m.group(1)) * scale);
                r.problems.remove(p);
            } else {
                r.failed.add(p);
                r.samples.remove(p);
                r.problems.put(p, o.problem != null ? o.problem : "no figure in the output");
            }
        }
    }

    // ================================================================================ processes

    private List<String> command(Peer p, String tool, String... args) {
        List<String> cmd = new ArrayList<>();
        if (p == Peer.LIBZMQ) {
            cmd.add(libzmq.binary.toString());
            cmd.add(tool);
            cmd.addAll(Arrays.asList(args));
        } else {
            cmd.addAll(javaCommand);
            cmd.add(tool);
            cmd.addAll(Arrays.asList(args));
            cmd.add("--impl");
            cmd.add(p == Peer.ZENO ? "zeno" : "jeromq");
        }
        return cmd;
    }

    private Outcome single(Peer p, String tool, String... args) throws Exception {
        ChildProcess child = ChildProcess.start(command(p, tool, args));
        int rc = child.await(remaining());
        return outcome(child, rc);
    }

    private Outcome throughputPair(Peer local, Peer remote, int size, int count) throws Exception {
        String endpoint = tcpEndpoint();
        ChildProcess receiver = ChildProcess.start(command(local, "local_thr", endpoint, String.valueOf(size), String.valueOf(count)));
        ChildProcess sender = null;
        try {
            Thread.sleep(300);   // let it bind; connecting first would work too, after a reconnect interval
            sender = ChildProcess.start(command(remote, "remote_thr", endpoint, String.valueOf(size), String.valueOf(count)));
            Outcome failed = awaitPair(receiver, sender, "sender");
            if (failed != null) {
                return failed;
            }
            int rc = receiver.await(remaining());
            Outcome o = outcome(receiver, rc);
            int src = sender.await(o.problem == null ? 15_000 : 1_000);
            if (o.problem == null && src != 0) {
                return new Outcome(o.stdout, "sender " + describe(sender, src));
            }
            return o;
        } finally {
            cleanUp(receiver, sender);
        }
    }

    private Outcome latencyPair(Peer p, String transport, int count, int warmup) throws Exception {
        String endpoint;
        Path ipcPath = null;
        if (transport.equals("ipc")) {
            ipcPath = Path.of(System.getProperty("java.io.tmpdir"),
                    "zeno-bench-" + ProcessHandle.current().pid() + "-" + (ipcCounter++) + ".ipc");
            Files.deleteIfExists(ipcPath);
            endpoint = "ipc://" + ipcPath;
        } else {
            endpoint = tcpEndpoint();
        }
        ChildProcess rep = ChildProcess.start(command(p, "local_lat", endpoint, "16", String.valueOf(count + warmup)));
        ChildProcess req = null;
        try {
            Thread.sleep(300);
            req = ChildProcess.start(command(p, "remote_lat", endpoint, "16", String.valueOf(count),
                    "--warmup", String.valueOf(warmup), "--percentiles"));
            Outcome failed = awaitPair(req, rep, "REP side");
            if (failed != null) {
                return failed;
            }
            int rc = req.await(remaining());
            Outcome o = outcome(req, rc);
            int rrc = rep.await(o.problem == null ? 15_000 : 1_000);
            if (o.problem == null && rrc != 0) {
                return new Outcome(o.stdout, "REP side " + describe(rep, rrc));
            }
            return o;
        } finally {
            cleanUp(rep, req);
            if (ipcPath != null) {
                Files.deleteIfExists(ipcPath);
            }
        }
    }

    /**
     * Waits for the reporting side of a pair while watching its partner: if the partner fails
     * first, the reporter would wait for ever, so it is killed at once.
     *
     * @return null when the reporter finished (collect it), or the partner's failure
     */
    private Outcome awaitPair(ChildProcess reporter, ChildProcess partner, String partnerName) throws InterruptedException {
        long until = System.currentTimeMillis() + remaining();
        while (reporter.isAlive() && System.currentTimeMillis() < until) {
            if (!partner.isAlive()) {
                int prc = partner.await(1_000);
                if (prc != 0) {
                    reporter.await(2_000);   // kills it if it does not finish
                    return new Outcome(reporter.stdout(), partnerName + " " + describe(partner, prc));
                }
            }
            Thread.sleep(50);
        }
        return null;
    }

    private void cleanUp(ChildProcess... children) throws InterruptedException {
        for (ChildProcess c : children) {
            if (c != null && c.isAlive()) {
                c.kill();
            }
        }
    }

    private long remaining() {
        return Math.max(1_000, Math.min(childTimeoutMillis, deadline - System.currentTimeMillis()));
    }

    private static Outcome outcome(ChildProcess child, int rc) {
        if (rc == 0) {
            return new Outcome(child.stdout(), null);
        }
        return new Outcome(child.stdout(), describe(child, rc));
    }

    private static String describe(ChildProcess child, int rc) {
        if (child.timedOut()) {
            return "timed out, killed (pid " + child.pid() + ")";
        }
        String err = child.stderr().trim();
        String out = child.stdout().trim();
        String reason = !err.isEmpty() ? err : out;
        // the first line that says what went wrong, without a stack trace
        String first = reason.lines().filter(l -> !l.isBlank() && !l.startsWith("\tat ")).findFirst().orElse("");
        if (first.length() > 200) {
            first = first.substring(0, 200) + "...";
        }
        return "exit " + rc + (first.isEmpty() ? "" : ": " + first);
    }

    private static String tcpEndpoint() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "tcp://127.0.0.1:" + s.getLocalPort();
        }
    }

    // ================================================================================ environment

    private Map<String, String> environment(String loadBefore, String loadAfter, long elapsedMillis, String counts) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("date", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        env.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel() + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.version"));
        env.put("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + " (children: " + String.join(" ", CHILD_JVM_OPTIONS) + ", default GC)");
        env.put("Zeno", mavenVersion("dev.zeno", "zeno-patterns"));
        env.put("JeroMQ", mavenVersion("org.zeromq", "jeromq") + " (org.zeromq.ZMQ API)");
        env.put("libzmq", libzmq != null ? libzmq.version + " (bench's zmqperf.c, gcc -O2)" : "n/a: " + libzmqProblem);
        env.put("load average", "before " + loadBefore + ", after " + loadAfter);
        env.put("counts", counts + (quick ? " (--quick)" : ""));
        env.put("repeats", repeat + (repeat > 1 ? " (median shown)" : ""));
        env.put("duration", String.format(Locale.ROOT, "%.1f s", elapsedMillis / 1000.0));
        return env;
    }

    private static String mavenVersion(String group, String artifact) {
        try (InputStream in = Compare.class.getResourceAsStream("/META-INF/maven/" + group + "/" + artifact + "/pom.properties")) {
            if (in == null) {
                return "?";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
