package dev.zeno.examples.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

/** Endpoints for tests that run roles in separate contexts or processes. */
public final class Transports {
    private Transports() {
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
