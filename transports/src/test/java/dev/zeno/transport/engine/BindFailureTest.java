package dev.zeno.transport.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.transport.Endpoint;
import dev.zeno.transport.TransportContext;
import dev.zeno.transport.TransportException;
import dev.zeno.transport.TransportException.Reason;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** tcp and ipc report a failed bind the same way: one mapping, in {@link StreamTransport}. */
class BindFailureTest {
    private final TransportContext context = new TransportContext(1);

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        context.shutdown();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp://127.0.0.1:5555", "ipc:///tmp/zeno-bind-failure"})
    void addressInUseIsOneReasonAndOneMessage(String text) {
        Endpoint endpoint = Endpoint.parse(text);
        BindException cause = new BindException("Address already in use");
        TransportException e = StreamTransport.bindFailed(endpoint, cause);
        assertEquals(Reason.ADDRESS_IN_USE, e.reason());
        assertEquals("address already in use: " + text, e.getMessage());
        assertSame(cause, e.getCause());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Cannot assign requested address", "Permission denied"})
    void otherBindErrorsAreNotReportedAsInUse(String why) {
        for (String text : new String[] {"tcp://127.0.0.1:80", "ipc:///root/socket"}) {
            TransportException e = StreamTransport.bindFailed(Endpoint.parse(text), new BindException(why));
            assertEquals(Reason.UNREACHABLE, e.reason(), text);
            assertEquals("cannot bind " + text + ": " + why, e.getMessage());
        }
    }

    @Test
    void aTransportExceptionGoesThroughAsItIs() {
        TransportException thrown = new TransportException(Reason.BAD_ENDPOINT, "bad: tcp://x");
        assertSame(thrown, StreamTransport.bindFailed(Endpoint.parse("tcp://127.0.0.1:1"), thrown));
    }

    private TransportException bindFails(String text) {
        Endpoint endpoint = Endpoint.parse(text);
        StreamTransportTest.Owner owner = new StreamTransportTest.Owner("PULL");
        return assertThrows(TransportException.class, () -> context.transportFor(endpoint).bind(endpoint, owner));
    }

    @Test
    void tcpPortHeldByAnotherSocket() throws IOException {
        try (ServerSocket other = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            String text = "tcp://127.0.0.1:" + other.getLocalPort();
            TransportException e = bindFails(text);
            assertEquals(Reason.ADDRESS_IN_USE, e.reason());
            assertEquals("address already in use: " + text, e.getMessage());
            assertTrue(e.getCause() instanceof BindException, String.valueOf(e.getCause()));
        }
    }

    @Test
    void tcpAddressThisHostDoesNotHave() {
        String text = "tcp://192.0.2.1:5555"; // TEST-NET-1 (RFC 5737): on no host
        TransportException e = bindFails(text);
        assertEquals(Reason.UNREACHABLE, e.reason());
        assertEquals("cannot bind " + text + ": 192.0.2.1 is not an address of this host", e.getMessage());
        assertTrue(e.getCause() instanceof BindException, String.valueOf(e.getCause()));
    }

    @Test
    void ipcPathHeldByAnotherListener() throws IOException {
        Path path = dir.resolve("held");
        try (ServerSocketChannel other = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            other.bind(UnixDomainSocketAddress.of(path));
            String text = "ipc://" + path;
            TransportException e = bindFails(text);
            assertEquals(Reason.ADDRESS_IN_USE, e.reason());
            assertTrue(e.getMessage().startsWith("address already in use: " + text), e.getMessage());
        }
    }

    @Test
    void ipcPathInAMissingDirectoryIsNotInUse() {
        String text = "ipc://" + dir.resolve("no-such-directory").resolve("socket");
        TransportException e = bindFails(text);
        assertEquals(Reason.UNREACHABLE, e.reason());
        assertTrue(e.getMessage().startsWith("cannot bind " + text + ": "), e.getMessage());
        assertTrue(e.getCause() instanceof SocketException, String.valueOf(e.getCause()));
        assertTrue(Files.notExists(dir.resolve("no-such-directory")));
    }
}
