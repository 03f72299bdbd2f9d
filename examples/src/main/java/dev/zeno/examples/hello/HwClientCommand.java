package dev.zeno.examples.hello;

import dev.zeno.Context;
import dev.zeno.examples.ExitCodes;
import dev.zeno.examples.RoleCommand;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hwclient}: the guide's hello-world client (REQ) with the Lazy Pirate's timeouts. */
@Command(name = "hwclient", mixinStandardHelpOptions = true,
        description = {"Hello World client (REQ): sends \"Hello\" N times and prints each reply.",
            "Like the guide's Lazy Pirate, it resends a request on a fresh socket when no reply "
                + "comes in time, and exits 1 when the server does not answer at all."})
public final class HwClientCommand extends RoleCommand {
    @Option(names = "--connect", defaultValue = "tcp://localhost:5555", paramLabel = "ENDPOINT",
            description = "Server to connect to. Default: ${DEFAULT-VALUE}")
    private String endpoint;

    @Option(names = "--count", defaultValue = "10", paramLabel = "N",
            description = "Requests to send. Default: ${DEFAULT-VALUE}")
    private int count;

    @Option(names = "--timeout-ms", defaultValue = "2500", paramLabel = "MS",
            description = "How long to wait for each reply (the guide's REQUEST_TIMEOUT). Default: ${DEFAULT-VALUE}")
    private long timeoutMillis;

    @Option(names = "--retries", defaultValue = "3", paramLabel = "N",
            description = "How many times a request is sent before giving up (the guide's REQUEST_RETRIES). "
                    + "Default: ${DEFAULT-VALUE}")
    private int retries;

    @Override
    public Integer call() {
        if (count < 0 || timeoutMillis < 1 || retries < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--count must be >= 0, --timeout-ms and --retries >= 1");
        }
        try (Context ctx = new Context();
             LazyPirate client = new LazyPirate(ctx, endpoint, Duration.ofMillis(timeoutMillis), retries,
                     warning -> {
                         err().println("W: " + warning);
                         err().flush();
                     })) {
            println("Connecting to hello world server at " + endpoint + "...");
            for (int i = 0; i < count; i++) {
                String reply = client.request("Hello");
                println("Received reply " + i + " [ " + reply + " ]");
            }
        }
        return ExitCodes.OK;
    }
}
