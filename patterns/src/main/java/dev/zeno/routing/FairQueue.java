package dev.zeno.routing;

import dev.zeno.transport.Msg;
import dev.zeno.transport.Peer;
import dev.zeno.transport.Pipe;

/**
 * Receives from every peer in turn (fair queuing), so one busy peer cannot starve the others.
 * Remembers which peer the last message came from, for sockets that reply to it.
 */
public final class FairQueue {
    private final PeerRotation rotation = new PeerRotation();
    private final PeerEndListener endListener;
    private Peer lastPeer;
    /** The peer when there is exactly one, else null: see LoadBalancer's field of that name. */
    private Peer onlyPeer;

    /** A fair queue that reports ended peers to {@code endListener}. */
    public FairQueue(PeerEndListener endListener) {
        this.endListener = endListener;
    }

    /** Adds a peer. */
    public void add(Peer peer) {
        rotation.add(peer);
        onlyPeer = rotation.only();
    }

    /** Removes a peer. */
    public void remove(Peer peer) {
        rotation.remove(peer);
        onlyPeer = rotation.only();
        if (lastPeer == peer) {
            lastPeer = null;
        }
    }

    /** The number of peers. */
    public int size() {
        return rotation.size();
    }

    /** The peer if there is exactly one, else null. */
    public Peer onlyPeer() {
        return onlyPeer;
    }

    /** The next message in fair order, or null if no peer has one. */
    public Msg receive() {
        return Pipe.toMsg(receiveElement());
    }

    /**
     * The next pipe element in fair order (a Msg, or a bare single frame: see
     * {@link Pipe#readElement()}), or null if no peer has one.
     */
    public Object receiveElement() {
        Peer only = onlyPeer;
        if (only != null) {
            Object element = only.inbound().readElement();
            if (element != null) {
                lastPeer = only;
                return element;
            }
            if (only.inbound().isDrained()) {
                endListener.peerEnded(only); // removes it via the socket
            }
            return null;
        }
        int attempts = rotation.size();
        while (attempts-- > 0 && !rotation.isEmpty()) {
            Peer peer = rotation.current();
            Object element = peer.inbound().readElement();
            if (element != null) {
                lastPeer = peer;
                rotation.advance();
                return element;
            }
            if (peer.inbound().isDrained()) {
                endListener.peerEnded(peer); // removes it from the rotation via the socket
                continue;
            }
            rotation.advance();
        }
        return null;
    }

    /** The peer the last received message came from, or null. */
    public Peer lastPeer() {
        return lastPeer;
    }

    /**
     * Gives a bare frame the last receive returned back to the pipe it came from, once it was
     * copied out and nothing refers to it (see {@link Pipe#recycle}).
     */
    public void recycle(byte[] frame) {
        if (lastPeer != null) {
            lastPeer.inbound().recycle(frame);
        }
    }

    /** True if some peer has a message queued now. */
    public boolean hasMessage() {
        for (Peer peer : rotation.peers()) {
            if (peer.inbound().hasMessage()) {
                return true;
            }
        }
        return false;
    }
}
