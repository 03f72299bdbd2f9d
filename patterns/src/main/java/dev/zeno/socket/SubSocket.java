package dev.zeno.socket;

import dev.zeno.transport.Msg;
import dev.zeno.transport.TransportContext;

/**
 * SUB: receives, fair-queued, the messages whose first frame starts with one of its filters;
 * filters are set with {@link #subscribe} and {@link #unsubscribe} (counted: two subscribes
 * need two unsubscribes). Cannot send.
 */
public final class SubSocket extends SubscriberBase {
    /** A SUB socket on the given transports. */
    public SubSocket(TransportContext transports) {
        super("SUB", transports);
    }

    @Override
    protected boolean trySend(Msg msg) {
        throw SocketErrors.illegalState("a SUB socket cannot send (use subscribe and unsubscribe, or XSUB)");
    }

    @Override
    protected boolean canSend() {
        return false;
    }
}
