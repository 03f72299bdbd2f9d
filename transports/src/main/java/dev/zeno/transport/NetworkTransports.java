package dev.zeno.transport;

import dev.zeno.transport.engine.IoThreadPool;
import dev.zeno.transport.ipc.IpcTransport;
import dev.zeno.transport.tcp.TcpTransport;

/** Registers the network transports (tcp, ipc) into a context's transports. */
final class NetworkTransports {
    private NetworkTransports() {
    }

    /** Adds tcp and ipc, sharing one pool of {@link TransportContext#ioThreads()} I/O threads. */
    static void registerInto(TransportContext context) {
        IoThreadPool pool = new IoThreadPool(context.ioThreads());
        context.register(new TcpTransport(pool));
        context.register(new IpcTransport(pool));
    }
}
