package dev.zeno;

import dev.zeno.socket.PullSocket;
import dev.zeno.socket.PushSocket;
import dev.zeno.socket.SocketBase;
import dev.zeno.transport.TransportContext;

/** Makes the socket type's implementation. */
final class SocketFactory {
    private SocketFactory() {
    }

    static SocketBase create(SocketType type, TransportContext transports) {
        switch (type) {
            case PUSH:
                return new PushSocket(transports);
            case PULL:
                return new PullSocket(transports);
            default:
                throw new UnsupportedOperationException("socket type " + type + " is not implemented yet");
        }
    }
}
