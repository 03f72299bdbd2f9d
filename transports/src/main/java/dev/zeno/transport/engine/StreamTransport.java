package dev.zeno.transport.engine;

import dev.zeno.transport.Endpoint;
import dev.zeno.transport.Peer;
import dev.zeno.transport.PeerOwner;
import dev.zeno.transport.Pipe;
import dev.zeno.transport.SocketOptions;
import dev.zeno.transport.Transport;
import dev.zeno.transport.TransportException;
import java.io.IOException;
import java.net.BindException;
import java.net.SocketAddress;
import java.util.Locale;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A transport of ZMTP over stream sockets, on the I/O threads of a pool: what tcp and ipc
 * share. A subclass says how its endpoints are bound, resolved and connected; this class does
 * the rest (listeners, sessions, engines).
 *
 * <p>Bind opens and binds the listening socket on the caller's thread, so errors such as an
 * address in use are thrown at once. Connect makes the peer at once and attaches it to the
 * socket (messages queue until the connection is up), then connects in the background.
 */
public abstract class StreamTransport implements Transport {
    /** A listening socket bound by a subclass. */
    protected static final class Bound {
        final ServerSocketChannel channel;
        final String resolvedEndpoint;
        final Runnable cleanup;

        /**
         * @param channel the bound listening channel
         * @param resolvedEndpoint the endpoint as bound (wildcards and ephemeral ports resolved)
         * @param cleanup what to do after the channel is closed (e.g. delete an ipc file)
         */
        public Bound(ServerSocketChannel channel, String resolvedEndpoint, Runnable cleanup) {
            this.channel = channel;
            this.resolvedEndpoint = resolvedEndpoint;
            this.cleanup = cleanup == null ? () -> { } : cleanup;
        }
    }

    private final IoThreadPool pool;

    /** A transport whose connections run on {@code pool}'s threads. */
    protected StreamTransport(IoThreadPool pool) {
        this.pool = pool;
    }

    /**
     * Opens and binds a listening channel for {@code endpoint}. On failure the subclass closes
     * what it opened and lets the exception go: {@link #bind} turns it into the error the API
     * reports, the same way for every stream transport.
     *
     * @throws TransportException naming the endpoint if it is malformed or known to be in use
     * @throws IOException if opening or binding the channel failed
     */
    protected abstract Bound listen(Endpoint endpoint, SocketOptions options) throws IOException;

    /**
     * The address to connect to for {@code endpoint}.
     *
     * @throws dev.zeno.transport.TransportException naming the endpoint if it is malformed or
     *     cannot be resolved
     */
    protected abstract SocketAddress remoteAddress(Endpoint endpoint);

    /** Opens an unconnected channel of the right protocol family for {@code address}. */
    protected abstract SocketChannel openChannel(SocketAddress address) throws IOException;

    /** Sets per-connection socket options (TCP_NODELAY for tcp) on a new channel. */
    protected abstract void configure(SocketChannel channel) throws IOException;

    @Override
    public final Binding bind(Endpoint endpoint, PeerOwner owner) {
        IoThread io = pool.next();
        Bound bound;
        try {
            bound = listen(endpoint, owner.options());
        } catch (IOException | RuntimeException e) {
            throw bindFailed(endpoint, e);
        }
        Listener listener = new Listener(pool, io, bound.channel, bound.resolvedEndpoint, owner, this, bound.cleanup);
        io.execute(listener::start);
        String resolved = bound.resolvedEndpoint;
        return new Binding() {
            @Override
            public String resolvedEndpoint() {
                return resolved;
            }

            @Override
            public void close() {
                listener.close();
            }

            @Override
            public String toString() {
                return resolved;
            }
        };
    }

    @Override
    public final Connection connect(Endpoint endpoint, PeerOwner owner) {
        SocketAddress address = remoteAddress(endpoint);
        IoThread io = pool.next();
        SocketOptions options = owner.options();
        String text = endpoint.toString();
        Peer peer = newPeer(options, text, true);
        ConnectSession session = new ConnectSession(io, owner, text, this, address, peer);
        owner.attach(peer);
        io.execute(session::start);
        return new Connection() {
            @Override
            public String endpoint() {
                return text;
            }

            @Override
            public void close() {
                io.execute(session::disconnect);
            }

            @Override
            public String toString() {
                return text;
            }
        };
    }

    @Override
    public void shutdown() {
        pool.shutdown();
    }

    /**
     * A connection's peer: a pipe each way, bounded by the socket's high-water marks (0 is no
     * limit). {@code outgoing} for the connecting side, whose peer outlives its connections.
     * The inbound pipe recycles frames: the engine decodes each into an array of its own.
     */
    static Peer newPeer(SocketOptions options, String endpoint, boolean outgoing) {
        return new Peer(new Pipe(Math.max(0, options.receiveHighWaterMark), true),
                new Pipe(Math.max(0, options.sendHighWaterMark)), endpoint, outgoing);
    }

    /**
     * What a failed bind reports, for tcp and ipc alike: ADDRESS_IN_USE ("address already in
     * use: ENDPOINT") when the address is taken, UNREACHABLE ("cannot bind ENDPOINT: why")
     * for anything else; a {@link TransportException} a subclass threw goes through as it is.
     *
     * <p>The JDK throws {@link BindException} for three errors of bind(2): EADDRINUSE,
     * EADDRNOTAVAIL (an address this host does not have) and EACCES (a privileged port, a
     * directory we may not write), and only its message tells them apart. That message is the
     * C library's, in the user's language; a transport that can tell them apart otherwise
     * throws {@link #addressInUse} or {@link #cannotBind} itself (tcp: {@code TcpBindFailure}).
     */
    static TransportException bindFailed(Endpoint endpoint, Exception cause) {
        if (cause instanceof TransportException) {
            return (TransportException) cause;
        }
        if (cause instanceof BindException && isAddressInUse((BindException) cause)) {
            return addressInUse(endpoint, cause);
        }
        return cannotBind(endpoint, cause.getMessage(), cause);
    }

    /** ADDRESS_IN_USE: "address already in use: ENDPOINT". */
    protected static TransportException addressInUse(Endpoint endpoint, Throwable cause) {
        return new TransportException(TransportException.Reason.ADDRESS_IN_USE,
                "address already in use: " + endpoint, cause);
    }

    /** UNREACHABLE: "cannot bind ENDPOINT: why". */
    protected static TransportException cannotBind(Endpoint endpoint, String why, Throwable cause) {
        return new TransportException(TransportException.Reason.UNREACHABLE,
                "cannot bind " + endpoint + ": " + why, cause);
    }

    private static boolean isAddressInUse(BindException e) {
        String message = e.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("in use");
    }

    /** Closes a listening channel that could not be used; null is fine. */
    protected static void closeQuietly(ServerSocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }
}
