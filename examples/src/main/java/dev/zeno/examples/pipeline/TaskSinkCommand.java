package dev.zeno.examples.pipeline;

import dev.zeno.Context;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import dev.zeno.examples.ExitCodes;
import dev.zeno.examples.RoleCommand;
import dev.zeno.examples.RoleFailure;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code tasksink}: the guide's task sink (PULL). */
@Command(name = "tasksink", mixinStandardHelpOptions = true,
        description = {"Task sink (PULL): waits for the start message, then N results; prints the elapsed "
                + "time and the speed-up against the total workload.",
            "The guide's payloads carry no workloads, so the total is the expected one "
                + "(tasks x 50.5 ms, the mean of 1-100 ms) unless --workload-ms gives it."})
public final class TaskSinkCommand extends RoleCommand {
    @Option(names = "--bind", defaultValue = "tcp://*:5558", paramLabel = "ENDPOINT",
            description = "Endpoint the vent and workers connect to. Default: ${DEFAULT-VALUE}")
    private String bind;

    @Option(names = "--tasks", defaultValue = "100", paramLabel = "N",
            description = "Results to wait for. Default: ${DEFAULT-VALUE}")
    private int tasks;

    @Option(names = "--workload-ms", paramLabel = "MS",
            description = "The batch's exact total workload (the vent's \"Total expected cost\"), "
                    + "for an exact speed-up.")
    private Long workloadMillis;

    @Option(names = "--timeout-ms", defaultValue = "0", paramLabel = "MS",
            description = "Give up (exit 1) when nothing arrives for this long; 0 waits forever, "
                    + "as the guide's sink does. Default: ${DEFAULT-VALUE}")
    private long timeoutMillis;

    @Override
    public Integer call() {
        if (tasks < 0 || timeoutMillis < 0 || workloadMillis != null && workloadMillis < 0) {
            throw new ParameterException(spec.commandLine(), "--tasks, --workload-ms and --timeout-ms must be >= 0");
        }
        try (Context ctx = new Context();
             Socket results = ctx.socket(SocketType.PULL)) {
            results.bind(bind);
            if (timeoutMillis > 0) {
                results.setReceiveTimeout(Duration.ofMillis(timeoutMillis));
            }
            PrintWriter out = out();
            long nanos = new Sink(results).collect(tasks, i -> {
                // the guide's progress: a colon every ten results, a dot otherwise
                out.print(i % 10 == 9 ? ':' : '.');
                out.flush();
            });
            out.println();
            if (nanos < 0) {
                throw new RoleFailure("nothing arrived on " + bind + " for " + timeoutMillis
                        + " ms: the vent or the workers are missing");
            }
            double elapsedMillis = nanos / 1e6;
            println(String.format(Locale.ROOT, "Total elapsed time: %d msec", Math.round(elapsedMillis)));
            println(speedUp(elapsedMillis));
        }
        return ExitCodes.OK;
    }

    private String speedUp(double elapsedMillis) {
        if (workloadMillis != null) {
            return new SpeedUp(workloadMillis, elapsedMillis, false).describe("given by --workload-ms");
        }
        double expected = tasks * Workloads.MEAN_MS;
        return new SpeedUp(expected, elapsedMillis, true)
                .describe(tasks + " tasks x " + Workloads.MEAN_MS + " msec, the guide's mean workload");
    }
}
