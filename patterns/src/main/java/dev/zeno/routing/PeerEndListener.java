package dev.zeno.routing;

import dev.zeno.transport.Peer;

/** Told when a routing strategy finds that a peer's pipe has ended, so the socket drops it. */
@FunctionalInterface
public interface PeerEndListener {
    /** {@code peer}'s connection is over (its writer closed and drained, or its reader left). */
    void peerEnded(Peer peer);
}
