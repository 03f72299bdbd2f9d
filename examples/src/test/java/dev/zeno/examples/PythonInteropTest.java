package dev.zeno.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.examples.support.ChildProcess;
import dev.zeno.examples.support.Python;
import dev.zeno.examples.support.RoleRun;
import dev.zeno.examples.support.Transports;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our roles against the ZeroMQ guide's Python examples on libzmq (pyzmq), over tcp and ipc:
 * the guide's promise that each role works with the same example in another language.
 */
@Timeout(120)
class PythonInteropTest {
    private static final Duration START = Duration.ofSeconds(20);
    private static final Duration RUN = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @BeforeAll
    static void libzmqPeersAreThere() {
        Python.requireZmq();
    }

    /** A guide server in Python, bound to {@code endpoint} and ready (it prints "bound"). */
    private ChildProcess pythonServer(String name, String script, String endpoint) throws InterruptedException {
        ChildProcess server = Python.start(dir, name, script, endpoint);
        boolean ready = false;
        try {
            server.awaitOutput("bound", START);
            ready = true;
        } finally {
            if (!ready) {
                server.close();
            }
        }
        return server;
    }

    /** Runs one of our roles in this JVM; it must exit 0. {@code peer} is shown if it does not. */
    private static RoleRun ourRole(ChildProcess peer, String... args) {
        RoleRun run = RoleRun.of(RUN, args);
        assertEquals(ExitCodes.OK, run.exitCode(), run + "\n" + peer);
        return run;
    }

    /** Waits for a Python client to exit 0. */
    private static void assertExitsCleanly(ChildProcess client, ChildProcess server) throws InterruptedException {
        assertEquals(0, client.awaitExit(RUN), client + "\n" + server);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void ourHwclientAgainstPythonHwserver(String scheme) throws Exception {
        Transports.Pair endpoint = Transports.fresh(scheme, dir, "hello");
        try (ChildProcess server = pythonServer("hwserver", Python.HWSERVER, endpoint.bind())) {
            RoleRun client = ourRole(server, "hwclient", "--connect", endpoint.connect(), "--timeout-ms", "10000");
            assertEquals(10, NetworkRolesTest.count(client.out(), "[ World ]"), client.toString());
            assertEquals(10, NetworkRolesTest.count(server.out(), "Received request: Hello"), server.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void pythonHwclientAgainstOurHwserver(String scheme) throws Exception {
        Transports.Pair endpoint = Transports.fresh(scheme, dir, "hello");
        try (ChildProcess server = ChildProcess.role(dir, "hwserver", "--bind", endpoint.bind());
             ChildProcess client = Python.start(dir, "hwclient", Python.HWCLIENT, endpoint.connect())) {
            assertExitsCleanly(client, server);
            assertEquals(10, NetworkRolesTest.count(client.out(), "[ World ]"), client.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void ourWuclientAgainstPythonWuserver(String scheme) throws Exception {
        Transports.Pair endpoint = Transports.fresh(scheme, dir, "weather");
        try (ChildProcess server = pythonServer("wuserver", Python.WUSERVER, endpoint.bind())) {
            RoleRun client = ourRole(server, "wuclient", "--connect", endpoint.connect(), "--zip", "1",
                    "--count", "20", "--timeout-ms", "20000");
            assertTrue(client.out().contains("Average temperature for zipcode '1' was "), client.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void pythonWuclientAgainstOurWuserver(String scheme) throws Exception {
        Transports.Pair endpoint = Transports.fresh(scheme, dir, "weather");
        try (ChildProcess server = ChildProcess.role(dir, "wuserver", "--bind", endpoint.bind());
             ChildProcess client = Python.start(dir, "wuclient", Python.WUCLIENT, endpoint.connect(), "10", "20")) {
            assertExitsCleanly(client, server);
            assertTrue(client.out().contains("Average temperature for zipcode '10' was "), client.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void pythonWorkersBetweenOurVentAndSink(String scheme) throws Exception {
        Transports.Pair vent = Transports.fresh(scheme, dir, "vent");
        Transports.Pair sink = Transports.fresh(scheme, dir, "sink");
        try (ChildProcess sinkRole = ChildProcess.role(dir, "tasksink", "--bind", sink.bind(), "--tasks", "10",
                     "--timeout-ms", "30000");
             ChildProcess worker = Python.start(dir, "taskwork", Python.TASKWORK, vent.connect(), sink.connect())) {
            worker.awaitOutput("connected", START);
            ourRole(worker, "taskvent", "--bind", vent.bind(), "--sink", sink.connect(), "--tasks", "10",
                    "--delay-ms", "2000");
            assertEquals(ExitCodes.OK, sinkRole.awaitExit(RUN), sinkRole + "\n" + worker);
            assertTrue(sinkRole.out().contains("Total elapsed time: "), sinkRole.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void ourRecorderStoresThePythonFeed(String scheme) throws Exception {
        Transports.Pair endpoint = Transports.fresh(scheme, dir, "feed");
        String db = dir.resolve("python-feed.db").toString();
        try (ChildProcess server = pythonServer("wuserver", Python.WUSERVER, endpoint.bind())) {
            ourRole(server, "recorder", "--connect", endpoint.connect(), "--topic", "99", "--db", db,
                    "--count", "50");
        }
        RoleRun query = RoleRun.of("query", "--db", db);
        assertEquals(ExitCodes.OK, query.exitCode(), query.toString());
        assertTrue(query.out().contains("50 updates in "), query.toString());
    }
}
