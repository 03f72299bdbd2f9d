package dev.zeno.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.examples.support.ChildProcess;
import dev.zeno.examples.support.RoleRun;
import dev.zeno.examples.support.Transports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Our roles against JeroMQ peers written as the guide's Java examples, over tcp (JeroMQ's ipc
 * is tcp in disguise, so ipc is left to the libzmq tests).
 */
@Timeout(120)
class JeroMqInteropTest {
    @TempDir
    Path dir;

    @Test
    void ourHwclientAgainstJeroMqServer() throws Exception {
        try (ZContext context = new ZContext()) {
            ZMQ.Socket rep = context.createSocket(SocketType.REP);
            int port = rep.bindToRandomPort("tcp://127.0.0.1");
            Thread server = new Thread(() -> {
                for (int i = 0; i < 10; i++) {
                    byte[] request = rep.recv(0);
                    if (request == null) {
                        return;
                    }
                    rep.send("World".getBytes(ZMQ.CHARSET), 0);
                }
            });
            server.setDaemon(true);
            server.start();
            RoleRun client = RoleRun.of(Duration.ofSeconds(60), "hwclient", "--connect", "tcp://127.0.0.1:" + port,
                    "--timeout-ms", "10000");
            assertEquals(ExitCodes.OK, client.exitCode(), client.toString());
            assertEquals(10, NetworkRolesTest.count(client.out(), "[ World ]"), client.toString());
        }
    }

    @Test
    void jeroMqClientAgainstOurHwserver() throws Exception {
        int port = Transports.freePort();
        try (ChildProcess server = ChildProcess.role(dir, "hwserver", "--bind", "tcp://*:" + port);
             ZContext context = new ZContext()) {
            ZMQ.Socket req = context.createSocket(SocketType.REQ);
            req.setReceiveTimeOut(20_000);
            req.connect("tcp://localhost:" + port);
            for (int i = 0; i < 10; i++) {
                req.send("Hello");
                String reply = req.recvStr();
                assertEquals("World", reply, "reply " + i + "\n" + server);
            }
        }
    }

    @Test
    void ourWuclientAgainstJeroMqPublisher() throws Exception {
        try (ZContext context = new ZContext()) {
            ZMQ.Socket pub = context.createSocket(SocketType.PUB);
            int port = pub.bindToRandomPort("tcp://127.0.0.1");
            AtomicBoolean stop = new AtomicBoolean();
            Thread publisher = new Thread(() -> {
                java.util.Random random = new java.util.Random();
                while (!stop.get()) {
                    pub.send(String.format("%05d %d %d", random.nextInt(100000), random.nextInt(215) - 80,
                            random.nextInt(50) + 10));
                }
            });
            publisher.setDaemon(true);
            publisher.start();
            try {
                RoleRun client = RoleRun.of(Duration.ofSeconds(60), "wuclient", "--connect", "tcp://127.0.0.1:" + port,
                        "--zip", "1", "--count", "20", "--timeout-ms", "20000");
                assertEquals(ExitCodes.OK, client.exitCode(), client.toString());
                assertTrue(client.out().contains("Average temperature for zipcode '1' was "), client.toString());
            } finally {
                stop.set(true);
                publisher.join(5000);
            }
        }
    }

    @Test
    void jeroMqSubscriberAgainstOurWuserver() throws Exception {
        int port = Transports.freePort();
        try (ChildProcess server = ChildProcess.role(dir, "wuserver", "--bind", "tcp://*:" + port);
             ZContext context = new ZContext()) {
            ZMQ.Socket sub = context.createSocket(SocketType.SUB);
            sub.setReceiveTimeOut(20_000);
            sub.connect("tcp://localhost:" + port);
            sub.subscribe("10".getBytes(ZMQ.CHARSET));
            for (int i = 0; i < 20; i++) {
                String update = sub.recvStr();
                assertNotNull(update, "update " + i + "\n" + server);
                assertTrue(update.matches("10\\d{3} -?\\d+ \\d+"), update);
            }
        }
    }

    @Test
    void jeroMqVentAndSinkDriveOurWorker() throws Exception {
        try (ZContext context = new ZContext()) {
            ZMQ.Socket vent = context.createSocket(SocketType.PUSH);
            int ventPort = vent.bindToRandomPort("tcp://127.0.0.1");
            ZMQ.Socket sink = context.createSocket(SocketType.PULL);
            sink.setReceiveTimeOut(20_000);
            int sinkPort = sink.bindToRandomPort("tcp://127.0.0.1");
            try (ChildProcess worker = ChildProcess.role(dir, "taskwork", "--connect", "tcp://127.0.0.1:" + ventPort,
                    "--sink", "tcp://127.0.0.1:" + sinkPort)) {
                for (int i = 0; i < 5; i++) {
                    vent.send(Integer.toString(i + 1));
                }
                for (int i = 0; i < 5; i++) {
                    byte[] result = sink.recv(0);
                    assertNotNull(result, "result " + i + "\n" + worker);
                    assertEquals(0, result.length, "the guide's result is empty");
                }
            }
        }
    }
}
