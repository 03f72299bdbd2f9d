package dev.zeno.routing;

import dev.zeno.transport.Peer;
import java.util.ArrayList;
import java.util.List;

/**
 * Peers in a ring with a cursor: the order in which a load balancer sends and a fair queue
 * receives. Removing a peer keeps the cursor on the peer that was next, so a departure never
 * makes the rotation skip or repeat anyone.
 */
final class PeerRotation {
    private final List<Peer> peers = new ArrayList<>();
    private int cursor;

    void add(Peer peer) {
        peers.add(peer);
    }

    void remove(Peer peer) {
        int index = peers.indexOf(peer);
        if (index < 0) {
            return;
        }
        peers.remove(index);
        if (cursor > index) {
            cursor--;
        }
        if (cursor >= peers.size()) {
            cursor = 0;
        }
    }

    /** The peer if there is exactly one, else null. */
    Peer only() {
        return peers.size() == 1 ? peers.get(0) : null;
    }

    int size() {
        return peers.size();
    }

    boolean isEmpty() {
        return peers.isEmpty();
    }

    /** The peer under the cursor; the rotation must not be empty. */
    Peer current() {
        if (cursor >= peers.size()) {
            cursor = 0;
        }
        return peers.get(cursor);
    }

    /** Moves the cursor to the next peer (no division on the per-message path). */
    void advance() {
        if (++cursor >= peers.size()) {
            cursor = 0;
        }
    }

    /** The peers, for scans that do not move the cursor. */
    List<Peer> peers() {
        return peers;
    }
}
