package dev.zeno.examples.pipeline;

import dev.zeno.Context;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import dev.zeno.examples.ExitCodes;
import dev.zeno.examples.RoleCommand;
import java.time.Duration;
import java.util.SplittableRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code taskvent}: the guide's task ventilator (PUSH). */
@Command(name = "taskvent", mixinStandardHelpOptions = true,
        description = {"Task ventilator (PUSH): waits the delay for workers to connect (the guide waits "
                + "for Enter), sends \"0\" to the sink, then N workloads in ms (1-100) as decimal strings."})
public final class TaskVentCommand extends RoleCommand {
    /** How long queued tasks may still go out after the last send, before the vent exits anyway. */
    private static final Duration LINGER = Duration.ofSeconds(10);

    @Option(names = "--bind", defaultValue = "tcp://*:5557", paramLabel = "ENDPOINT",
            description = "Endpoint the workers connect to. Default: ${DEFAULT-VALUE}")
    private String bind;

    @Option(names = "--sink", defaultValue = "tcp://localhost:5558", paramLabel = "ENDPOINT",
            description = "The sink, to send the start signal to. Default: ${DEFAULT-VALUE}")
    private String sink;

    @Option(names = "--tasks", defaultValue = "100", paramLabel = "N",
            description = "Tasks to send. Default: ${DEFAULT-VALUE}")
    private int tasks;

    @Option(names = "--delay-ms", defaultValue = "1000", paramLabel = "MS",
            description = "Time for the workers to connect before sending. Default: ${DEFAULT-VALUE}")
    private long delayMillis;

    @Override
    public Integer call() throws InterruptedException {
        if (tasks < 0 || delayMillis < 0) {
            throw new ParameterException(spec.commandLine(), "--tasks and --delay-ms must be >= 0");
        }
        try (Context ctx = new Context();
             Socket workers = ctx.socket(SocketType.PUSH);
             Socket sinkSocket = ctx.socket(SocketType.PUSH)) {
            // Zeno's default linger drops queued messages at close; the vent exits right after
            // its last send, so let the queue drain (the guide sleeps a second instead)
            workers.setLinger(LINGER);
            sinkSocket.setLinger(LINGER);
            workers.bind(bind);
            sinkSocket.connect(sink);
            println("Waiting " + delayMillis + " ms for workers to connect to " + workers.lastEndpoint() + "...");
            Thread.sleep(delayMillis);
            println("Sending tasks to workers...");
            Workloads workloads = Workloads.random(tasks, Workloads.MAX_MS, new SplittableRandom());
            new Ventilator(workers, sinkSocket).send(workloads);
            println("Total expected cost: " + workloads.totalMillis() + " msec");
        }
        return ExitCodes.OK;
    }
}
