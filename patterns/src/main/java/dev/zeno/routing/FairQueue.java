package dev.zeno.routing;

import dev.zeno.transport.Msg;
import dev.zeno.transport.Peer;
import java.util.ArrayList;
import java.util.List;

/**
 * Receives from every peer in turn (fair queuing), so one busy peer cannot starve the others.
 * Remembers which peer the last message came from, for sockets that reply to it.
 */
public final class FairQueue {
    private final List<Peer> peers = new ArrayList<>();
    private final PeerEndListener endListener;
    private int current;
    private Peer lastPeer;

    /** A fair queue that reports ended peers to {@code endListener}. */
    public FairQueue(PeerEndListener endListener) {
        this.endListener = endListener;
    }

    /** Adds a peer. */
    public void add(Peer peer) {
        peers.add(peer);
    }

    /** Removes a peer. */
    public void remove(Peer peer) {
        int index = peers.indexOf(peer);
        if (index >= 0) {
            peers.remove(index);
            if (current > index) {
                current--;
            }
            if (current >= peers.size()) {
                current = 0;
            }
        }
        if (lastPeer == peer) {
            lastPeer = null;
        }
    }

    /** The number of peers. */
    public int size() {
        return peers.size();
    }

    /** The next message in fair order, or null if no peer has one. */
    public Msg receive() {
        int attempts = peers.size();
        while (attempts-- > 0 && !peers.isEmpty()) {
            if (current >= peers.size()) {
                current = 0;
            }
            Peer peer = peers.get(current);
            Msg msg = peer.inbound().read();
            if (msg != null) {
                lastPeer = peer;
                current = (current + 1) % peers.size();
                return msg;
            }
            if (peer.inbound().isDrained()) {
                endListener.peerEnded(peer); // removes it from this list via the socket
                continue;
            }
            current = (current + 1) % peers.size();
        }
        return null;
    }

    /** The peer the last received message came from, or null. */
    public Peer lastPeer() {
        return lastPeer;
    }

    /** True if some peer has a message queued now. */
    public boolean hasMessage() {
        for (Peer peer : peers) {
            if (peer.inbound().hasMessage()) {
                return true;
            }
        }
        return false;
    }
}
