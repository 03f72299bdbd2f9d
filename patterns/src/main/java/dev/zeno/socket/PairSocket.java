package dev.zeno.socket;

import dev.zeno.transport.Msg;
import dev.zeno.transport.Peer;
import dev.zeno.transport.Pipe;
import dev.zeno.transport.TransportContext;

/**
 * PAIR: exactly one peer, messages both ways. A second peer that attaches while the first is
 * still there is refused: its connection is closed at once (as libzmq does). Sends wait while
 * there is no peer or the peer is at its high-water mark.
 */
public final class PairSocket extends SocketBase {
    private Peer peer;

    /** A PAIR socket on the given transports. */
    public PairSocket(TransportContext transports) {
        super("PAIR", transports);
    }

    @Override
    protected void onAttach(Peer candidate) {
        if (peer != null && hasEnded(peer)) {
            peerEnded(peer);
        }
        if (peer != null) {
            peerEnded(candidate); // refused: closes its pipes, so the other side sees it end
            return;
        }
        peer = candidate;
    }

    @Override
    protected void onDetach(Peer gone) {
        if (gone == peer) {
            peer = null;
        }
    }

    @Override
    protected boolean trySend(Msg msg) {
        return sendToPeer(msg);
    }

    @Override
    protected boolean routesBareFrames() {
        return true;
    }

    @Override
    protected boolean trySendFrame(byte[] frame) {
        return sendToPeer(frame);
    }

    /**
     * Writes and flushes a Msg or a bare frame to the peer. A full pipe is first written out
     * to the connection on this thread, which then keeps the writing while the stream lasts
     * ({@link Peer#writeStreaming}, tcp and ipc; as a PUSH's load balancer does).
     */
    private boolean sendToPeer(Object element) {
        Peer current = writablePeer();
        if (current == null || !current.writeStreaming(element)) {
            return false;
        }
        current.outbound().flush();
        return true;
    }

    @Override
    protected Msg tryReceive() {
        return Pipe.toMsg(tryReceiveElement());
    }

    @Override
    protected Object tryReceiveElement() {
        Peer current = peer;
        if (current == null) {
            return null;
        }
        Object element = current.inbound().readElement();
        if (element == null && current.inbound().isDrained()) {
            peerEnded(current);
        }
        return element;
    }

    @Override
    public void recycleFrame(byte[] frame) {
        Peer current = peer;
        if (current != null) {
            current.inbound().recycle(frame);
        }
    }

    @Override
    protected boolean canSend() {
        Peer current = writablePeer();
        return current != null && current.hasRoomStreaming();
    }

    @Override
    protected boolean canReceive() {
        return peer != null && peer.inbound().hasMessage();
    }

    /**
     * The peer if its reader is still there, else null. A peer whose reader has gone is
     * dropped once what it sent has been received too.
     */
    private Peer writablePeer() {
        Peer current = peer;
        if (current == null || !current.outbound().isReaderClosed()) {
            return current;
        }
        if (current.inbound().isDrained()) {
            peerEnded(current);
        }
        return null;
    }

    private static boolean hasEnded(Peer peer) {
        return peer.outbound().isReaderClosed() && peer.inbound().isDrained();
    }
}
