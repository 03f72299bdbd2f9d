package dev.zeno.socket;

import dev.zeno.routing.LoadBalancer;
import dev.zeno.transport.Msg;
import dev.zeno.transport.Peer;
import dev.zeno.transport.TransportContext;

/**
 * PUSH: round-robin to downstream peers; waits when every peer is at its high-water mark.
 *
 * <p>With one tcp or ipc peer, a send that finds the pipe full first writes the pipe out to
 * the connection on this thread ({@link Peer#writeFullPipeNow()}), which then keeps the
 * writing while the stream lasts: the sender no longer sleeps on the full pipe and wakes its
 * I/O thread every few hundred messages. tcp 16 B, 60 M messages: see BENCH.md, tenth session.
 */
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
        return loadBalancer.send(msg) != null || (writeFullPipeOut() && loadBalancer.send(msg) != null);
    }

    @Override
    protected boolean routesBareFrames() {
        return true;
    }

    @Override
    protected boolean trySendFrame(byte[] frame) {
        return loadBalancer.sendFrame(frame) != null
                || (writeFullPipeOut() && loadBalancer.sendFrame(frame) != null);
    }

    /** Every pipe is full: with one peer, writes its pipe out on this thread; true if that made room. */
    private boolean writeFullPipeOut() {
        Peer only = loadBalancer.onlyPeer();
        return only != null && only.writeFullPipeNow();
    }

    @Override
    protected Msg tryReceive() {
        throw SocketErrors.illegalState("a PUSH socket cannot receive");
    }

    @Override
    protected boolean canSend() {
        return loadBalancer.hasRoom() || (writeFullPipeOut() && loadBalancer.hasRoom());
    }

    @Override
    protected boolean canReceive() {
        return false;
    }
}
