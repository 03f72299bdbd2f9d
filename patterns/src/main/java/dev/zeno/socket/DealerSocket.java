package dev.zeno.socket;

import dev.zeno.routing.FairQueue;
import dev.zeno.routing.LoadBalancer;
import dev.zeno.transport.Msg;
import dev.zeno.transport.Peer;
import dev.zeno.transport.TransportContext;

/**
 * DEALER: an asynchronous REQ. Sends round-robin to peers with room (waits when all are full),
 * receives fair-queued from all peers, with no envelope rules: frames pass as they are.
 */
public final class DealerSocket extends SocketBase {
    private final LoadBalancer loadBalancer = new LoadBalancer(this::readerGone);
    private final FairQueue fairQueue = new FairQueue(this::peerEnded);

    /** A DEALER socket on the given transports. */
    public DealerSocket(TransportContext transports) {
        super("DEALER", transports);
    }

    @Override
    protected void onAttach(Peer peer) {
        loadBalancer.add(peer);
        fairQueue.add(peer);
    }

    @Override
    protected void onDetach(Peer peer) {
        loadBalancer.remove(peer);
        fairQueue.remove(peer);
    }

    @Override
    protected boolean trySend(Msg msg) {
        return loadBalancer.send(msg) != null;
    }

    @Override
    protected Msg tryReceive() {
        return fairQueue.receive();
    }

    @Override
    protected boolean routesBareFrames() {
        return true;
    }

    @Override
    protected boolean trySendFrame(byte[] frame) {
        return loadBalancer.sendFrame(frame) != null;
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
        return loadBalancer.hasRoom();
    }

    @Override
    protected boolean canReceive() {
        return fairQueue.hasMessage();
    }

    /** The peer stopped reading: send no more, but receive what it sent before it ended. */
    private void readerGone(Peer peer) {
        loadBalancer.remove(peer);
        if (peer.inbound().isDrained()) {
            peerEnded(peer);
        }
    }
}
