package dev.zeno.examples.support;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.zeno.Context;
import dev.zeno.InvalidEndpointException;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Endpoints for tests that run roles in separate contexts or processes, and the check that
 * the transport exists in this build (tcp and ipc arrived after the examples): a test over a
 * transport that is not registered yet is skipped, any other failure is a failure.
 */
public final class Transports {
    private Transports() {
    }

    /** Skips the test unless {@code scheme} ("tcp", "ipc") is a registered transport. */
    public static void assumeAvailable(String scheme) {
        try (Context ctx = new Context();
             Socket socket = ctx.socket(SocketType.PULL)) {
            Path dir = Files.createTempDirectory("zeno-probe");
            try {
                socket.bind("tcp".equals(scheme) ? "tcp://127.0.0.1:*" : "ipc://" + dir.resolve("probe.ipc"));
            } finally {
                socket.close();
                Files.deleteIfExists(dir.resolve("probe.ipc"));
                Files.deleteIfExists(dir);
            }
        } catch (InvalidEndpointException e) {
            assumeFalse(String.valueOf(e.getMessage()).contains("unknown transport"),
                    scheme + " is not in this build yet: " + e.getMessage());
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tcp port free right now on the loopback interface. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An endpoint pair on {@code scheme}: what a role binds and what its peers connect to. */
    public record Pair(String bind, String connect) {
    }

    /** A fresh endpoint pair: tcp on a free port (bind on every interface, connect to localhost), or ipc in {@code dir}. */
    public static Pair fresh(String scheme, Path dir, String name) {
        if ("tcp".equals(scheme)) {
            int port = freePort();
            return new Pair("tcp://*:" + port, "tcp://localhost:" + port);
        }
        String endpoint = "ipc://" + dir.resolve(name + ".ipc").toAbsolutePath();
        return new Pair(endpoint, endpoint);
    }
}
