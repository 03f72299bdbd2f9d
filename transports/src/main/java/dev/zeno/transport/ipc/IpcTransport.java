package dev.zeno.transport.ipc;

import dev.zeno.transport.Endpoint;
import dev.zeno.transport.SocketOptions;
import dev.zeno.transport.TransportException;
import dev.zeno.transport.engine.IoThreadPool;
import dev.zeno.transport.engine.StreamTransport;
import java.io.IOException;
import java.net.BindException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ipc transport: ZMTP 3.1 over Unix domain sockets, wire-compatible with libzmq's ipc.
 *
 * <p>Endpoints: {@code ipc:///absolute/path}, {@code ipc://relative/path} (to the working
 * directory), and {@code ipc://*}, which binds a fresh path in a new temporary directory
 * (named by {@link Binding#resolvedEndpoint()}). A path holds at most 107 bytes. Binding over a
 * socket file that a dead process left behind replaces it; binding a path where a listener
 * answers fails with ADDRESS_IN_USE. The file (and a generated directory) is removed on unbind.
 */
public final class IpcTransport extends StreamTransport {
    /** An ipc transport on {@code pool}'s I/O threads. */
    public IpcTransport(IoThreadPool pool) {
        super(pool);
    }

    @Override
    public String scheme() {
        return "ipc";
    }

    @Override
    protected Bound listen(Endpoint endpoint, SocketOptions options) throws IOException {
        Path generatedDirectory = null;
        String pathText = endpoint.address();
        if (IpcPaths.isWildcard(endpoint)) {
            try {
                generatedDirectory = Files.createTempDirectory("zeno-ipc-");
            } catch (IOException e) {
                throw new TransportException(TransportException.Reason.UNREACHABLE,
                        "cannot make a temporary directory for " + endpoint + ": " + e.getMessage(), e);
            }
            pathText = generatedDirectory.resolve("socket").toString();
        }
        ServerSocketChannel channel = null;
        Path path;
        try {
            UnixDomainSocketAddress address = IpcPaths.address(endpoint, pathText);
            path = address.getPath();
            IpcPaths.clearStale(endpoint, path, address);
            channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.bind(address, Math.max(1, options.backlog));
            } catch (BindException e) {
                // a stale file appeared between the check and the bind, or a listener did
                IpcPaths.clearStale(endpoint, path, address);
                channel.bind(address, Math.max(1, options.backlog));
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            deleteDirectory(generatedDirectory);
            throw e;
        }
        Object key = IpcPaths.fileKey(path);
        Path directory = generatedDirectory;
        String resolved = "ipc://" + pathText;
        return new Bound(channel, resolved, () -> {
            IpcPaths.deleteIfSame(path, key);
            deleteDirectory(directory);
        });
    }

    @Override
    protected SocketAddress remoteAddress(Endpoint endpoint) {
        if (IpcPaths.isWildcard(endpoint)) {
            throw new TransportException(TransportException.Reason.BAD_ENDPOINT,
                    "cannot connect to '" + endpoint + "': * is only for bind");
        }
        return IpcPaths.address(endpoint);
    }

    @Override
    protected SocketChannel openChannel(SocketAddress address) throws IOException {
        return SocketChannel.open(StandardProtocolFamily.UNIX);
    }

    @Override
    protected void configure(SocketChannel channel) {
        // no per-connection options apply to Unix domain sockets
    }

    private static void deleteDirectory(Path directory) {
        if (directory != null) {
            try {
                Files.deleteIfExists(directory);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }
}
