package dev.zeno.examples.demo;

import dev.zeno.Socket;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A transport the demo runs its scenarios over, and how a scenario binds on it without ever
 * colliding with another program: inproc names live in the scenario's own context, ipc paths
 * in the demo's own temporary directory, tcp ports are ephemeral on the loopback address.
 */
public enum DemoTransport {
    /** Within the process, between threads. */
    INPROC,
    /** Unix domain sockets. */
    IPC,
    /** TCP on the loopback interface. */
    TCP;

    /** The transport's name as in endpoints: "inproc", "ipc", "tcp". */
    public String scheme() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Binds {@code socket} to a fresh endpoint called {@code name} (ipc files go in
     * {@code ipcDirectory}) and returns the endpoint its peers connect to.
     */
    public String bind(Socket socket, String name, Path ipcDirectory) {
        switch (this) {
            case INPROC:
                socket.bind("inproc://zeno-demo-" + name);
                break;
            case IPC:
                socket.bind("ipc://" + ipcDirectory.resolve(name + ".ipc").toAbsolutePath());
                break;
            default:
                socket.bind("tcp://127.0.0.1:*");
                break;
        }
        // lastEndpoint resolves the ephemeral tcp port the peers must connect to
        return socket.lastEndpoint();
    }
}
