package dev.zeno.transport;

/** Registers the network transports (tcp, ipc) into a context's transports. */
final class NetworkTransports {
    private NetworkTransports() {
    }

    static void registerInto(TransportContext context) {
        // tcp and ipc are added here by the ZMTP engine.
    }
}
