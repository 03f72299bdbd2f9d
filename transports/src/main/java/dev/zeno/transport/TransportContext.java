package dev.zeno.transport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The transports of one context: inproc's name registry, and the I/O threads of tcp and ipc.
 * A context owns one; closing the context shuts it down.
 */
public final class TransportContext {
    private final Map<String, Transport> transports = new ConcurrentHashMap<>();
    private final int ioThreads;

    /** Transports for one context, with {@code ioThreads} I/O threads for tcp and ipc. */
    public TransportContext(int ioThreads) {
        if (ioThreads < 1) {
            throw new IllegalArgumentException("I/O threads must be >= 1: " + ioThreads);
        }
        this.ioThreads = ioThreads;
        register(new dev.zeno.transport.inproc.InprocTransport());
        NetworkTransports.registerInto(this);
    }

    /** The number of I/O threads tcp and ipc may use. */
    public int ioThreads() {
        return ioThreads;
    }

    /** Adds (or replaces) the transport for its scheme. */
    public void register(Transport transport) {
        transports.put(transport.scheme(), transport);
    }

    /**
     * The transport for {@code endpoint}'s scheme.
     *
     * @throws TransportException UNKNOWN_TRANSPORT naming the endpoint
     */
    public Transport transportFor(Endpoint endpoint) {
        Transport transport = transports.get(endpoint.scheme());
        if (transport == null) {
            throw new TransportException(TransportException.Reason.UNKNOWN_TRANSPORT,
                    "unknown transport '" + endpoint.scheme() + "' in endpoint '" + endpoint
                            + "': use tcp, ipc or inproc");
        }
        return transport;
    }

    /** Stops every transport's threads. */
    public void shutdown() {
        for (Transport transport : transports.values()) {
            transport.shutdown();
        }
    }
}
