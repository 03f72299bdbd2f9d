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
