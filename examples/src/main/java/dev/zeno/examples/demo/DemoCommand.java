package dev.zeno.examples.demo;

import dev.zeno.examples.ExitCodes;
import dev.zeno.examples.RoleCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code demo}: the three scenarios over every transport, in this process. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs hello world (REQ/REP), the weather feed (PUB/SUB) and the task pipeline "
                + "(PUSH/PULL) in this process over inproc, ipc and tcp (loopback, ephemeral ports), "
                + "and reports on each. Exits 0 only if every scenario passed."})
public final class DemoCommand extends RoleCommand {
    @Option(names = "--transport", paramLabel = "NAME", split = ",",
            description = "Transports to run over (repeatable, or comma-separated): ${COMPLETION-CANDIDATES}. "
                    + "Default: all.")
    private List<DemoTransport> transports = new ArrayList<>();

    @Option(names = "--deadline-s", defaultValue = "15", paramLabel = "S",
            description = "A scenario not done by then fails. Default: ${DEFAULT-VALUE}")
    private int deadlineSeconds;

    @Option(names = "--round-trips", defaultValue = "1000", paramLabel = "N",
            description = "Hello world requests. Default: ${DEFAULT-VALUE}")
    private int roundTrips;

    @Option(names = "--updates", defaultValue = "100", paramLabel = "N",
            description = "Weather updates to collect. Default: ${DEFAULT-VALUE}")
    private int updates;

    @Option(names = "--tasks", defaultValue = "40", paramLabel = "N",
            description = "Pipeline tasks, 1-20 ms each. Default: ${DEFAULT-VALUE}")
    private int tasks;

    @Option(names = "--workers", defaultValue = "4", paramLabel = "N",
            description = "Pipeline workers. Default: ${DEFAULT-VALUE}")
    private int workers;

    @Override
    public Integer call() throws IOException {
        if (deadlineSeconds < 1 || roundTrips < 1 || updates < 1 || tasks < 1 || workers < 1) {
            throw new ParameterException(spec.commandLine(), "every demo count and the deadline must be >= 1");
        }
        List<DemoTransport> selected = transports.isEmpty() ? List.of(DemoTransport.values()) : transports;
        // each scenario waits at most a third of the deadline for any one message, so that a
        // stall is reported with what was missing rather than as a bare timeout
        Duration messageTimeout = Duration.ofSeconds(Math.max(1, deadlineSeconds / 3));
        List<Scenario> scenarios = List.of(
                new HelloScenario(roundTrips, messageTimeout),
                new WeatherScenario(updates, "10", messageTimeout),
                new PipelineScenario(tasks, workers, 20, messageTimeout));

        Path ipcDirectory = Files.createTempDirectory("zeno-demo");
        try {
            println("Zeno demo: the ZeroMQ guide's patterns over " + names(selected));
            ScenarioRunner runner = new ScenarioRunner(Duration.ofSeconds(deadlineSeconds), ipcDirectory);
            int passed = 0;
            int total = 0;
            for (DemoTransport transport : selected) {
                for (Scenario scenario : scenarios) {
                    ScenarioResult result = runner.run(scenario, transport);
                    println(line(result));
                    total++;
                    passed += result.passed() ? 1 : 0;
                }
            }
            println(passed + " of " + total + " scenarios passed");
            return passed == total ? ExitCodes.OK : ExitCodes.FAILURE;
        } finally {
            deleteTree(ipcDirectory);
        }
    }

    private static String line(ScenarioResult result) {
        return String.format(Locale.ROOT, "  %-11s %-6s %-6s %s", result.scenario(), result.transport().scheme(),
                result.passed() ? "ok" : "FAILED", result.detail());
    }

    private static String names(List<DemoTransport> transports) {
        List<String> names = new ArrayList<>();
        transports.forEach(t -> names.add(t.scheme()));
        return String.join(", ", names);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
