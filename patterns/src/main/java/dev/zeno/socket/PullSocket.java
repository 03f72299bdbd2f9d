package dev.zeno.socket;

import dev.zeno.routing.FairQueue;
import dev.zeno.transport.Msg;
import dev.zeno.transport.Peer;
import dev.zeno.transport.TransportContext;

/** PULL: fair-queued from every upstream peer. */
public final class PullSocket extends SocketBase {
    private final FairQueue fairQueue = new FairQueue(this::peerEnded);

    /** A PULL socket on the given transports. */
    public PullSocket(TransportContext transports) {
        super("PULL", transports);
    }

    @Override
    protected void onAttach(Peer peer) {
        fairQueue.add(peer);
    }

    @Override
    protected void onDetach(Peer peer) {
        fairQueue.remove(peer);
    }

    /**
     * With one peer in another process, a receive that finds the pipe empty reads the
     * connection itself before it sleeps, and a steady stream is then read and decoded on
     * this thread alone (see {@code ZmtpEngine}): no wake-up of the I/O thread or of this one
     * per pipe's worth of messages (tcp PUSH/PULL 16 B, 60 M messages, 6 runs each: median
     * 14.4 -> 16.7 M msg/s). With several peers the I/O threads read, as fair queuing needs
     * every peer's messages in its pipe.
     */
    @Override
    protected Peer readThroughPeer() {
        return fairQueue.onlyPeer();
    }

    /**
     * A short poll: a stream's next bytes are either in already or a while away. tcp 16 B,
     * 60 M messages, 4 runs each polling 0, 5, 20 and 60 us: medians 13.7-14.9 M msg/s, no
     * difference; a short poll bounds what a PULL fed now and then spends polling.
     */
    @Override
    protected long readThroughNanos() {
        return 10_000;
    }

    @Override
    protected boolean trySend(Msg msg) {
        throw SocketErrors.illegalState("a PULL socket cannot send");
    }

    @Override
    protected Msg tryReceive() {
        return fairQueue.receive();
    }

    @Override
    protected Object tryReceiveElement() {
        return fairQueue.receiveElement();
    }

    @Override
    public void recycleFrame(byte[] frame) {
        fairQueue.recycle(frame);
    }

    @Override
    protected boolean canSend() {
        return false;
    }

    @Override
    protected boolean canReceive() {
        return fairQueue.hasMessage();
    }
}
