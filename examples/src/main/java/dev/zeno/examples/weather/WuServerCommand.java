package dev.zeno.examples.weather;

import dev.zeno.Context;
import dev.zeno.Socket;
import dev.zeno.SocketClosedException;
import dev.zeno.SocketType;
import dev.zeno.examples.ExitCodes;
import dev.zeno.examples.RoleCommand;
import dev.zeno.examples.StopSignal;
import java.util.List;
import java.util.SplittableRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wuserver}: the guide's weather update server (PUB), until killed. */
@Command(name = "wuserver", mixinStandardHelpOptions = true,
        description = {"Weather update server (PUB): publishes \"%%05d %%d %%d\" (zipcode, temperature, "
                + "relative humidity) for random zipcodes, as fast as it can, until killed."})
public final class WuServerCommand extends RoleCommand {
    @Option(names = "--bind", defaultValue = "tcp://*:5556", paramLabel = "ENDPOINT",
            description = "Endpoint to bind; repeat to bind several (the guide's C server also binds "
                    + "ipc://weather.ipc). Default: ${DEFAULT-VALUE}")
    private List<String> binds;

    @Override
    public Integer call() {
        try (StopSignal stop = StopSignal.onShutdown();
             Context ctx = new Context()) {
            stop.closeOnStop(ctx);
            Socket pub = ctx.socket(SocketType.PUB);
            for (String endpoint : binds) {
                pub.bind(endpoint);
                println("Publishing weather updates on " + pub.lastEndpoint());
            }
            try {
                new WeatherStation(pub, new SplittableRandom()).publishUntil(stop::isRequested);
            } catch (SocketClosedException e) {
                if (!stop.isRequested()) {
                    throw e;
                }
            }
        }
        return ExitCodes.OK;
    }
}
