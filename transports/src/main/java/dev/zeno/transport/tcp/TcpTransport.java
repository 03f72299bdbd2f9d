package dev.zeno.transport.tcp;

import dev.zeno.transport.Endpoint;
import dev.zeno.transport.SocketOptions;
import dev.zeno.transport.engine.IoThreadPool;
import dev.zeno.transport.engine.StreamTransport;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * The tcp transport: ZMTP 3.1 over TCP, compatible with libzmq, JeroMQ and NetMQ.
 *
 * <p>Endpoints: {@code tcp://host:port} (a name, an IPv4 literal, or {@code [IPv6]}),
 * {@code tcp://*:port} to bind every interface, and port {@code *} (or 0) to bind an
 * ephemeral port, which {@link Binding#resolvedEndpoint()} then names, e.g.
 * {@code tcp://0.0.0.0:41235}. Connections use TCP_NODELAY; listeners SO_REUSEADDR (so a
 * restarted server can bind its port again at once, but never a port another socket listens on).
 */
public final class TcpTransport extends StreamTransport {
    /** A tcp transport on {@code pool}'s I/O threads. */
    public TcpTransport(IoThreadPool pool) {
        super(pool);
    }

    @Override
    public String scheme() {
        return "tcp";
    }

    @Override
    protected Bound listen(Endpoint endpoint, SocketOptions options) throws IOException {
        InetSocketAddress address = TcpAddresses.bindAddress(endpoint);
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            try {
                channel.bind(address, Math.max(1, options.backlog));
            } catch (BindException e) {
                throwExplained(endpoint, address, e);
            }
            InetSocketAddress local = (InetSocketAddress) channel.getLocalAddress();
            return new Bound(channel, TcpAddresses.resolvedEndpoint(endpoint, local), null);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /**
     * Throws a failed bind as the address explains it ({@link TcpBindFailure}), or {@code cause}
     * itself, for {@link StreamTransport} to explain by its message.
     */
    private static void throwExplained(Endpoint endpoint, InetSocketAddress address, BindException cause)
            throws BindException {
        switch (TcpBindFailure.of(address)) {
            case NOT_AN_ADDRESS_OF_THIS_HOST:
                throw cannotBind(endpoint, address.getAddress().getHostAddress() + " is not an address of this host",
                        cause);
            case ADDRESS_IN_USE:
                throw addressInUse(endpoint, cause);
            default:
                throw cause;
        }
    }

    @Override
    protected SocketAddress remoteAddress(Endpoint endpoint) {
        return TcpAddresses.connectAddress(endpoint);
    }

    @Override
    protected SocketChannel openChannel(SocketAddress address) throws IOException {
        return SocketChannel.open();
    }

    @Override
    protected void configure(SocketChannel channel) throws IOException {
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    }
}
