package dev.zeno.socket;

import dev.zeno.transport.Msg;
import dev.zeno.transport.TransportContext;

/**
 * PUB: each message goes to every subscriber whose filter is a prefix of its first frame;
 * a subscriber at its high-water mark misses it, so a send never blocks. Cannot receive.
 */
public final class PubSocket extends PublisherBase {
    /** A PUB socket on the given transports. */
    public PubSocket(TransportContext transports) {
        super("PUB", transports);
    }

    @Override
    protected void onSubscribe(Msg msg, boolean first) {
        // the filter is all a PUB needs
    }

    @Override
    protected void onCancel(Msg msg, boolean last) {
        // the filter is all a PUB needs
    }

    @Override
    protected void onUpstreamMessage(Msg msg) {
        // a PUB has no one to give it to: dropped, as libzmq does
    }

    @Override
    protected Msg tryReceive() {
        throw SocketErrors.illegalState("a PUB socket cannot receive (use XPUB to receive subscriptions)");
    }

    @Override
    protected boolean canReceive() {
        return false;
    }
}
