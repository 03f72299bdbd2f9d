package dev.zeno.examples.weather;

import dev.zeno.Context;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import dev.zeno.examples.ExitCodes;
import dev.zeno.examples.RoleCommand;
import dev.zeno.examples.RoleFailure;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code wuclient}: the guide's weather update client (SUB). */
@Command(name = "wuclient", mixinStandardHelpOptions = true,
        description = "Weather update client (SUB): subscribes to a zipcode prefix, collects N updates "
                + "and prints their average temperature.")
public final class WuClientCommand extends RoleCommand {
    @Option(names = "--connect", defaultValue = "tcp://localhost:5556", paramLabel = "ENDPOINT",
            description = "Server to connect to. Default: ${DEFAULT-VALUE}")
    private String endpoint;

    @Option(names = "--zip", defaultValue = "10001", paramLabel = "PREFIX",
            description = "Zipcode prefix to subscribe to, as the guide's Python client does. Default: ${DEFAULT-VALUE}")
    private String zip;

    @Option(names = "--count", defaultValue = "100", paramLabel = "N",
            description = "Updates to collect. Default: ${DEFAULT-VALUE}")
    private int count;

    @Option(names = "--timeout-ms", defaultValue = "0", paramLabel = "MS",
            description = "Give up (exit 1) when no update comes for this long; 0 waits forever, "
                    + "as the guide's client does. Default: ${DEFAULT-VALUE}")
    private long timeoutMillis;

    @Override
    public Integer call() {
        if (count < 1 || timeoutMillis < 0) {
            throw new ParameterException(spec.commandLine(), "--count must be >= 1 and --timeout-ms >= 0");
        }
        try (Context ctx = new Context();
             Socket sub = ctx.socket(SocketType.SUB)) {
            sub.connect(endpoint);
            sub.subscribe(zip);
            if (timeoutMillis > 0) {
                sub.setReceiveTimeout(Duration.ofMillis(timeoutMillis));
            }
            println("Collecting updates from weather server at " + endpoint + "...");
            TemperatureAverage.Result result;
            try {
                result = new TemperatureAverage(sub).collect(count);
            } catch (IllegalArgumentException e) {
                // a publisher on that port that is not a weather server
                throw new RoleFailure(e.getMessage() + ", from " + endpoint, e);
            }
            if (result == null) {
                throw new RoleFailure("no weather update for zipcode '" + zip + "' from " + endpoint
                        + " within " + timeoutMillis + " ms");
            }
            println("Average temperature for zipcode '" + zip + "' was " + result.average() + "F");
        }
        return ExitCodes.OK;
    }
}
