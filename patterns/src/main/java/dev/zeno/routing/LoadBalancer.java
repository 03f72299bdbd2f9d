package dev.zeno.routing;

import dev.zeno.transport.Msg;
import dev.zeno.transport.Peer;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends each message to the next peer in turn that has room (round-robin), skipping peers at
 * their high-water mark. Messages are whole, so a multipart message never straddles peers.
 */
public final class LoadBalancer {
    private final List<Peer> peers = new ArrayList<>();
    private final PeerEndListener endListener;
    private int next;

    /** A load balancer that reports ended peers to {@code endListener}. */
    public LoadBalancer(PeerEndListener endListener) {
        this.endListener = endListener;
    }

    /** Adds a peer at the end of the rotation. */
    public void add(Peer peer) {
        peers.add(peer);
    }

    /** Removes a peer. */
    public void remove(Peer peer) {
        int index = peers.indexOf(peer);
        if (index >= 0) {
            peers.remove(index);
            if (next > index) {
                next--;
            }
            if (next >= peers.size()) {
                next = 0;
            }
        }
    }

    /** The number of peers. */
    public int size() {
        return peers.size();
    }

    /**
     * Writes {@code msg} to the next peer with room and flushes it.
     *
     * @return the peer that took it, or null if every peer is full (or there are none)
     */
    public Peer send(Msg msg) {
        int attempts = peers.size();
        while (attempts-- > 0 && !peers.isEmpty()) {
            if (next >= peers.size()) {
                next = 0;
            }
            Peer peer = peers.get(next);
            if (peer.outbound().isReaderClosed()) {
                endListener.peerEnded(peer); // removes it from this list via the socket
                continue;
            }
            if (peer.outbound().write(msg)) {
                peer.outbound().flush();
                next = (next + 1) % peers.size();
                return peer;
            }
            next = (next + 1) % peers.size();
        }
        return null;
    }

    /** True if some peer has room now. */
    public boolean hasRoom() {
        for (Peer peer : peers) {
            if (!peer.outbound().isReaderClosed() && peer.outbound().hasRoom()) {
                return true;
            }
        }
        return false;
    }
}
