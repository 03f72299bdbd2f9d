package dev.zeno.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.examples.support.ChildProcess;
import dev.zeno.examples.support.Python;
import dev.zeno.examples.support.RoleRun;
import dev.zeno.examples.support.Transports;
import java.nio.file.Path;
import java.time.Duration;
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

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void ourHwclientAgainstPythonHwserver(String scheme) throws Exception {
        Python.assumeZmq();
        Transports.assumeAvailable(scheme);
        Transports.Pair endpoint = Transports.fresh(scheme, dir, "hello");
        try (ChildProcess server = Python.start(dir, "hwserver", Python.HWSERVER, endpoint.bind())) {
            server.awaitOutput("bound", START);
            RoleRun client = RoleRun.of(Duration.ofSeconds(60), "hwclient", "--connect", endpoint.connect(),
                    "--timeout-ms", "10000");
            assertEquals(ExitCodes.OK, client.exitCode(), client + "\n" + server);
            assertEquals(10, NetworkRolesTest.count(client.out(), "[ World ]"), client.toString());
            assertEquals(10, NetworkRolesTest.count(server.out(), "Received request: Hello"), server.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void pythonHwclientAgainstOurHwserver(String scheme) throws Exception {
        Python.assumeZmq();
        Transports.assumeAvailable(scheme);
        Transports.Pair endpoint = Transports.fresh(scheme, dir, "hello");
        try (ChildProcess server = ChildProcess.role(dir, "hwserver", "--bind", endpoint.bind());
             ChildProcess client = Python.start(dir, "hwclient", Python.HWCLIENT, endpoint.connect())) {
            assertEquals(0, client.awaitExit(Duration.ofSeconds(60)), client + "\n" + server);
            assertEquals(10, NetworkRolesTest.count(client.out(), "[ World ]"), client.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void ourWuclientAgainstPythonWuserver(String scheme) throws Exception {
        Python.assumeZmq();
        Transports.assumeAvailable(scheme);
        Transports.Pair endpoint = Transports.fresh(scheme, dir, "weather");
        try (ChildProcess server = Python.start(dir, "wuserver", Python.WUSERVER, endpoint.bind())) {
            server.awaitOutput("bound", START);
            RoleRun client = RoleRun.of(Duration.ofSeconds(60), "wuclient", "--connect", endpoint.connect(),
                    "--zip", "1", "--count", "20", "--timeout-ms", "20000");
            assertEquals(ExitCodes.OK, client.exitCode(), client + "\n" + server);
            assertTrue(client.out().contains("Average temperature for zipcode '1' was "), client.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void pythonWuclientAgainstOurWuserver(String scheme) throws Exception {
        Python.assumeZmq();
        Transports.assumeAvailable(scheme);
        Transports.Pair endpoint = Transports.fresh(scheme, dir, "weather");
        try (ChildProcess server = ChildProcess.role(dir, "wuserver", "--bind", endpoint.bind());
             ChildProcess client = Python.start(dir, "wuclient", Python.WUCLIENT, endpoint.connect(), "10", "20")) {
            assertEquals(0, client.awaitExit(Duration.ofSeconds(60)), client + "\n" + server);
            assertTrue(client.out().contains("Average temperature for zipcode '10' was "), client.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void pythonWorkersBetweenOurVentAndSink(String scheme) throws Exception {
        Python.assumeZmq();
        Transports.assumeAvailable(scheme);
        Transports.Pair vent = Transports.fresh(scheme, dir, "vent");
        Transports.Pair sink = Transports.fresh(scheme, dir, "sink");
        try (ChildProcess sinkRole = ChildProcess.role(dir, "tasksink", "--bind", sink.bind(), "--tasks", "10",
                     "--timeout-ms", "30000");
             ChildProcess worker = Python.start(dir, "taskwork", Python.TASKWORK, vent.connect(), sink.connect())) {
            worker.awaitOutput("connected", START);
            RoleRun ventRole = RoleRun.of(Duration.ofSeconds(60), "taskvent", "--bind", vent.bind(), "--sink",
                    sink.connect(), "--tasks", "10", "--delay-ms", "2000");
            assertEquals(ExitCodes.OK, ventRole.exitCode(), ventRole.toString());
            assertEquals(ExitCodes.OK, sinkRole.awaitExit(Duration.ofSeconds(60)), sinkRole + "\n" + worker);
            assertTrue(sinkRole.out().contains("Total elapsed time: "), sinkRole.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void ourRecorderStoresThePythonFeed(String scheme) throws Exception {
        Python.assumeZmq();
        Transports.assumeAvailable(scheme);
        Transports.Pair endpoint = Transports.fresh(scheme, dir, "feed");
        String db = dir.resolve("python-feed.db").toString();
        try (ChildProcess server = Python.start(dir, "wuserver", Python.WUSERVER, endpoint.bind())) {
            server.awaitOutput("bound", START);
            RoleRun recorder = RoleRun.of(Duration.ofSeconds(60), "recorder", "--connect", endpoint.connect(),
                    "--topic", "99", "--db", db, "--count", "50");
            assertEquals(ExitCodes.OK, recorder.exitCode(), recorder + "\n" + server);
        }
        RoleRun query = RoleRun.of("query", "--db", db);
        assertEquals(ExitCodes.OK, query.exitCode(), query.toString());
        assertTrue(query.out().contains("50 updates in "), query.toString());
    }
}
