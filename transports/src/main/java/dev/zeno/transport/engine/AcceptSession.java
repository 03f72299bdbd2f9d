package dev.zeno.transport.engine;

import dev.zeno.transport.Peer;
import dev.zeno.transport.PeerOwner;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

/**
 * The bound side of one accepted connection. Its peer is made only when the handshake has
 * succeeded (so a connection that fails its handshake never reaches the socket), with the
 * socket's high-water marks, and attached to the socket. When the connection ends, the peer's
 * pipes are ended so the socket drains and detaches it; there is no reconnect on this side.
 * The connection also ends when its endpoint is unbound ({@link #closeFor}).
 */
final class AcceptSession extends Session {
    private final SocketChannel channel;
    /** Told when the session ends, so its listener stops tracking it. */
    private final Consumer<AcceptSession> ended;

    AcceptSession(IoThread io, PeerOwner owner, String endpoint, SocketChannel channel,
                  Consumer<AcceptSession> ended) {
        super(io, owner, endpoint);
        this.channel = channel;
        this.ended = ended;
    }

    /** Registers with the I/O thread and starts the handshake. I/O thread. */
    void start() {
        if (io.isTerminated()) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            return;
        }
        if (isEnded()) {
            return; // its endpoint was unbound before it started (closeFor closed the channel)
        }
        io.register(this);
        if (isEnded()) {
            return;
        }
        String name;
        try {
            name = endpoint + " (from " + channel.getRemoteAddress() + ")";
        } catch (IOException e) {
            name = endpoint;
        }
        engine = new ZmtpEngine(io, channel, options, this, name);
        engine.start();
    }

    @Override
    public void shutdown() {
        closeFor("the context is closing");
    }

    /**
     * Closes the connection for {@code why}: at once during the handshake, else after sending
     * what is queued, within the linger. I/O thread.
     */
    void closeFor(String why) {
        if (peer == null) {
            end(why);
        } else {
            startLinger(why);
        }
    }

    @Override
    public void handshakeDone(ZmtpEngine from, String peerSocketType, byte[] peerIdentity) {
        if (from != engine || isEnded()) {
            return;
        }
        Peer fresh = StreamTransport.newPeer(options, endpoint, false);
        fresh.setRoutingId(peerIdentity);
        fresh.setRemoteSocketType(peerSocketType);
        bindPeer(fresh);
        attachEngine(from);
        owner.attach(fresh);
    }

    @Override
    public void engineClosed(ZmtpEngine from, String reason) {
        if (from != engine) {
            return;
        }
        engine = null;
        end(reason);
    }

    @Override
    protected void onEnd() {
        ended.accept(this);
        if (engine == null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
