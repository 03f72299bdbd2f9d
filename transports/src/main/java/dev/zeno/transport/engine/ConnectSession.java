package dev.zeno.transport.engine;

import dev.zeno.transport.Peer;
import dev.zeno.transport.PeerOwner;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * The connecting side of one {@code connect}: its peer exists from the start (attached to the
 * socket at once, so messages queue while there is no connection), and the session connects,
 * and connects again after every failure or disconnect, with exponential back-off, until the
 * socket disconnects or closes. After a re-handshake the socket is told
 * ({@link PeerOwner#reconnected}) so SUB resends its subscriptions and ROUTER re-keys.
 */
final class ConnectSession extends Session implements IoHandler {
    private static final System.Logger LOG = System.getLogger(ConnectSession.class.getName());

    private final StreamTransport transport;
    private final SocketAddress address;
    private final Backoff backoff;
    private SocketChannel connecting;
    private SelectionKey connectingKey;
    private Timer reconnectTimer;
    private boolean disconnected;
    private int handshakes;

    ConnectSession(IoThread io, PeerOwner owner, String endpoint, StreamTransport transport,
                   SocketAddress address, Peer peer) {
        super(io, owner, endpoint);
        this.transport = transport;
        this.address = address;
        this.backoff = new Backoff(options.reconnectIntervalMillis, options.reconnectIntervalMaxMillis);
        bindPeer(peer);
    }

    /** Registers with the I/O thread and makes the first attempt. I/O thread. */
    void start() {
        if (isEnded()) {
            return;
        }
        if (io.isTerminated()) {
            end("the context is closed");
            return;
        }
        io.register(this);
        if (!isEnded()) {
            attempt();
        }
    }

    /**
     * The socket disconnected this endpoint or closed: stop connecting; if a connection is up
     * or being made (a connect under way, or the handshake), send what is queued within the
     * linger, then end. Messages queued while no connection exists or is under way (between
     * reconnect attempts) are not waited for. I/O thread.
     */
    void disconnect() {
        stop("disconnected");
    }

    @Override
    public void shutdown() {
        stop("the context is closing");
    }

    private void stop(String why) {
        disconnected = true;
        if (reconnectTimer != null) {
            reconnectTimer.cancel();
        }
        startLinger(why);
    }

    private void attempt() {
        reconnectTimer = null;
        if (isEnded() || disconnected) {
            return;
        }
        SocketChannel channel = null;
        try {
            channel = transport.openChannel(address);
            channel.configureBlocking(false);
            transport.configure(channel);
            if (channel.connect(address)) {
                connected(channel);
            } else {
                connecting = channel;
                connectingKey = channel.register(io.selector(), SelectionKey.OP_CONNECT, this);
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            retry("cannot connect: " + e.getMessage());
        }
    }

    @Override
    public void ready(int readyOps) throws IOException {
        SocketChannel channel = connecting;
        if (channel == null) {
            return;
        }
        if (channel.finishConnect()) {
            connecting = null;
            connectingKey.interestOps(0);
            connectingKey = null;
            connected(channel);
        }
    }

    @Override
    public void failed(Throwable cause) {
        closeConnecting();
        retry("cannot connect: " + cause.getMessage());
    }

    private void connected(SocketChannel channel) {
        String name = endpoint + " (" + describeLocal(channel) + ")";
        engine = new ZmtpEngine(io, channel, options, this, name);
        engine.start();
    }

    @Override
    public void handshakeDone(ZmtpEngine from, String peerSocketType, byte[] peerIdentity) {
        if (from != engine || isEnded()) {
            return;
        }
        backoff.reset();
        // identity first: a ROUTER takes a known socket type as "handshake done, identify it now"
        peer.setRoutingId(peerIdentity);
        peer.setRemoteSocketType(peerSocketType);
        attachEngine(from);
        if (handshakes++ > 0) {
            owner.reconnected(peer);
        }
    }

    @Override
    public void engineClosed(ZmtpEngine from, String reason) {
        if (from != engine || isEnded()) {
            return;
        }
        engine = null;
        // No reconnect once stopping, as in libzmq: a session being terminated has any
        // connecter it launches terminated at once (own_t::process_own), so what was queued
        // is lost with the connection
        if (disconnected || isLingering()) {
            end(reason);
            return;
        }
        retry(reason);
    }

    private void retry(String reason) {
        if (isEnded()) {
            return;
        }
        if (disconnected || !backoff.enabled() || io.isTerminated()) {
            end(reason + (backoff.enabled() ? "" : "; reconnecting is off"));
            return;
        }
        long delay = backoff.next();
        LOG.log(System.Logger.Level.DEBUG, () -> endpoint + ": " + reason + "; reconnecting in " + delay + " ms");
        reconnectTimer = io.schedule(delay, this::attempt);
    }

    @Override
    protected boolean connectInProgress() {
        return connecting != null;
    }

    @Override
    protected void onEnd() {
        if (reconnectTimer != null) {
            reconnectTimer.cancel();
        }
        closeConnecting();
    }

    private void closeConnecting() {
        if (connectingKey != null) {
            connectingKey.cancel();
            connectingKey = null;
        }
        closeQuietly(connecting);
        connecting = null;
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to do with it
            }
        }
    }

    private static String describeLocal(SocketChannel channel) {
        try {
            return "from " + channel.getLocalAddress();
        } catch (IOException e) {
            return "connected";
        }
    }
}
