package dev.zeno.bench;

import dev.zeno.bench.compare.Compare;
import dev.zeno.bench.perf.PerfTools;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar bench/target/zeno-bench.jar COMMAND ...}: the perf tools (libzmq's command
 * line), {@code jmh [JMH args]} and {@code compare}. See bench/BENCH.md.
 */
public final class Main {
    private Main() {
    }

    /** Dispatches on the first argument; exits with the command's status. */
    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit status (for tests: nothing calls System.exit). */
    public static int run(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help")) {
            usage();
            return args.length == 0 ? 1 : 0;
        }
        String command = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        // "--impl jeromq local_thr ..." as well as "local_thr --impl jeromq ..."
        if ((command.equals("--impl") || command.startsWith("--impl=")) && args.length >= 3) {
            int skip = command.equals("--impl") ? 2 : 1;
            if (args.length > skip && PerfTools.isTool(args[skip])) {
                List<String> moved = new java.util.ArrayList<>(Arrays.asList(args).subList(0, skip));
                moved.addAll(Arrays.asList(args).subList(skip + 1, args.length));
                return PerfTools.run(args[skip], moved, System.out, System.err);
            }
        }
        if (PerfTools.isTool(command)) {
            return PerfTools.run(command, rest, System.out, System.err);
        }
        switch (command) {
            case "jmh":
                org.openjdk.jmh.Main.main(rest.toArray(new String[0]));
                return 0;
            case "compare":
                return Compare.main(rest);
            default:
                System.err.println("unknown command '" + command + "'");
                usage();
                return 1;
        }
    }

    private static void usage() {
        System.err.println(String.join("\n",
                "usage: java -jar zeno-bench.jar COMMAND [ARGS]",
                "",
                "libzmq-compatible perf tools (add --impl jeromq, or prefix the tool with jeromq_, for JeroMQ):",
                "  local_thr  ENDPOINT SIZE COUNT    PULL binds, receives, prints the throughput",
                "  remote_thr ENDPOINT SIZE COUNT    PUSH connects, sends COUNT messages of SIZE bytes",
                "  local_lat  ENDPOINT SIZE COUNT    REP binds, echoes",
                "  remote_lat ENDPOINT SIZE COUNT    REQ connects, prints the latency [--percentiles]",
                "  inproc_thr SIZE COUNT             both ends in this process over inproc",
                "  inproc_lat SIZE COUNT             both ends in this process over inproc [--percentiles]",
                "  pubsub_thr ENDPOINT SIZE COUNT SUBS [--lossless]   PUB fan-out to SUBS subscribers",
                "  soak ENDPOINT SIZE BATCHES        PUSH/PULL in batches of 10,000; exit 2 on a stall (5 s)",
                "",
                "  jmh [JMH args]                    the JMH benchmarks in this jar (e.g. jmh -l, jmh -prof gc Inproc)",
                "  compare [--quick] [--repeat N] [--out DIR] [--no-libzmq] [--only NAME,...]",
                "                                    Zeno vs JeroMQ vs libzmq, writes Markdown + SVG"));
    }
}
