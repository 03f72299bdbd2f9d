package dev.zeno.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** Endpoints for network tests: free tcp ports and short ipc paths in a temporary directory. */
final class Endpoints {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Path ipcDirectory;

    private Endpoints() {
    }

    /** A tcp port that was free a moment ago. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh ipc path (short enough for sun_path). */
    static synchronized String ipcPath() {
        try {
            if (ipcDirectory == null) {
                ipcDirectory = Files.createTempDirectory(Path.of("/tmp"), "zn");
                Path directory = ipcDirectory;
                // Socket files of killed peers and the stale-file tests stay behind: sweep them.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(directory)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ipcDirectory.resolve("s" + COUNTER.incrementAndGet()).toString();
    }

    /** A fresh endpoint of {@code transport} ("tcp", "ipc" or "inproc") that can be bound and connected. */
    static String fresh(String transport) {
        switch (transport) {
            case "tcp":
                return "tcp://127.0.0.1:" + freePort();
            case "ipc":
                return "ipc://" + ipcPath();
            case "inproc":
                return "inproc://endpoint-" + COUNTER.incrementAndGet();
            default:
                throw new IllegalArgumentException(transport);
        }
    }

    private static void deleteTree(Path directory) {
        java.io.File[] files = directory.toFile().listFiles();
        if (files != null) {
            for (java.io.File file : files) {
                file.delete();
            }
        }
        directory.toFile().delete();
    }
}
