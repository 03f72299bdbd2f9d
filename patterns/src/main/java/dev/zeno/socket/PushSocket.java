package dev.zeno.socket;

import dev.zeno.routing.LoadBalancer;
import dev.zeno.transport.Msg;
import dev.zeno.transport.Peer;
import dev.zeno.transport.TransportContext;

/** PUSH: round-robin to downstream peers; waits when every peer is at its high-water mark. */
public final class PushSocket extends SocketBase {
    private final LoadBalancer loadBalancer = new LoadBalancer(this::peerEnded);

    /** A PUSH socket on the given transports. */
    public PushSocket(TransportContext transports) {
        super("PUSH", transports);
    }

    @Override
    protected void onAttach(Peer peer) {
        loadBalancer.add(peer);
    }

    @Override
    protected void onDetach(Peer peer) {
        loadBalancer.remove(peer);
    }

    @Override
    protected boolean trySend(Msg msg) {
        return loadBalancer.send(msg) != null;
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
    protected Msg tryReceive() {
        throw SocketErrors.illegalState("a PUSH socket cannot receive");
    }

    @Override
    protected boolean canSend() {
        return loadBalancer.hasRoom();
    }

    @Override
    protected boolean canReceive() {
        return false;
    }
}
