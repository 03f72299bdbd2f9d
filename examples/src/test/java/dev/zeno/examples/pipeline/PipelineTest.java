package dev.zeno.examples.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.Context;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import dev.zeno.examples.ExitCodes;
import dev.zeno.examples.support.RoleRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The pipeline's payloads and loops, over inproc. */
class PipelineTest {
    @Test
    void workloadsAreTheGuides() {
        Workloads workloads = Workloads.random(10_000, Workloads.MAX_MS, new SplittableRandom(5));
        long sum = 0;
        for (int i = 0; i < workloads.tasks(); i++) {
            assertTrue(workloads.millis(i) >= 1 && workloads.millis(i) <= 100);
            sum += workloads.millis(i);
        }
        assertEquals(sum, workloads.totalMillis());
        assertEquals(50.5, Workloads.MEAN_MS);
    }

    @Test
    void speedUpIsWorkOverElapsed() {
        assertEquals(4.0, new SpeedUp(400, 100, false).factor(), 1e-9);
        assertTrue(new SpeedUp(5050, 1300, true).describe("x").startsWith("Speed-up: 3.9x against an estimated 5050"));
    }

    @Test
    void ventWorkersAndSinkCarryTheGuidesPayloads() throws Exception {
        try (Context ctx = new Context()) {
            Socket sinkIn = ctx.socket(SocketType.PULL);
            sinkIn.bind("inproc://sink");
            sinkIn.setReceiveTimeout(Duration.ofSeconds(10));
            Socket ventOut = ctx.socket(SocketType.PUSH);
            ventOut.bind("inproc://vent");
            List<Thread> workers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                Socket tasks = ctx.socket(SocketType.PULL);
                Socket results = ctx.socket(SocketType.PUSH);
                tasks.connect("inproc://vent");
                results.connect("inproc://sink");
                Thread worker = new Thread(() -> {
                    try {
                        new Worker(tasks, results, () -> { }).work(0);
                    } catch (RuntimeException | InterruptedException closed) {
                        // the context closed at the end of the test
                    }
                });
                worker.setDaemon(true);
                worker.start();
                workers.add(worker);
            }
            Socket start = ctx.socket(SocketType.PUSH);
            start.connect("inproc://sink");

            Workloads workloads = Workloads.random(12, 5, new SplittableRandom(9));
            new Ventilator(ventOut, start).send(workloads);
            List<Integer> results = new ArrayList<>();
            long nanos = new Sink(sinkIn).collect(12, results::add);
            assertTrue(nanos >= 0, "all results arrived");
            assertEquals(12, results.size());
        }
    }

    @Test
    void workloadParsingToleratesForeignPayloads() {
        assertEquals(42, Worker.parseWorkload("42"));
        assertEquals(0, Worker.parseWorkload("not a number"));
        assertEquals(0, Worker.parseWorkload("-5"));
    }

    @Test
    void sinkGivesUpWhenNothingArrives() {
        RoleRun run = RoleRun.of("tasksink", "--bind", "inproc://empty", "--tasks", "1", "--timeout-ms", "200");
        assertEquals(ExitCodes.FAILURE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("nothing arrived"), run.toString());
    }
}
