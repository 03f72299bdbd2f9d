package dev.zeno.examples.pipeline;

import dev.zeno.Context;
import dev.zeno.Socket;
import dev.zeno.SocketClosedException;
import dev.zeno.SocketType;
import dev.zeno.examples.ExitCodes;
import dev.zeno.examples.RoleCommand;
import dev.zeno.examples.StopSignal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code taskwork}: the guide's task worker (PULL from the vent, PUSH to the sink), until killed. */
@Command(name = "taskwork", mixinStandardHelpOptions = true,
        description = "Task worker (PULL+PUSH): sleeps each workload, then sends an empty message to the sink, "
                + "until killed. Prints a dot per task.")
public final class TaskWorkCommand extends RoleCommand {
    @Option(names = "--connect", defaultValue = "tcp://localhost:5557", paramLabel = "ENDPOINT",
            description = "The ventilator. Default: ${DEFAULT-VALUE}")
    private String vent;

    @Option(names = "--sink", defaultValue = "tcp://localhost:5558", paramLabel = "ENDPOINT",
            description = "The sink. Default: ${DEFAULT-VALUE}")
    private String sink;

    @Override
    public Integer call() throws InterruptedException {
        try (StopSignal stop = StopSignal.onShutdown();
             Context ctx = new Context()) {
            stop.closeOnStop(ctx);
            Socket tasks = ctx.socket(SocketType.PULL);
            Socket results = ctx.socket(SocketType.PUSH);
            tasks.connect(vent);
            results.connect(sink);
            Worker worker = new Worker(tasks, results, () -> {
                out().print('.');
                out().flush();
            });
            try {
                worker.work(0);
            } catch (SocketClosedException e) {
                if (!stop.isRequested()) {
                    throw e;
                }
            }
        }
        return ExitCodes.OK;
    }
}
