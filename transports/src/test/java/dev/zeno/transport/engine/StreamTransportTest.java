package dev.zeno.transport.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.transport.Endpoint;
import dev.zeno.transport.Msg;
import dev.zeno.transport.Peer;
import dev.zeno.transport.PeerOwner;
import dev.zeno.transport.SocketOptions;
import dev.zeno.transport.Transport;
import dev.zeno.transport.TransportContext;
import dev.zeno.transport.Waker;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stream transports seen from the socket's side of the SPI: when peers are attached, what
 * the handshake records on them, reconnect notices, subscription translation per socket type
 * and protocol version, and high-water marks. Uses a stand-in {@link PeerOwner}, no sockets.
 */
class StreamTransportTest {
    private static final long WAIT_MILLIS = 10_000;
    private final TransportContext context = new TransportContext(1);

    @AfterEach
    void tearDown() {
        context.shutdown();
    }

    /** A stand-in socket: records attaches and reconnects. */
    static final class Owner implements PeerOwner {
        final SocketOptions options;
        final LinkedBlockingQueue<Peer> attached = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<Peer> reconnected = new LinkedBlockingQueue<>();

        Owner(String type) {
            options = new SocketOptions(type);
            options.reconnectIntervalMillis = 20;
        }

        Owner identity(String identity) {
            options.identity = identity.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        @Override
        public SocketOptions options() {
            return options;
        }

        @Override
        public Waker waker() {
            return Waker.NONE;
        }

        @Override
        public void attach(Peer peer) {
            attached.add(peer);
        }

        @Override
        public void reconnected(Peer peer) {
            reconnected.add(peer);
        }

        @Override
        public String describe() {
            return options.socketType + " owner";
        }

        Peer nextAttached() throws InterruptedException {
            Peer peer = attached.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
            assertNotNull(peer, "expected an attached peer");
            return peer;
        }
    }

    private Transport.Binding bind(String endpoint, Owner owner) {
        Endpoint parsed = Endpoint.parse(endpoint);
        return context.transportFor(parsed).bind(parsed, owner);
    }

    private Transport.Connection connect(String endpoint, Owner owner) {
        Endpoint parsed = Endpoint.parse(endpoint);
        return context.transportFor(parsed).connect(parsed, owner);
    }

    private static Msg receive(Peer peer) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (System.nanoTime() < deadline) {
            Msg msg = peer.inbound().read();
            if (msg != null) {
                return msg;
            }
            LockSupport.parkNanos(200_000);
        }
        return null;
    }

    private static void send(Peer peer, byte[]... frames) {
        assertTrue(peer.outbound().send(Msg.of(frames)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void handshakeRecordsTypeAndIdentityOnBothSides() throws Exception {
        Owner router = new Owner("ROUTER").identity("the-router");
        Owner dealer = new Owner("DEALER").identity("the-dealer");
        String endpoint = bind("tcp://127.0.0.1:*", router).resolvedEndpoint();
        connect(endpoint, dealer);
        Peer dealerSide = dealer.nextAttached(); // at once, before any handshake
        Peer routerSide = router.nextAttached(); // only after the handshake
        assertEquals("DEALER", routerSide.remoteSocketType());
        assertArrayEquals(bytes("the-dealer"), routerSide.routingId());
        assertFalse(routerSide.isOutgoing());
        assertTrue(dealerSide.isOutgoing());
        assertEquals(endpoint, dealerSide.endpoint());
        send(dealerSide, bytes("hello"));
        assertArrayEquals(bytes("hello"), receive(routerSide).first());
        assertEquals("ROUTER", dealerSide.remoteSocketType());
        assertArrayEquals(bytes("the-router"), dealerSide.routingId());
    }

    @Test
    void reconnectIsReportedAndTheIdentityRefreshed() throws Exception {
        Owner dealer = new Owner("DEALER");
        String endpoint;
        Transport.Binding first;
        Owner firstRouter = new Owner("ROUTER").identity("first");
        first = bind("tcp://127.0.0.1:*", firstRouter);
        endpoint = first.resolvedEndpoint();
        connect(endpoint, dealer);
        Peer peer = dealer.nextAttached();
        Peer firstSide = firstRouter.nextAttached();
        send(peer, bytes("one"));
        assertArrayEquals(bytes("one"), receive(firstSide).first());
        assertArrayEquals(bytes("first"), peer.routingId());
        assertNull(dealer.reconnected.poll(), "the first handshake is not a reconnect");
        // the binder goes away (socket closed), and a new one binds the same port
        first.close();
        firstSide.close();
        Owner secondRouter = new Owner("ROUTER").identity("second");
        bind(endpoint, secondRouter);
        assertEquals(peer, dealer.reconnected.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS));
        assertArrayEquals(bytes("second"), peer.routingId());
        Peer secondSide = secondRouter.nextAttached();
        send(peer, bytes("two"));
        assertArrayEquals(bytes("two"), receive(secondSide).first());
    }

    @Test
    void subscriptionsTravelAsCommandsBetweenSubAndPub() throws Exception {
        Owner pub = new Owner("PUB");
        Owner sub = new Owner("SUB");
        connect(bind("tcp://127.0.0.1:*", pub).resolvedEndpoint(), sub);
        Peer subSide = sub.nextAttached();
        Peer pubSide = pub.nextAttached();
        send(subSide, new byte[] {1, 'a', 'b'});
        send(subSide, new byte[] {0, 'a', 'b'});
        assertArrayEquals(new byte[] {1, 'a', 'b'}, receive(pubSide).first());
        assertArrayEquals(new byte[] {0, 'a', 'b'}, receive(pubSide).first());
        send(pubSide, bytes("ab-data"));
        assertArrayEquals(bytes("ab-data"), receive(subSide).first());
    }

    @Test
    void otherSocketTypesSendLeadingOneBytesAsPlainMessages() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Owner dealer = new Owner("DEALER");
            connect("tcp://127.0.0.1:" + listener.getLocalPort(), dealer);
            Peer peer = dealer.nextAttached();
            send(peer, new byte[] {1, 'x'});
            try (Socket raw = listener.accept()) {
                RawZmtp zmtp = new RawZmtp(raw).handshake(3, 1, "ROUTER");
                assertArrayEquals(new byte[] {0, 2, 1, 'x'}, zmtp.readFrameBytes(), "a message frame, not a command");
            }
        }
    }

    @Test
    void subscriptionsGoAsMessagesToZmtp30Peers() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Owner sub = new Owner("SUB");
            connect("tcp://127.0.0.1:" + listener.getLocalPort(), sub);
            Peer peer = sub.nextAttached();
            send(peer, new byte[] {1, 't'});
            try (Socket raw = listener.accept()) {
                RawZmtp v30 = new RawZmtp(raw).handshake(3, 0, "PUB");
                assertArrayEquals(new byte[] {0, 2, 1, 't'}, v30.readFrameBytes());
            }
        }
    }

    @Test
    void subscriptionsGoAsCommandsToZmtp31Peers() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Owner sub = new Owner("SUB");
            connect("tcp://127.0.0.1:" + listener.getLocalPort(), sub);
            Peer peer = sub.nextAttached();
            send(peer, new byte[] {1, 't'});
            try (Socket raw = listener.accept()) {
                RawZmtp v31 = new RawZmtp(raw).handshake(3, 1, "PUB");
                byte[] frame = v31.readFrameBytes();
                assertEquals(4, frame[0], "a command frame");
                assertEquals("\u0009SUBSCRIBEt", new String(frame, 2, frame.length - 2, StandardCharsets.ISO_8859_1));
            }
        }
    }

    @Test
    void pubTurnsBothSubscriptionFormsIntoMessagesAndOthersIgnoreCommands() throws Exception {
        Owner pub = new Owner("PUB");
        Owner pull = new Owner("PULL");
        String pubEndpoint = bind("tcp://127.0.0.1:*", pub).resolvedEndpoint();
        String pullEndpoint = bind("tcp://127.0.0.1:*", pull).resolvedEndpoint();
        try (Socket toPub = new Socket(InetAddress.getLoopbackAddress(), port(pubEndpoint));
             Socket toPull = new Socket(InetAddress.getLoopbackAddress(), port(pullEndpoint))) {
            RawZmtp sub = new RawZmtp(toPub).handshake(3, 1, "SUB");
            sub.write(RawZmtp.frame(4, bytes("\u0009SUBSCRIBEcmd")));
            sub.write(RawZmtp.frame(0, new byte[] {1, 'm', 's', 'g'})); // the 3.0 form, accepted from 3.1 too
            Peer pubSide = pub.nextAttached();
            assertArrayEquals(new byte[] {1, 'c', 'm', 'd'}, receive(pubSide).first());
            assertArrayEquals(new byte[] {1, 'm', 's', 'g'}, receive(pubSide).first());

            RawZmtp push = new RawZmtp(toPull).handshake(3, 1, "PUSH");
            push.write(RawZmtp.frame(4, bytes("\u0009SUBSCRIBEcmd"))); // meaningless to a PULL: ignored
            push.write(RawZmtp.frame(0, bytes("data")));
            Peer pullSide = pull.nextAttached();
            assertArrayEquals(bytes("data"), receive(pullSide).first());
        }
    }

    @Test
    void fullInboundPipeStopsReadingInsteadOfBuffering() throws Exception {
        Owner pull = new Owner("PULL");
        pull.options.receiveHighWaterMark = 5;
        Owner push = new Owner("PUSH");
        push.options.sendHighWaterMark = 0;
        connect(bind("tcp://127.0.0.1:*", pull).resolvedEndpoint(), push);
        Peer pushSide = push.nextAttached();
        int count = 2_000;
        byte[] payload = new byte[32 * 1024]; // 64 MiB in all: more than socket buffers hold
        for (int i = 0; i < count; i++) {
            payload[0] = (byte) i;
            pushSide.outbound().write(Msg.of(payload.clone()));
        }
        pushSide.outbound().flush();
        Peer pullSide = pull.nextAttached();
        for (int i = 0; i < 20; i++) {
            assertTrue(pullSide.inbound().size() <= 5, "inbound pipe beyond its mark: " + pullSide.inbound().size());
            Thread.sleep(10);
        }
        assertTrue(pushSide.outbound().size() > 0, "back-pressure reached the sender's pipe");
        for (int i = 0; i < count; i++) {
            Msg msg = receive(pullSide);
            assertNotNull(msg, "message " + i);
            assertEquals((byte) i, msg.first()[0]);
        }
    }

    @Test
    void failedHandshakeNeverReachesTheSocket() throws Exception {
        Owner pull = new Owner("PULL");
        String endpoint = bind("tcp://127.0.0.1:*", pull).resolvedEndpoint();
        try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), port(endpoint))) {
            new RawZmtp(raw).handshakeExpectingFailure(3, 1, "PUB");
        }
        try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), port(endpoint))) {
            raw.getOutputStream().write(bytes("garbage"));
            raw.setSoTimeout((int) WAIT_MILLIS);
            while (raw.getInputStream().read() >= 0) {
                // drain until closed
            }
        }
        assertNull(pull.attached.poll(200, TimeUnit.MILLISECONDS));
    }

    private static int port(String endpoint) {
        return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
    }

    /** A minimal hand-driven ZMTP peer. */
    static final class RawZmtp {
        private final DataInputStream in;
        private final OutputStream out;

        RawZmtp(Socket socket) throws IOException {
            socket.setSoTimeout((int) WAIT_MILLIS);
            in = new DataInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }

        static byte[] frame(int flags, byte[] body) {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write(flags);
            frame.write(body.length);
            frame.writeBytes(body);
            return frame.toByteArray();
        }

        void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        RawZmtp handshake(int major, int minor, String type) throws IOException {
            sendGreetingAndReady(major, minor, type);
            byte[] ready = readFrameBytes();
            assertEquals(4, ready[0], "expected READY");
            return this;
        }

        void handshakeExpectingFailure(int major, int minor, String type) throws IOException {
            sendGreetingAndReady(major, minor, type);
            readFrameBytes(); // our READY
            byte[] error = readFrameBytes();
            assertEquals("ERROR", new String(error, 3, 5, StandardCharsets.US_ASCII));
            assertEquals(-1, in.read(), "closed after ERROR");
        }

        private void sendGreetingAndReady(int major, int minor, String type) throws IOException {
            byte[] greeting = new byte[64];
            greeting[0] = (byte) 0xFF;
            greeting[9] = 0x7F;
            greeting[10] = (byte) major;
            greeting[11] = (byte) minor;
            System.arraycopy(bytes("NULL"), 0, greeting, 12, 4);
            write(greeting);
            in.readFully(new byte[64]);
            ByteArrayOutputStream ready = new ByteArrayOutputStream();
            ready.write(5);
            ready.writeBytes(bytes("READY"));
            ready.write(11);
            ready.writeBytes(bytes("Socket-Type"));
            ready.writeBytes(new byte[] {0, 0, 0, (byte) type.length()});
            ready.writeBytes(bytes(type));
            write(frame(4, ready.toByteArray()));
        }

        /** One short frame, header included. */
        byte[] readFrameBytes() throws IOException {
            int flags = in.readUnsignedByte();
            int size = in.readUnsignedByte();
            byte[] frame = new byte[2 + size];
            frame[0] = (byte) flags;
            frame[1] = (byte) size;
            in.readFully(frame, 2, size);
            return frame;
        }
    }
}
