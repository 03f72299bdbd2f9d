package dev.zeno.transport.engine;

import dev.zeno.transport.Peer;
import dev.zeno.transport.PeerOwner;
import java.io.IOException;
import java.nio.channels.SocketChannel;

/**
 * The bound side of one accepted connection. Its peer is made only when the handshake has
 * succeeded (so a connection that fails its handshake never reaches the socket), with the
 * socket's high-water marks, and attached to the socket. When the connection ends, the peer's
 * pipes are ended so the socket drains and detaches it; there is no reconnect on this side.
 */
final class AcceptSession extends Session {
    private final SocketChannel channel;

    AcceptSession(IoThread io, PeerOwner owner, String endpoint, SocketChannel channel) {
        super(io, owner, endpoint);
        this.channel = channel;
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
        if (peer == null) {
            end("the context is closing");
        } else {
            startLinger("the context is closing");
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
        if (engine == null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
