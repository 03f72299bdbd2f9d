package dev.zeno;

import dev.zeno.socket.DealerSocket;
import dev.zeno.socket.PairSocket;
import dev.zeno.socket.PubSocket;
import dev.zeno.socket.PullSocket;
import dev.zeno.socket.PushSocket;
import dev.zeno.socket.RepSocket;
import dev.zeno.socket.ReqSocket;
import dev.zeno.socket.RouterSocket;
import dev.zeno.socket.SocketBase;
import dev.zeno.socket.SubSocket;
import dev.zeno.socket.XPubSocket;
import dev.zeno.socket.XSubSocket;
import dev.zeno.transport.TransportContext;

/** Makes the socket type's implementation. */
final class SocketFactory {
    private SocketFactory() {
    }

    static SocketBase create(SocketType type, TransportContext transports) {
        switch (type) {
            case REQ:
                return new ReqSocket(transports);
            case REP:
                return new RepSocket(transports);
            case DEALER:
                return new DealerSocket(transports);
            case ROUTER:
                return new RouterSocket(transports);
            case PUB:
                return new PubSocket(transports);
            case SUB:
                return new SubSocket(transports);
            case XPUB:
                return new XPubSocket(transports);
            case XSUB:
                return new XSubSocket(transports);
            case PUSH:
                return new PushSocket(transports);
            case PULL:
                return new PullSocket(transports);
            case PAIR:
                return new PairSocket(transports);
            default:
                throw new IllegalArgumentException("unknown socket type " + type);
        }
    }
}
