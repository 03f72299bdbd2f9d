package dev.zeno.examples.demo;

import dev.zeno.Context;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import dev.zeno.examples.pipeline.SpeedUp;
import dev.zeno.examples.pipeline.Sink;
import dev.zeno.examples.pipeline.Ventilator;
import dev.zeno.examples.pipeline.Worker;
import dev.zeno.examples.pipeline.Workloads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The task pipeline: a ventilator hands out sleeping workloads to several workers, a sink
 * times the results. The speed-up (total work / elapsed) shows the work ran in parallel.
 */
final class PipelineScenario implements Scenario {
    private final int tasks;
    private final int workers;
    private final int maxWorkloadMillis;
    private final Duration resultTimeout;

    PipelineScenario(int tasks, int workers, int maxWorkloadMillis, Duration resultTimeout) {
        this.tasks = tasks;
        this.workers = workers;
        this.maxWorkloadMillis = maxWorkloadMillis;
        this.resultTimeout = resultTimeout;
    }

    @Override
    public String name() {
        return "pipeline";
    }

    @Override
    public String run(Context ctx, DemoTransport transport, Path ipcDirectory) throws Exception {
        Socket sinkSocket = ctx.socket(SocketType.PULL);
        sinkSocket.setReceiveTimeout(resultTimeout);
        String sinkEndpoint = transport.bind(sinkSocket, "sink", ipcDirectory);
        Socket ventSocket = ctx.socket(SocketType.PUSH);
        String ventEndpoint = transport.bind(ventSocket, "vent", ipcDirectory);

        PeerThreads peers = new PeerThreads(name());
        for (int w = 0; w < workers; w++) {
            Socket tasksIn = ctx.socket(SocketType.PULL);
            Socket resultsOut = ctx.socket(SocketType.PUSH);
            tasksIn.connect(ventEndpoint);
            resultsOut.connect(sinkEndpoint);
            peers.start("worker-" + w, () -> new Worker(tasksIn, resultsOut, () -> { }).work(0));
        }
        Socket startSignal = ctx.socket(SocketType.PUSH);
        startSignal.connect(sinkEndpoint);
        if (transport != DemoTransport.INPROC) {
            // the guide's vent waits for Enter so that every worker is connected before the
            // first task: PUSH only spreads tasks over the peers connected by then
            Thread.sleep(200);
        }

        Workloads workloads = Workloads.random(tasks, maxWorkloadMillis, new SplittableRandom(7));
        new Ventilator(ventSocket, startSignal).send(workloads);
        long nanos = new Sink(sinkSocket).collect(tasks, i -> { });
        if (nanos < 0) {
            peers.check();
            throw new ScenarioFailure("the sink did not get all " + tasks + " results, "
                    + resultTimeout.toMillis() + " ms without one");
        }
        peers.check();
        SpeedUp speedUp = new SpeedUp(workloads.totalMillis(), nanos / 1e6, false);
        return String.format(Locale.ROOT, "%d tasks (%d ms of work) on %d workers in %s: speed-up %.1fx",
                tasks, workloads.totalMillis(), workers, Rates.millis(nanos), speedUp.factor());
    }
}
