package dev.zeno.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.examples.support.ChildProcess;
import dev.zeno.examples.support.RoleRun;
import dev.zeno.examples.support.Transports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each role against its peer roles, as a user runs them: the servers as child processes
 * (started with {@code java -cp}, stopped with SIGTERM), the clients in this JVM, over tcp and
 * ipc.
 */
@Timeout(120)
class NetworkRolesTest {
    private static final Duration START = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void hwclientGetsTenWorldsFromHwserver(String scheme) throws Exception {
        Transports.Pair endpoint = Transports.fresh(scheme, dir, "hello");
        try (ChildProcess server = ChildProcess.role(dir, "hwserver", "--bind", endpoint.bind())) {
            RoleRun client = RoleRun.of(Duration.ofSeconds(60), "hwclient", "--connect", endpoint.connect(),
                    "--timeout-ms", "10000");
            assertEquals(ExitCodes.OK, client.exitCode(), client + "\n" + server);
            assertEquals(10, count(client.out(), "[ World ]"), client.toString());
            server.awaitOutput("Received request: Hello", START);
        }
    }

    @Test
    void hwclientGivesUpOnASilentTcpServer() {
        RoleRun client = RoleRun.of("hwclient", "--connect", "tcp://127.0.0.1:" + Transports.freePort(),
                "--timeout-ms", "200", "--retries", "2");
        assertEquals(ExitCodes.FAILURE, client.exitCode(), client.toString());
        assertTrue(client.err().contains("seems to be offline"), client.toString());
    }

    @Test
    void wuserverPublishesOnEveryBoundEndpoint() throws Exception {
        Transports.Pair tcp = Transports.fresh("tcp", dir, "weather");
        Transports.Pair ipc = Transports.fresh("ipc", dir, "weather");
        try (ChildProcess server = ChildProcess.role(dir, "wuserver", "--bind", tcp.bind(), "--bind", ipc.bind())) {
            server.awaitOutput("Publishing weather updates on ipc", START);
            for (String endpoint : new String[] {tcp.connect(), ipc.connect()}) {
                RoleRun client = RoleRun.of(Duration.ofSeconds(60), "wuclient", "--connect", endpoint, "--zip", "1",
                        "--count", "20", "--timeout-ms", "20000");
                assertEquals(ExitCodes.OK, client.exitCode(), client + "\n" + server);
                assertTrue(client.out().contains("Average temperature for zipcode '1' was "), client.toString());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void pipelineOfVentWorkersAndSink(String scheme) throws Exception {
        Transports.Pair vent = Transports.fresh(scheme, dir, "vent");
        Transports.Pair sink = Transports.fresh(scheme, dir, "sink");
        try (ChildProcess sinkRole = ChildProcess.role(dir, "tasksink", "--bind", sink.bind(), "--tasks", "20",
                     "--timeout-ms", "30000");
             ChildProcess worker1 = ChildProcess.role(dir, "taskwork", "--connect", vent.connect(), "--sink", sink.connect());
             ChildProcess worker2 = ChildProcess.role(dir, "taskwork", "--connect", vent.connect(), "--sink", sink.connect())) {
            RoleRun ventRole = RoleRun.of(Duration.ofSeconds(60), "taskvent", "--bind", vent.bind(), "--sink",
                    sink.connect(), "--tasks", "20", "--delay-ms", "3000");
            assertEquals(ExitCodes.OK, ventRole.exitCode(), ventRole.toString());
            Matcher cost = Pattern.compile("Total expected cost: (\\d+) msec").matcher(ventRole.out());
            assertTrue(cost.find(), ventRole.toString());
            assertEquals(ExitCodes.OK, sinkRole.awaitExit(Duration.ofSeconds(60)), sinkRole + "\n" + worker1 + worker2);
            assertTrue(sinkRole.out().contains("Total elapsed time: "), sinkRole.toString());
            assertTrue(sinkRole.out().contains("Speed-up: "), sinkRole.toString());
            assertEquals(20, count(worker1.out() + worker2.out(), "."), "each task done once: " + worker1 + worker2);
        }
    }

    @Test
    void recorderSurvivesPublisherRestartAndKeepsDataAcrossItsOwnRestart() throws Exception {
        Transports.Pair feed = Transports.fresh("tcp", dir, "feed");
        String db = dir.resolve("recorder.db").toString();
        long afterFirst;
        try (ChildProcess recorder = ChildProcess.role(dir, "recorder", "--connect", feed.connect(), "--topic", "1",
                "--topic", "2", "--db", db)) {
            recorder.awaitOutput("Recording", START);
            try (ChildProcess server = ChildProcess.role(dir, "wuserver", "--bind", feed.bind())) {
                afterFirst = awaitStored(db, 1, recorder);
                server.stop();
            }
            try (ChildProcess restarted = ChildProcess.role(dir, "wuserver", "--bind", feed.bind())) {
                awaitStored(db, afterFirst + 1000, recorder);
                restarted.stop();
            }
            recorder.stop();
            assertTrue(recorder.out().contains("Recorded "), "stopped cleanly on SIGTERM: " + recorder);
        }
        long stored = stored(db);
        RoleRun query = RoleRun.of("query", "--db", db);
        assertEquals(ExitCodes.OK, query.exitCode(), query.toString());
        assertTrue(query.out().contains(stored + " updates in "), query.toString());
        for (String line : query.out().split("\\R")) {
            assertTrue(line.startsWith("topic") || line.startsWith("1") || line.startsWith("2")
                    || line.contains(" updates in "), "only subscribed topics: " + line);
        }
        // a restarted recorder adds to what is there
        try (ChildProcess recorder = ChildProcess.role(dir, "recorder", "--connect", feed.connect(), "--db", db);
             ChildProcess server = ChildProcess.role(dir, "wuserver", "--bind", feed.bind())) {
            recorder.awaitOutput("(" + stored + " updates stored)", START);
            awaitStored(db, stored + 1, recorder);
        }
    }

    /** Polls the query role until the database holds at least {@code atLeast} updates. */
    private static long awaitStored(String db, long atLeast, ChildProcess recorder) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        long stored = 0;
        while (System.nanoTime() < deadline) {
            stored = stored(db);
            if (stored >= atLeast) {
                return stored;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the recorder stored " + stored + " updates, expected " + atLeast + "\n" + recorder);
    }

    private static long stored(String db) {
        RoleRun query = RoleRun.of("query", "--db", db);
        if (query.exitCode() != ExitCodes.OK) {
            return 0; // not created yet
        }
        Matcher total = Pattern.compile("(\\d+) updates in").matcher(query.out());
        return total.find() ? Long.parseLong(total.group(1)) : 0;
    }

    static int count(String text, String what) {
        int count = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            count++;
        }
        return count;
    }
}
