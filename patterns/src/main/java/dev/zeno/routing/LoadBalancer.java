package dev.zeno.routing;

import dev.zeno.transport.Msg;
import dev.zeno.transport.Peer;
import dev.zeno.transport.Pipe;

/**
 * Sends each message to the next peer in turn that has room (round-robin), skipping peers at
 * their high-water mark. Messages are whole, so a multipart message never straddles peers.
 *
 * <p>With one peer whose pipe is full, the pipe is first written out to its connection on the
 * sending thread ({@link Peer#writeFullPipeNow()}, tcp and ipc only), which then keeps the
 * writing while the stream lasts: a sender that outruns its I/O thread (PUSH, DEALER) no longer
 * sleeps on the full pipe and wakes that thread every few hundred messages. tcp PUSH/PULL 16 B,
 * 60 M messages, 6 alternating runs each: median 15.3 -> 19.0 M msg/s (bench/BENCH.md, tenth
 * session).
 */
public final class LoadBalancer {
    private final PeerRotation rotation = new PeerRotation();
    private final PeerEndListener endListener;
    /**
     * The peer when there is exactly one, else null: a socket with one peer (the common case)
     * then sends without the rotation's list and cursor, a few loads and a store less per
     * message on a path that costs tens of nanoseconds.
     */
    private Peer onlyPeer;

    /** A load balancer that reports ended peers to {@code endListener}. */
    public LoadBalancer(PeerEndListener endListener) {
        this.endListener = endListener;
    }

    /** Adds a peer at the end of the rotation. */
    public void add(Peer peer) {
        rotation.add(peer);
        onlyPeer = rotation.only();
    }

    /** Removes a peer. */
    public void remove(Peer peer) {
        rotation.remove(peer);
        onlyPeer = rotation.only();
    }

    /** The number of peers. */
    public int size() {
        return rotation.size();
    }

    /**
     * Writes {@code msg} to the next peer with room and flushes it.
     *
     * @return the peer that took it, or null if every peer is full (or there are none)
     */
    public Peer send(Msg msg) {
        return sendElement(msg);
    }

    /** Like {@link #send}, for a single-frame message given as its bare frame (no wrapper). */
    public Peer sendFrame(byte[] frame) {
        return sendElement(frame);
    }

    /** Sends a pipe element: a Msg, or a bare single frame (see {@link Pipe#writeElement}). */
    private Peer sendElement(Object element) {
        Peer only = onlyPeer;
        if (only != null && !only.outbound().isReaderClosed()) {
            if (only.writeStreaming(element)) {
                only.outbound().flush();
                return only;
            }
            return null;
        }
        int attempts = rotation.size();
        while (attempts-- > 0 && !rotation.isEmpty()) {
            Peer peer = rotation.current();
            Pipe out = peer.outbound();
            if (out.isReaderClosed()) {
                endListener.peerEnded(peer); // removes it from the rotation via the socket
                continue;
            }
            rotation.advance();
            if (out.writeElement(element)) {
                out.flush();
                return peer;
            }
        }
        return null;
    }

    /** True if some peer has room now; the one peer's full pipe is written out first, as for a send. */
    public boolean hasRoom() {
        Peer only = onlyPeer;
        if (only != null && !only.outbound().isReaderClosed()) {
            return only.hasRoomStreaming();
        }
        for (Peer peer : rotation.peers()) {
            if (!peer.outbound().isReaderClosed() && peer.outbound().hasRoom()) {
                return true;
            }
        }
        return false;
    }
}
