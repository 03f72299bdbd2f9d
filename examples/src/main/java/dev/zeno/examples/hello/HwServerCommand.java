package dev.zeno.examples.hello;

import dev.zeno.Context;
import dev.zeno.SocketClosedException;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import dev.zeno.examples.ExitCodes;
import dev.zeno.examples.RoleCommand;
import dev.zeno.examples.StopSignal;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hwserver}: the guide's hello-world server (REP), until killed. */
@Command(name = "hwserver", mixinStandardHelpOptions = true,
        description = "Hello World server (REP): answers \"World\" to every request, until killed.")
public final class HwServerCommand extends RoleCommand {
    @Option(names = "--bind", defaultValue = "tcp://*:5555", paramLabel = "ENDPOINT",
            description = "Endpoint to bind (repeatable). Default: ${DEFAULT-VALUE}")
    private List<String> binds;

    @Option(names = "--work-ms", defaultValue = "0", paramLabel = "MS",
            description = "Simulated work per request; the guide's server sleeps 1000. Default: ${DEFAULT-VALUE}")
    private long workMillis;

    @Option(names = "--quiet", description = "Do not print each request.")
    private boolean quiet;

    @Override
    public Integer call() throws InterruptedException {
        try (StopSignal stop = StopSignal.onShutdown();
             Context ctx = new Context()) {
            stop.closeOnStop(ctx);
            Socket rep = ctx.socket(SocketType.REP);
            for (String endpoint : binds) {
                rep.bind(endpoint);
            }
            HelloServer server = new HelloServer(rep, Duration.ofMillis(Math.max(0, workMillis)),
                    request -> {
                        if (!quiet) {
                            println("Received request: " + request);
                        }
                    });
            try {
                server.serve(0);
            } catch (SocketClosedException e) {
                if (!stop.isRequested()) {
                    throw e;
                }
            }
        }
        return ExitCodes.OK;
    }
}
