package dev.zeno.routing;

import dev.zeno.transport.Msg;
import dev.zeno.transport.Peer;
import dev.zeno.transport.Pipe;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fans one message out to many peers: the same {@link Msg} instance is written to each peer's
 * outbound pipe (no copy). A peer at its high-water mark just misses the message, so the
 * sender never blocks, as a ZeroMQ publisher.
 *
 * <p>Peers are sent to all at once ({@link #sendToAll}) or only those marked for this message
 * with {@link #match} ({@link #sendToMatching}); marking keeps the matching peers at the front
 * of the list, so neither costs an allocation. A caller that finds the peers itself (a
 * publisher's subscription match) sends with {@link #beginSend}, {@link #sendTo} per peer and
 * {@link #endSend}, which costs no lookup at all. Every way of sending writes the message to
 * each pipe first and then issues one full fence for all of them before waking the readers,
 * instead of one fence per peer. Used by one thread.
 */
public final class Distributor {
    private final List<Peer> peers = new ArrayList<>();
    private final Map<Peer, Integer> positions = new IdentityHashMap<>();
    private final PeerEndListener endListener;
    /** peers[0, matching) are marked for the message being sent. */
    private int matching;
    private List<Peer> ended;
    /** The message of the send in progress (between beginSend and endSend): a Msg or a bare frame. */
    private Object sending;
    /** The pipes written by the send in progress, woken by endSend. */
    private Pipe[] written = new Pipe[8];
    private int writtenCount;

    /** A distributor that reports peers whose reader has gone to {@code endListener}. */
    public Distributor(PeerEndListener endListener) {
        this.endListener = endListener;
    }

    /** Adds a peer. */
    public void add(Peer peer) {
        if (!positions.containsKey(peer)) {
            positions.put(peer, peers.size());
            peers.add(peer);
        }
    }

    /** Removes a peer (and its mark). */
    public void remove(Peer peer) {
        Integer position = positions.get(peer);
        if (position == null) {
            return;
        }
        int index = position;
        if (index < matching) {
            swap(index, matching - 1);
            matching--;
            index = matching;
        }
        swap(index, peers.size() - 1);
        peers.remove(peers.size() - 1);
        positions.remove(peer);
    }

    /** The number of peers. */
    public int size() {
        return peers.size();
    }

    /** Marks {@code peer} to receive the next {@link #sendToMatching} message; idempotent. */
    public void match(Peer peer) {
        Integer position = positions.get(peer);
        if (position == null || position < matching) {
            return;
        }
        swap(position, matching);
        matching++;
    }

    /**
     * Sends {@code msg} to the marked peers, then clears the marks.
     *
     * @return how many peers took it (the others were at their high-water mark or gone)
     */
    public int sendToMatching(Msg msg) {
        int count = matching;
        matching = 0;
        return sendToFirst(count, msg);
    }

    /**
     * Sends {@code msg} to every peer.
     *
     * @return how many peers took it
     */
    public int sendToAll(Msg msg) {
        matching = 0;
        return sendToFirst(peers.size(), msg);
    }

    private int sendToFirst(int count, Msg msg) {
        beginSend(msg);
        for (int i = 0; i < count; i++) {
            sendTo(peers.get(i));
        }
        return endSend();
    }

    /** Starts sending {@code msg} to peers chosen with {@link #sendTo}; finish with {@link #endSend}. */
    public void beginSend(Msg msg) {
        sending = msg;
        writtenCount = 0;
    }

    /** {@link #beginSend} for a single-frame message given as its bare frame (no Msg). */
    public void beginSendFrame(byte[] frame) {
        sending = frame;
        writtenCount = 0;
    }

    /**
     * Writes the message of the send in progress to {@code peer}, one of this distributor's
     * peers, unless it is at its high-water mark; a peer whose reader has gone is reported by
     * {@link #endSend}. Call at most once per peer per send. Allocates nothing.
     */
    public void sendTo(Peer peer) {
        Pipe out = peer.outbound();
        if (out.isReaderClosed()) {
            if (ended == null) {
                ended = new ArrayList<>(2);
            }
            ended.add(peer);
        } else if (out.writeElement(sending)) {
            if (writtenCount == written.length) {
                written = Arrays.copyOf(written, writtenCount * 2);
            }
            written[writtenCount++] = out;
        }
    }

    /**
     * Ends the send in progress: one full fence publishes the message in every pipe written
     * (see {@link Pipe#flushAfterFence()}), then each reader is woken if it sleeps; then the
     * peers found ended are reported.
     *
     * @return how many peers took the message
     */
    public int endSend() {
        int delivered = writtenCount;
        if (delivered > 0) {
            VarHandle.fullFence();
            for (int i = 0; i < delivered; i++) {
                written[i].flushAfterFence();
                written[i] = null;
            }
        }
        writtenCount = 0;
        sending = null;
        reportEnded();
        return delivered;
    }

    /** Reports ended peers after the loop: the listener removes them from this list. */
    private void reportEnded() {
        if (ended == null) {
            return;
        }
        List<Peer> gone = ended;
        ended = null;
        for (Peer peer : gone) {
            endListener.peerEnded(peer);
        }
    }

    /** True if {@code peer} is one of this distributor's peers. */
    public boolean contains(Peer peer) {
        return positions.containsKey(peer);
    }

    private void swap(int a, int b) {
        if (a == b) {
            return;
        }
        Peer first = peers.get(a);
        Peer second = peers.get(b);
        peers.set(a, second);
        peers.set(b, first);
        positions.put(second, a);
        positions.put(first, b);
    }
}
