package dev.zeno.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.AddressInUseException;
import dev.zeno.Context;
import dev.zeno.InvalidEndpointException;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Binding and connecting tcp and ipc endpoints: wildcards, ephemeral ports, IPv6, ipc files, errors. */
class StreamEndpointTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Sends one message from a PUSH connected to {@code connectTo} to {@code pull}. */
    private static void assertFlows(Context ctx, Socket pull, String connectTo) {
        try (Socket push = ctx.socket(SocketType.PUSH)) {
            push.connect(connectTo);
            pull.setReceiveTimeout(WAIT);
            assertTrue(push.send("over " + connectTo));
            assertEquals("over " + connectTo, pull.receiveString());
        }
    }

    @Test
    void wildcardHostAndEphemeralPortResolveLikeLibzmq() {
        try (Context ctx = new Context(); Socket pull = ctx.socket(SocketType.PULL)) {
            String bound = pull.bind("tcp://*:*");
            Matcher matcher = Pattern.compile("tcp://0\\.0\\.0\\.0:(\\d+)").matcher(bound);
            assertTrue(matcher.matches(), bound);
            assertEquals(bound, pull.lastEndpoint());
            assertFlows(ctx, pull, "tcp://127.0.0.1:" + matcher.group(1));
            assertFlows(ctx, pull, "tcp://localhost:" + matcher.group(1));
        }
    }

    @Test
    void loopbackEphemeralPort() {
        try (Context ctx = new Context(); Socket pull = ctx.socket(SocketType.PULL)) {
            String bound = pull.bind("tcp://127.0.0.1:*");
            assertTrue(bound.matches("tcp://127\\.0\\.0\\.1:\\d+"), bound);
            assertFlows(ctx, pull, bound);
        }
    }

    @Test
    void hostNamesAreResolvedOnBind() {
        try (Context ctx = new Context(); Socket pull = ctx.socket(SocketType.PULL)) {
            String bound = pull.bind("tcp://localhost:*");
            assertTrue(bound.matches("tcp://(127\\.0\\.0\\.1|\\[::1\\]):\\d+"), bound);
            assertFlows(ctx, pull, bound);
        }
    }

    @Test
    void ipv6Loopback() {
        Assumptions.assumeTrue(ipv6LoopbackWorks(), "IPv6 loopback unavailable here");
        try (Context ctx = new Context(); Socket pull = ctx.socket(SocketType.PULL)) {
            String bound = pull.bind("tcp://[::1]:*");
            assertTrue(bound.matches("tcp://\\[::1\\]:\\d+"), bound);
            assertFlows(ctx, pull, bound);
        }
    }

    @Test
    void wildcardBindAcceptsIpv6Too() {
        Assumptions.assumeTrue(ipv6LoopbackWorks(), "IPv6 loopback unavailable here");
        try (Context ctx = new Context(); Socket pull = ctx.socket(SocketType.PULL)) {
            String bound = pull.bind("tcp://*:*");
            String port = bound.substring(bound.lastIndexOf(':') + 1);
            assertFlows(ctx, pull, "tcp://[::1]:" + port);
        }
    }

    private static boolean ipv6LoopbackWorks() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void tcpAddressInUseNamesTheEndpoint() {
        try (Context ctx = new Context(); Socket first = ctx.socket(SocketType.PULL);
             Socket second = ctx.socket(SocketType.PULL)) {
            String bound = first.bind("tcp://127.0.0.1:*");
            AddressInUseException e = assertThrows(AddressInUseException.class, () -> second.bind(bound));
            assertTrue(e.getMessage().startsWith("address already in use: " + bound), e.getMessage());
        }
    }

    @Test
    void tcpPortHeldByAnotherProgramIsInUse() throws IOException {
        try (ServerSocket other = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
             Context ctx = new Context(); Socket pull = ctx.socket(SocketType.PULL)) {
            String endpoint = "tcp://127.0.0.1:" + other.getLocalPort();
            assertThrows(AddressInUseException.class, () -> pull.bind(endpoint));
        }
    }

    @Test
    void unbindReleasesThePortAtOnce() {
        try (Context ctx = new Context(); Socket first = ctx.socket(SocketType.PULL);
             Socket second = ctx.socket(SocketType.PULL)) {
            String bound = first.bind("tcp://127.0.0.1:*");
            first.unbind(bound);
            assertEquals(bound, second.bind(bound));
            assertFlows(ctx, second, bound);
        }
    }

    /**
     * As libzmq's zmq_unbind: the endpoint stops accepting and the connections accepted through
     * it end; the socket's other endpoint and its peer are untouched.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void unbindStopsAcceptingAndEndsThePeersAcceptedThroughIt(String transport) {
        try (Context ctx = new Context(); Socket server = ctx.socket(SocketType.DEALER);
             Socket client = ctx.socket(SocketType.DEALER); Socket other = ctx.socket(SocketType.DEALER);
             Socket late = ctx.socket(SocketType.DEALER)) {
            server.setReceiveTimeout(WAIT);
            other.setReceiveTimeout(WAIT);
            String endpoint = server.bind(Endpoints.fresh(transport));
            String kept = server.bind(Endpoints.fresh(transport));
            client.setReconnectInterval(Duration.ofMillis(20));
            client.connect(endpoint);
            other.connect(kept);
            assertTrue(client.send("before"));
            assertEquals("before", server.receiveString());
            assertTrue(other.send("hello"));
            assertEquals("hello", server.receiveString());

            server.unbind(endpoint);
            // the server drops the client's peer: DEALER's round robin then sends every probe
            // to the other peer (with both, one each)
            server.setSendTimeout(Duration.ZERO);
            other.setReceiveTimeout(Duration.ofMillis(100));
            client.setReceiveTimeout(Duration.ofMillis(100));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                assertTrue(System.nanoTime() < deadline, "the peer accepted through the unbound endpoint stayed");
                assertTrue(server.send("probe"), "the server lost its other peer too");
                assertTrue(server.send("probe"), "the server lost its other peer too");
                int atOther = drain(other);
                int atClient = drain(client);
                if (atOther == 2 && atClient == 0) {
                    break;
                }
            }
            // what the client sends now goes nowhere: it keeps reconnecting to a closed endpoint
            assertTrue(client.send("after"));
            late.setReconnectInterval(Duration.ofMillis(20));
            late.connect(endpoint);
            assertTrue(late.send("late"));
            assertTrue(other.send("still here"));
            assertEquals("still here", server.receiveString());
            server.setReceiveTimeout(Duration.ofSeconds(1));
            assertNull(server.receiveString(), "a message came through the unbound endpoint");
        }
    }

    /** Receives until nothing more comes within the socket's timeout; returns how many came. */
    private static int drain(Socket socket) {
        int count = 0;
        while (socket.receiveString() != null) {
            count++;
        }
        return count;
    }

    @Test
    void closeReleasesTheIpcPathAndRemovesTheFile() {
        String path = Endpoints.ipcPath();
        try (Context ctx = new Context()) {
            Socket first = ctx.socket(SocketType.PULL);
            first.bind("ipc://" + path);
            assertTrue(Files.exists(Path.of(path)));
            first.close();
            assertFalse(Files.exists(Path.of(path)), "the socket file is removed on close");
            try (Socket second = ctx.socket(SocketType.PULL)) {
                second.bind("ipc://" + path);
                assertFlows(ctx, second, "ipc://" + path);
            }
        }
    }

    @Test
    void staleIpcFileIsReplaced() throws IOException {
        String path = Endpoints.ipcPath();
        // a listener that "dies" without removing its file, as a killed process leaves it
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(path));
        }
        assertTrue(Files.exists(Path.of(path)), "the stale file is there");
        try (Context ctx = new Context(); Socket pull = ctx.socket(SocketType.PULL)) {
            assertEquals("ipc://" + path, pull.bind("ipc://" + path));
            assertFlows(ctx, pull, "ipc://" + path);
        }
    }

    @Test
    void liveIpcListenerIsNotStolen() throws IOException {
        String path = Endpoints.ipcPath();
        try (ServerSocketChannel live = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
             Context ctx = new Context(); Socket pull = ctx.socket(SocketType.PULL)) {
            live.bind(UnixDomainSocketAddress.of(path));
            AddressInUseException e = assertThrows(AddressInUseException.class, () -> pull.bind("ipc://" + path));
            // the same form as tcp's, with what was found at the path
            assertTrue(e.getMessage().startsWith("address already in use: ipc://" + path), e.getMessage());
            assertTrue(Files.exists(Path.of(path)), "the live listener's file is left alone");
        }
    }

    @Test
    void regularFileIsNotReplaced() throws IOException {
        String path = Endpoints.ipcPath();
        Files.writeString(Path.of(path), "precious");
        try (Context ctx = new Context(); Socket pull = ctx.socket(SocketType.PULL)) {
            assertThrows(AddressInUseException.class, () -> pull.bind("ipc://" + path));
            assertEquals("precious", Files.readString(Path.of(path)));
        } finally {
            Files.deleteIfExists(Path.of(path));
        }
    }

    @Test
    void ipcPathTooLongIsABadEndpoint() {
        String path = "/tmp/" + "x".repeat(120);
        try (Context ctx = new Context(); Socket pull = ctx.socket(SocketType.PULL)) {
            InvalidEndpointException e = assertThrows(InvalidEndpointException.class, () -> pull.bind("ipc://" + path));
            assertTrue(e.getMessage().contains("too long"), e.getMessage());
            assertThrows(InvalidEndpointException.class, () -> pull.connect("ipc://" + path));
        }
    }

    @Test
    void ipcWildcardBindsAGeneratedPath() {
        try (Context ctx = new Context()) {
            Socket pull = ctx.socket(SocketType.PULL);
            String bound = pull.bind("ipc://*");
            assertTrue(bound.startsWith("ipc:///"), bound);
            assertFlows(ctx, pull, bound);
            pull.close();
            assertFalse(Files.exists(Path.of(bound.substring("ipc://".length()))));
        }
    }

    @Test
    void relativeIpcPath() throws IOException {
        Path cwd = Path.of("").toAbsolutePath();
        Path file = Files.createTempFile(cwd, "zr", ".sock");
        Files.delete(file);
        String relative = cwd.relativize(file).toString();
        Assumptions.assumeTrue(relative.length() < 100);
        try (Context ctx = new Context(); Socket pull = ctx.socket(SocketType.PULL)) {
            assertEquals("ipc://" + relative, pull.bind("ipc://" + relative));
            assertFlows(ctx, pull, "ipc://" + relative);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void malformedEndpointsFailAtOnceNamingTheInput() {
        try (Context ctx = new Context(); Socket push = ctx.socket(SocketType.PUSH)) {
            for (String bad : new String[] {"tcp://127.0.0.1", "tcp://127.0.0.1:99999", "tcp://:5555",
                                            "tcp://::1:5555", "tcp://127.0.0.1:port"}) {
                InvalidEndpointException e = assertThrows(InvalidEndpointException.class, () -> push.connect(bad), bad);
                assertTrue(e.getMessage().contains(bad), e.getMessage());
            }
            assertThrows(InvalidEndpointException.class, () -> push.connect("tcp://*:5555"));
            assertThrows(InvalidEndpointException.class, () -> push.connect("tcp://127.0.0.1:*"));
            assertThrows(InvalidEndpointException.class, () -> push.connect("ipc://*"));
            InvalidEndpointException unknown = assertThrows(InvalidEndpointException.class,
                    () -> push.connect("tcp://no-such-host.invalid:5555"));
            assertTrue(unknown.getMessage().contains("no-such-host.invalid"), unknown.getMessage());
        }
    }

    @Test
    void contextCloseLeavesNoIoThreadBehind() {
        java.util.Set<Thread> before = ioThreads();
        try (Context ctx = new Context(2); Socket pull = ctx.socket(SocketType.PULL);
             Socket push = ctx.socket(SocketType.PUSH)) {
            push.connect(pull.bind("tcp://127.0.0.1:*"));
            push.send("x");
            pull.setReceiveTimeout(WAIT);
            assertEquals("x", pull.receiveString());
            java.util.Set<Thread> running = ioThreads();
            running.removeAll(before);
            assertFalse(running.isEmpty(), "the context started I/O threads");
        }
        java.util.Set<Thread> after = ioThreads();
        after.removeAll(before);
        assertTrue(after.isEmpty(), "left behind: " + after);
    }

    private static java.util.Set<Thread> ioThreads() {
        java.util.Set<Thread> threads = new java.util.HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("zeno-io-") && thread.isAlive()) {
                threads.add(thread);
            }
        }
        return threads;
    }
}
