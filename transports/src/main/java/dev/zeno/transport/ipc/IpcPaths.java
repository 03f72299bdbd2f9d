package dev.zeno.transport.ipc;

import dev.zeno.transport.Endpoint;
import dev.zeno.transport.TransportException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The file-system side of ipc endpoints: turning {@code ipc://path} into a Unix domain socket
 * address (with the kernel's length limit checked), telling a stale socket file from a live
 * listener, and making temporary paths for {@code ipc://*}.
 */
final class IpcPaths {
    /** The longest path a Unix domain socket address holds (sun_path is 108 bytes with its NUL). */
    static final int MAX_PATH_BYTES = 107;

    private IpcPaths() {
    }

    /** Whether {@code endpoint} asks for a generated path ({@code ipc://*}). */
    static boolean isWildcard(Endpoint endpoint) {
        return endpoint.address().equals("*");
    }

    /**
     * The socket address of {@code endpoint}'s path.
     *
     * @throws TransportException BAD_ENDPOINT if the path is too long, uses Linux's abstract
     *     namespace ({@code @name}, not available to Java) or is otherwise unusable
     */
    static UnixDomainSocketAddress address(Endpoint endpoint) {
        return address(endpoint, endpoint.address());
    }

    static UnixDomainSocketAddress address(Endpoint endpoint, String path) {
        if (path.startsWith("@")) {
            throw new TransportException(TransportException.Reason.BAD_ENDPOINT,
                    "unsupported ipc endpoint '" + endpoint + "': abstract-namespace paths (@name) are not"
                            + " available to Java; use a file path");
        }
        if (path.indexOf('\0') >= 0) {
            throw new TransportException(TransportException.Reason.BAD_ENDPOINT,
                    "malformed ipc endpoint '" + endpoint + "': the path holds a NUL character");
        }
        int length = path.getBytes(StandardCharsets.UTF_8).length;
        if (length > MAX_PATH_BYTES) {
            throw new TransportException(TransportException.Reason.BAD_ENDPOINT,
                    "ipc path too long in '" + endpoint + "': " + length + " bytes, a Unix domain socket"
                            + " path holds at most " + MAX_PATH_BYTES);
        }
        try {
            return UnixDomainSocketAddress.of(path);
        } catch (RuntimeException e) {
            throw new TransportException(TransportException.Reason.BAD_ENDPOINT,
                    "malformed ipc endpoint '" + endpoint + "': " + e.getMessage(), e);
        }
    }

    /**
     * Makes way for binding {@code path}: if a file is there and it is a socket nobody listens
     * on (left by a process that died), it is deleted.
     *
     * @throws TransportException ADDRESS_IN_USE if a listener answers on it, or the file is not
     *     a socket
     */
    static void clearStale(Endpoint endpoint, Path path, UnixDomainSocketAddress address) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return; // nothing there
        }
        if (!attributes.isOther()) {
            throw new TransportException(TransportException.Reason.ADDRESS_IN_USE,
                    "address already in use: " + endpoint + " (" + path + " exists and is not a socket)");
        }
        if (isLive(address)) {
            throw new TransportException(TransportException.Reason.ADDRESS_IN_USE,
                    "address already in use: " + endpoint + " (another process listens on " + path + ")");
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new TransportException(TransportException.Reason.ADDRESS_IN_USE,
                    "address already in use: " + endpoint + " (cannot remove the stale socket file " + path
                            + ": " + e.getMessage() + ")", e);
        }
    }

    /** True if something accepts connections on {@code address}. */
    static boolean isLive(UnixDomainSocketAddress address) {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return probe.connect(address);
        } catch (IOException e) {
            return false; // refused: a file left behind by a dead process
        }
    }

    /** The file's identity (device and inode) or null, to delete only the file we bound. */
    static Object fileKey(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** Deletes {@code path} if it is still the file whose key is {@code key}. */
    static void deleteIfSame(Path path, Object key) {
        Object now = fileKey(path);
        if (now != null && now.equals(key)) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // best effort: the next bind removes a stale file anyway
            }
        }
    }
}
