package dev.zeno.examples.demo;

import dev.zeno.Context;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one scenario over one transport within a deadline, in a context of its own. A scenario
 * that stalls is failed and its context closed, which wakes its blocked threads; closing is
 * bounded too, so the demo never hangs.
 */
final class ScenarioRunner {
    private final Duration deadline;
    private final Path ipcDirectory;

    ScenarioRunner(Duration deadline, Path ipcDirectory) {
        this.deadline = deadline;
        this.ipcDirectory = ipcDirectory;
    }

    ScenarioResult run(Scenario scenario, DemoTransport transport) {
        Context ctx = new Context();
        FutureTask<String> task = new FutureTask<>(() -> scenario.run(ctx, transport, ipcDirectory));
        Thread thread = new Thread(task, "zeno-demo-" + scenario.name() + "-" + transport.scheme());
        thread.setDaemon(true);
        thread.start();
        try {
            String summary = task.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return new ScenarioResult(scenario.name(), transport, true, summary);
        } catch (TimeoutException e) {
            return new ScenarioResult(scenario.name(), transport, false,
                    "stalled: not done within " + deadline.toSeconds() + " s");
        } catch (ExecutionException e) {
            return new ScenarioResult(scenario.name(), transport, false, describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ScenarioResult(scenario.name(), transport, false, "interrupted");
        } finally {
            closeWithin(ctx, Duration.ofSeconds(5));
        }
    }

    /** A failure's message, with its kind when the message alone would not say it. */
    private static String describe(Throwable failure) {
        if (failure instanceof ScenarioFailure) {
            return failure.getMessage();
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static void closeWithin(Context ctx, Duration limit) {
        Thread closer = new Thread(ctx::close, "zeno-demo-close");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(limit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
