package dev.zeno.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.Context;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import java.io.DataInputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** ZMTP heartbeats: PINGs are sent and answered, and a silent peer is dropped. */
class HeartbeatTest {
    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(10);

    @Test
    void silentPeerIsDroppedAfterPingsGoUnanswered() {
        try (Context ctx = new Context(); Socket pull = ctx.socket(SocketType.PULL)) {
            pull.setHeartbeatInterval(Duration.ofMillis(100));
            pull.setHeartbeatTimeout(Duration.ofMillis(300));
            String endpoint = pull.bind("tcp://127.0.0.1:*");
            try (RawPeer raw = new RawPeer(endpoint).handshake("PUSH")) {
                RawPeer.Frame ping = raw.readFrame();
                assertTrue(ping.isCommand(), "expected a PING, got " + ping);
                assertEquals("PING", ping.commandName());
                // the raw peer never answers: the connection is dropped
                assertTrue(raw.closedWithin(CLOSE_WITHIN), "a silent peer should be dropped");
            }
        }
    }

    @Test
    void pingIsAnsweredWithPongCarryingTheContext() {
        try (Context ctx = new Context(); Socket pull = ctx.socket(SocketType.PULL)) {
            String endpoint = pull.bind("tcp://127.0.0.1:*");
            try (RawPeer raw = new RawPeer(endpoint).handshake("PUSH")) {
                raw.write(RawPeer.command("PING", new byte[] {0, 0, 'c', 't', 'x'}));
                RawPeer.Frame pong = raw.readFrame();
                assertEquals("PONG", pong.commandName());
                assertEquals("ctx", new String(pong.body(), 5, pong.body().length - 5,
                        java.nio.charset.StandardCharsets.US_ASCII));
            }
        }
    }

    @Test
    void peerTtlIsHonoured() {
        try (Context ctx = new Context(); Socket pull = ctx.socket(SocketType.PULL)) {
            String endpoint = pull.bind("tcp://127.0.0.1:*"); // no heartbeats of its own
            try (RawPeer raw = new RawPeer(endpoint).handshake("PUSH")) {
                raw.write(RawPeer.ping(3)); // "drop me if you hear nothing for 300 ms"
                assertEquals("PONG", raw.readFrame().commandName());
                assertTrue(raw.closedWithin(CLOSE_WITHIN), "the peer's TTL should drop the silent connection");
            }
        }
    }

    @Test
    void connectingSideDropsADeadPeerAndReconnects() throws Exception {
        try (Context ctx = new Context(); Socket push = ctx.socket(SocketType.PUSH);
             ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(10_000);
            push.setHeartbeatInterval(Duration.ofMillis(100));
            push.setHeartbeatTimeout(Duration.ofMillis(300));
            push.setReconnectInterval(Duration.ofMillis(50));
            push.connect("tcp://127.0.0.1:" + listener.getLocalPort());
            try (java.net.Socket first = listener.accept()) {
                // handshake as a PULL, then go silent (a peer whose host died)
                first.getOutputStream().write(RawPeer.greeting(3, 1, "NULL"));
                first.getOutputStream().write(RawPeer.ready("PULL"));
                first.getOutputStream().flush();
                new DataInputStream(first.getInputStream()).readFully(new byte[64]);
                // Zeno reconnects after dropping the silent peer, and the new connection carries messages
                try (RawPeer second = new RawPeer(listener.accept()).handshake("PULL")) {
                    assertTrue(push.send("after the reconnect"));
                    assertEquals("after the reconnect", second.readMessageText());
                }
            } catch (java.net.SocketTimeoutException e) {
                throw new AssertionError("no reconnect after the heartbeat timeout", e);
            } catch (UncheckedIOException e) {
                throw e;
            }
        }
    }

    @Test
    void heartbeatingPeersKeepTalking() throws InterruptedException {
        try (Context ctx = new Context(); Socket pull = ctx.socket(SocketType.PULL);
             Socket push = ctx.socket(SocketType.PUSH)) {
            for (Socket socket : new Socket[] {pull, push}) {
                socket.setHeartbeatInterval(Duration.ofMillis(50));
                socket.setHeartbeatTimeout(Duration.ofMillis(500));
                socket.setHeartbeatTtl(Duration.ofMillis(500));
            }
            pull.setReceiveTimeout(Duration.ofSeconds(10));
            push.connect(pull.bind("tcp://127.0.0.1:*"));
            assertTrue(push.send("one"));
            assertEquals("one", pull.receiveString());
            Thread.sleep(400); // several heartbeat rounds with no messages
            assertTrue(push.send("two"));
            assertEquals("two", pull.receiveString());
        }
    }
}
