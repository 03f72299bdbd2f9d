package dev.zeno.socket;

import dev.zeno.transport.Msg;
import dev.zeno.transport.TransportContext;
import java.util.ArrayDeque;

/**
 * XPUB: a PUB that also hands its subscribers' subscriptions to the application as messages,
 * {@code 0x01topic} and {@code 0x00topic}, as a proxy forwards them upstream. As in libzmq, a
 * subscription is passed up only when its topic is new to this socket (every one with
 * {@linkplain #setXpubVerbose verbose}), and a cancel only when no subscriber holds the topic
 * any more, including when the last holder goes away. Other messages that subscribers send
 * (an XSUB may) are passed up as they are.
 */
public final class XPubSocket extends PublisherBase {
    private final ArrayDeque<Msg> pending = new ArrayDeque<>();
    private boolean verbose;

    /** An XPUB socket on the given transports. */
    public XPubSocket(TransportContext transports) {
        super("XPUB", transports);
    }

    @Override
    public void setXpubVerbose(boolean verbose) {
        this.verbose = verbose;
    }

    @Override
    protected void onSubscribe(Msg msg, boolean first) {
        if (first || verbose) {
            pending.add(msg);
        }
    }

    @Override
    protected void onCancel(Msg msg, boolean last) {
        if (last) {
            pending.add(msg);
        }
    }

    @Override
    protected void onUpstreamMessage(Msg msg) {
        pending.add(msg);
    }

    @Override
    protected Msg tryReceive() {
        drainUpstream();
        return pending.poll();
    }

    @Override
    protected boolean canReceive() {
        drainUpstream();
        return !pending.isEmpty();
    }
}
